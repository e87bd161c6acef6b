/** How the console shows times, amounts and states. */
import { el } from './dom.js';

const TIME = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A `<time>` for an ISO-8601 instant, shown in the browser's time zone; a dash for none. */
export function time(iso) {
  if (!iso) {
    return el('span', {}, '–');
  }
  return el('time', { datetime: iso, title: iso }, TIME.format(new Date(iso)));
}

/** `12.00 EUR` from the API's amount object (`text` is made for display). */
export function amountText(amount) {
  return amount ? `${amount.text} ${amount.currency}` : '–';
}

/** A badge whose class gives the colour of a transaction or terminal state. */
export function stateBadge(state, testName = 'state') {
  const name = String(state ?? 'UNKNOWN');
  return el('span', { class: `badge state-${name.toLowerCase().replace(/_/g, '-')}`, 'data-test': testName }, name);
}

/** The link to a transaction's detail view. */
export function transactionHref(id) {
  return `#/transactions/${encodeURIComponent(id)}`;
}

/** Whether a transaction summary still needs an operator or its terminal (the API's `unresolved`). */
export function isUnresolved(summary) {
  return !summary.final || summary.state === 'UNKNOWN';
}

/** The newer of two summaries of one transaction, by `updatedAt`. */
export function newer(current, candidate) {
  if (!current) {
    return candidate;
  }
  return Date.parse(candidate.updatedAt) >= Date.parse(current.updatedAt) ? candidate : current;
}
