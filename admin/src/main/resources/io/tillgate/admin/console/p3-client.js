/**
 * A P3 client over the browser's WebSocket, speaking as web POS software does: one JSON message
 * per text frame, a fresh tag per request, and every UPDATE, ACTION and RESPONSE routed back to
 * its request by that tag. The merchant secret goes into the login message and nowhere else.
 */

/** A P3 ERROR answer (`type` as the server named it), or the connection failing under a request. */
export class P3Error extends Error {
  constructor(type, message, response = null) {
    super(message);
    this.name = 'P3Error';
    this.type = type;
    this.response = response;
  }
}

/** `LOGIN_MERCHANT_REQUEST` → `loginMerchantRequest`: where a message keeps its body. */
export function bodyKey(type) {
  return type.toLowerCase().replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
}

/** A tag no other request of this page has; getRandomValues works on plain-HTTP pages too. */
export function newTag() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class P3Connection {
  /** Opens the WebSocket; resolves once it is open. */
  static open(url) {
    return new Promise((resolve, reject) => {
      let socket;
      try {
        socket = new WebSocket(url);
      } catch (e) {
        reject(new P3Error('CONNECTION_FAILED', `Cannot open ${url}: ${e.message}`));
        return;
      }
      const failed = () => reject(new P3Error('CONNECTION_FAILED', `The P3 WebSocket ${url} refused the connection`));
      socket.addEventListener('error', failed, { once: true });
      socket.addEventListener('open', () => {
        socket.removeEventListener('error', failed);
        resolve(new P3Connection(socket));
      }, { once: true });
    });
  }

  constructor(socket) {
    this.socket = socket;
    /** tag → { handlers, resolve, reject } of each request still waiting for its response. */
    this.pending = new Map();
    /** Told of a message that answers no waiting request, and of the connection closing. */
    this.onStray = () => {};
    this.onClose = () => {};
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => this.closed(event));
  }

  get open() {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Logs the merchant in; resolves with the devices it may use (`{name, identifier, resource}`). */
  async login(merchantIdentifier, merchantSecret) {
    const response = await this.request('LOGIN_MERCHANT_REQUEST', '/',
      { providerMode: 'TEST', merchantIdentifier, merchantSecret });
    return response.loginMerchantResponse?.devices ?? [];
  }

  /**
   * Charges `amountText` (major units, exactly as P3 writes the number) on a device. `handlers`
   * hear `update(executeTransactionUpdate)` and `action(executeTransactionAction)`; resolves with
   * the final transaction (status OK), rejects with P3Error when the transaction could not run.
   */
  async charge(resource, amountText, currency, handlers) {
    const response = await this.request('EXECUTE_TRANSACTION_REQUEST', resource, {
      mode: 'ONLINE',
      transactionParameters: {
        amount: JSON.rawJSON(amountText),
        currency,
        type: 'CHARGE',
        autoCapture: true,
        subject: 'Console test payment',
      },
    }, handlers);
    return response.executeTransactionResponse?.transaction ?? null;
  }

  /** Asks the device to abort; the charge's own response still tells how it ended. */
  abort(resource, transactionIdentifier) {
    return this.request('ABORT_TRANSACTION_REQUEST', resource,
      transactionIdentifier ? { transactionIdentifier } : {});
  }

  /** Answers a CUSTOMER_SIGNATURE action with a PNG image, base64 without a data: prefix. */
  submitSignature(resource, base64Png) {
    return this.request('SUBMIT_SIGNATURE_REQUEST', resource, { signature: base64Png });
  }

  close() {
    this.socket.close(1000, 'closed by the console');
  }

  request(type, resource, body, handlers = {}) {
    if (!this.open) {
      return Promise.reject(new P3Error('CONNECTION_CLOSED', 'The P3 connection is closed'));
    }
    const tag = newTag();
    return new Promise((resolve, reject) => {
      this.pending.set(tag, { handlers, resolve, reject });
      this.socket.send(JSON.stringify({ type, tag, resource, [bodyKey(type)]: body }));
    });
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      this.onStray({ type: 'UNREADABLE', error: { message: 'the server sent a message that is not JSON' } });
      return;
    }
    const waiting = this.pending.get(message.tag);
    const type = String(message.type ?? '');
    if (!waiting) {
      this.onStray(message);
    } else if (type.endsWith('_UPDATE')) {
      waiting.handlers.update?.(message[bodyKey(type)] ?? {});
    } else if (type.endsWith('_ACTION')) {
      waiting.handlers.action?.(message[bodyKey(type)] ?? {});
    } else if (type.endsWith('_RESPONSE')) {
      this.pending.delete(message.tag);
      if (String(message.status).toUpperCase() === 'ERROR' || message.error) {
        const error = message.error ?? {};
        waiting.reject(new P3Error(error.type ?? 'ERROR', error.message ?? 'The server refused the request', message));
      } else {
        waiting.resolve(message);
      }
    } else {
      this.onStray(message);
    }
  }

  closed(event) {
    const reason = event.reason ? `: ${event.reason}` : '';
    for (const { reject } of this.pending.values()) {
      reject(new P3Error('CONNECTION_CLOSED', `The P3 connection closed (code ${event.code}${reason})`));
    }
    this.pending.clear();
    this.onClose(event);
  }
}
