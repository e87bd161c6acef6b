/** The journal search: filters → `GET /api/transactions`, results linking to the detail view, and exports. */
import { byId, el } from './dom.js';
import { amountText, stateBadge, time, transactionHref } from './format.js';

export class JournalSearch {
  constructor(api) {
    this.api = api;
    this.form = byId('search-form');
    this.status = byId('search-status');
    this.results = byId('search-results');
    this.merchant = byId('search-merchant');
    this.terminal = byId('search-terminal');
    this.exportCsv = byId('export-csv');
    this.exportJson = byId('export-json');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.search();
    });
    // A select may report only `change`, a text field `input` on every key.
    this.form.addEventListener('input', () => this.updateExports());
    this.form.addEventListener('change', () => this.updateExports());
  }

  /** The merchants and terminals to choose from. */
  configure(merchants, terminals) {
    fillOptions(this.merchant, merchants.map((id) => [id, id]));
    fillOptions(this.terminal, terminals.map((t) => [t.id, `${t.name ?? t.id} (${t.id})`]));
    this.updateExports();
  }

  /** The filters in the API's parameter names; `from`/`to` become UTC instants. */
  filters() {
    const data = new FormData(this.form);
    const instant = (value) => (value ? new Date(value).toISOString() : '');
    return {
      merchant: data.get('merchant'),
      terminal: data.get('terminal'),
      state: data.get('state'),
      from: instant(data.get('from')),
      to: instant(data.get('to')),
      reference: String(data.get('reference') ?? '').trim(),
      limit: data.get('limit'),
    };
  }

  updateExports() {
    const filters = this.filters();
    this.exportCsv.href = this.api.exportHref('csv', filters);
    this.exportJson.href = this.api.exportHref('json', filters);
  }

  async search() {
    this.updateExports();
    this.status.textContent = 'Searching…';
    try {
      const { transactions } = await this.api.transactions(this.filters());
      this.results.replaceChildren(...transactions.map(row));
      this.status.textContent = transactions.length === 0 ? 'No transaction matches.'
        : `${transactions.length} transaction${transactions.length === 1 ? '' : 's'}, newest first.`;
    } catch (e) {
      this.status.textContent = e.message;
    }
  }
}

function fillOptions(select, entries) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'Any'),
    ...entries.map(([value, label]) => el('option', { value }, label)));
  select.value = entries.some(([value]) => value === chosen) ? chosen : '';
}

function row(summary) {
  return el('tr', { 'data-test': 'search-result', 'data-transaction-id': summary.id },
    el('td', {}, el('a', { href: transactionHref(summary.id) }, time(summary.createdAt))),
    el('td', {}, summary.merchantId),
    el('td', {}, summary.terminalId ?? '–'),
    el('td', {}, summary.kind),
    el('td', { class: 'num' }, amountText(summary.amount)),
    el('td', {}, stateBadge(summary.state)),
    el('td', { class: 'pan' }, summary.outcome?.maskedPan ?? ''),
    el('td', {}, summary.reference ?? ''));
}
