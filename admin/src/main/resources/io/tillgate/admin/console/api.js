/**
 * The admin HTTP API over fetch: JSON in and out, the session cookie, and errors as ApiError with
 * the server's own message.
 */

/** A refused or failed API call: the HTTP status (0 when the server could not be reached) and why. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** The query string of the set filters, in the API's parameter names. */
export function queryString(filters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(name, String(value));
    }
  }
  return query.toString();
}

/**
 * The API client. `onUnauthorized` hears of every 401 after sign-in (the session ended or the
 * gateway restarted), so the console can ask for the password again.
 */
export function createApi({ onUnauthorized }) {
  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      // The server's CSRF guard: a form on another site cannot send this content type.
      headers['Content-Type'] = 'application/json';
      if (body !== undefined) {
        init.body = JSON.stringify(body);
      }
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'The gateway cannot be reached.');
    }
    const text = await response.text();
    const data = parse(text);
    if (!response.ok) {
      const error = new ApiError(response.status, data?.error ?? `${response.status} ${response.statusText}`);
      if (response.status === 401 && path !== '/api/session') {
        onUnauthorized(error);
      }
      throw error;
    }
    return data;
  }

  return {
    signIn: (name, password) => call('POST', '/api/session', { name, password }),
    session: () => call('GET', '/api/session'),
    signOut: () => call('DELETE', '/api/session'),
    gateway: () => call('GET', '/api/gateway'),
    terminals: () => call('GET', '/api/terminals'),
    transactions: (filters) => call('GET', `/api/transactions?${queryString(filters)}`),
    transaction: (id) => call('GET', `/api/transactions/${encodeURIComponent(id)}`),
    resolve: (id, result, note) =>
      call('POST', `/api/transactions/${encodeURIComponent(id)}/resolve`, { result, note }),
    exportHref: (format, filters) => `/api/transactions/export?${queryString({ format, ...filters })}`,
  };
}

function parse(text) {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}
