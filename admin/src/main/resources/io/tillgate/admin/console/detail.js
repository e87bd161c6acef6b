/** One transaction: its summary, its history (who did what, with notes) and its receipts as printed. */
import { byId, el } from './dom.js';
import { amountText, stateBadge, time, transactionHref } from './format.js';

export class TransactionDetail {
  constructor(api) {
    this.api = api;
    this.id = null;
    this.idField = byId('detail-id');
    this.status = byId('detail-status');
    this.summary = byId('detail-summary');
    this.history = byId('detail-history');
    this.merchantReceipt = byId('merchant-receipt');
    this.customerReceipt = byId('customer-receipt');
  }

  async show(id) {
    this.id = id;
    this.idField.textContent = id;
    this.status.textContent = 'Loading…';
    try {
      this.render(await this.api.transaction(id));
      this.status.textContent = '';
    } catch (e) {
      if (this.id === id) {
        this.clear();
        this.status.textContent = e.status === 404 ? `No transaction ${id}.` : e.message;
      }
    }
  }

  /** A transaction event: reload when it is the one shown, its history has grown. */
  update(summary) {
    if (summary.id === this.id) {
      this.show(this.id);
    }
  }

  /** Leaving the view: later events need not reload it. */
  hide() {
    this.id = null;
  }

  clear() {
    this.summary.replaceChildren();
    this.history.replaceChildren();
    this.merchantReceipt.textContent = '';
    this.customerReceipt.textContent = '';
  }

  render({ transaction: t, history, receipts }) {
    if (t.id !== this.id) {
      return;
    }
    const outcome = t.outcome ?? {};
    const facts = [
      ['State', stateBadge(t.state, 'detail-state')],
      ['Amount', amountText(t.amount)],
      ['Kind', t.kind],
      ['Merchant', t.merchantId],
      ['Terminal', t.terminalId ?? '–'],
      ['Protocol', t.protocol],
      ['Reference', t.reference ?? '–'],
      ['Request reference', t.requestReference ?? '–'],
      ['Original transaction', t.originalTransactionId
        ? el('a', { href: transactionHref(t.originalTransactionId) }, t.originalTransactionId) : '–'],
      ['Created', time(t.createdAt)],
      ['Updated', time(t.updatedAt)],
      ['Subject', t.subject ?? '–'],
      ['Result', outcome.result ? `${outcome.result}${outcome.reason ? ` (${outcome.reason})` : ''}` : '–'],
      ['Card', outcome.maskedPan ? `${outcome.maskedPan} · ${outcome.scheme} · ${outcome.entryMode}` : '–'],
      ['Authorisation code', outcome.authorizationCode ?? '–'],
      ['Terminal reference', outcome.terminalReference ?? '–'],
    ];
    this.summary.replaceChildren(...facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
    this.history.replaceChildren(...history.map((entry) => el('tr', { 'data-test': 'history-entry' },
      el('td', {}, time(entry.at)),
      el('td', {}, stateBadge(entry.state)),
      el('td', { 'data-test': 'history-actor' }, entry.actor ?? '–'),
      el('td', { 'data-test': 'history-note' }, entry.note ?? ''))));
    this.merchantReceipt.textContent = receipts?.merchant ?? 'No merchant receipt.';
    this.customerReceipt.textContent = receipts?.customer ?? 'No customer receipt.';
  }
}
