/** The live transaction feed: the latest transactions, newest first, kept current by transaction events. */
import { el } from './dom.js';
import { amountText, newer, stateBadge, time, transactionHref } from './format.js';

const SHOWN = 50;

export class TransactionFeed {
  constructor(list, empty) {
    this.list = list;
    this.empty = empty;
    this.transactions = new Map();
  }

  /** The snapshot from `GET /api/transactions`; summaries already newer from events stay. */
  load(summaries) {
    const merged = new Map();
    for (const summary of summaries) {
      merged.set(summary.id, newer(this.transactions.get(summary.id), summary));
    }
    this.transactions = merged;
    this.render();
  }

  update(summary) {
    this.transactions.set(summary.id, newer(this.transactions.get(summary.id), summary));
    this.render();
  }

  render() {
    const latest = [...this.transactions.values()]
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .slice(0, SHOWN);
    this.transactions = new Map(latest.map((summary) => [summary.id, summary]));
    this.list.replaceChildren(...latest.map(row));
    this.empty.hidden = latest.length > 0;
  }
}

function row(summary) {
  const pan = summary.outcome?.maskedPan;
  return el('li', { class: 'feed-item', 'data-test': 'feed-item', 'data-transaction-id': summary.id,
    'data-state': summary.state },
  el('a', { href: transactionHref(summary.id) },
    el('span', { class: 'amount', 'data-test': 'feed-amount' }, amountText(summary.amount)),
    stateBadge(summary.state),
    el('span', { class: 'meta' }, time(summary.createdAt),
      ` · ${summary.terminalId ?? '–'} · ${summary.protocol} · ${summary.kind}`,
      pan ? el('span', { class: 'pan' }, ` · ${pan}`) : null)));
}
