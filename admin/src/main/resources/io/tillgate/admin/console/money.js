/**
 * Amounts as the gateway keeps them: integer minor units of an ISO 4217 currency, never binary
 * floating point. Typed text becomes minor units, and minor units become the decimal text P3
 * sends as a JSON number.
 */

const CURRENCY = /^[A-Z]{3}$/;

/** The currency's number of minor-unit digits (EUR 2, JPY 0, KWD 3), from the browser's ISO 4217 data. */
export function exponent(currency) {
  if (!CURRENCY.test(currency)) {
    throw new RangeError(`"${currency}" is not an ISO 4217 currency code such as EUR`);
  }
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch (e) {
    throw new RangeError(`"${currency}" is not an ISO 4217 currency code such as EUR`);
  }
}

/**
 * The minor units of an amount typed in major units (`12.92` EUR → 1292); at most the currency's
 * digits after the point, more than zero, at most nine digits before it.
 */
export function parseMinor(text, currency) {
  const digits = exponent(currency);
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match || (match[2] ?? '').length > digits) {
    throw new RangeError(digits === 0
      ? `Enter the amount in whole ${currency}, such as 1200`
      : `Enter the amount with at most ${digits} decimals, such as 12.${'0'.repeat(digits)}`);
  }
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  if (minor <= 0) {
    throw new RangeError('The amount must be more than zero');
  }
  return minor;
}

/** The major-unit decimal text of minor units, with exactly the currency's digits (1292 EUR → `12.92`). */
export function majorText(minor, currency) {
  const digits = exponent(currency);
  if (digits === 0) {
    return String(minor);
  }
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
