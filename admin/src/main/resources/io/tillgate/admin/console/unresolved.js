/**
 * The "Unresolved" view: transactions still running or whose outcome nobody knows (UNKNOWN). An
 * operator settles an UNKNOWN one as approved or declined with a note; viewers only look.
 */
import { byId, el } from './dom.js';
import { amountText, isUnresolved, newer, stateBadge, time, transactionHref } from './format.js';

export class UnresolvedView {
  /** @param onCount told how many transactions need an operator (UNKNOWN) after every change */
  constructor(api, onCount) {
    this.api = api;
    this.onCount = onCount;
    this.list = byId('unresolved-list');
    this.empty = byId('unresolved-empty');
    this.status = byId('unresolved-status');
    this.readonly = byId('unresolved-readonly');
    this.canResolve = false;
    /** id → { summary, element }; an element lives as long as its transaction is listed, so a note survives events. */
    this.items = new Map();
  }

  setRole(role) {
    this.canResolve = role === 'operator';
    this.readonly.hidden = this.canResolve;
    this.list.replaceChildren();
    this.items.clear();
  }

  async load() {
    try {
      const { transactions } = await this.api.transactions({ unresolved: 'true', limit: 1000 });
      const listed = new Set(transactions.map((t) => t.id));
      for (const id of [...this.items.keys()]) {
        if (!listed.has(id)) {
          this.items.delete(id);
        }
      }
      transactions.forEach((summary) => this.put(summary));
      this.render();
    } catch (e) {
      this.status.textContent = e.message;
    }
  }

  update(summary) {
    if (isUnresolved(summary)) {
      this.put(summary);
    } else {
      this.items.delete(summary.id);
    }
    this.render();
  }

  put(summary) {
    const item = this.items.get(summary.id);
    this.items.set(summary.id, { summary: newer(item?.summary, summary), element: item?.element ?? null });
  }

  render() {
    const items = [...this.items.values()]
      .sort((a, b) => Date.parse(b.summary.createdAt) - Date.parse(a.summary.createdAt));
    for (const item of items) {
      item.element = this.element(item);
    }
    this.list.replaceChildren(...items.map((item) => item.element));
    this.empty.hidden = items.length > 0;
    this.onCount(items.filter((item) => item.summary.state === 'UNKNOWN').length);
  }

  /** The item's element with its summary brought up to date; the resolve form is added once and kept. */
  element({ summary, element }) {
    const li = element ?? el('li', { class: 'card unresolved', 'data-test': 'unresolved-item',
      'data-transaction-id': summary.id }, el('div', { class: 'facts-line' }));
    li.dataset.state = summary.state;
    li.firstElementChild.replaceChildren(
      el('a', { href: transactionHref(summary.id), class: 'id' }, summary.id),
      el('span', {}, time(summary.createdAt)),
      el('span', {}, `${summary.merchantId} · ${summary.terminalId ?? '–'} · ${summary.protocol} · ${summary.kind}`),
      el('span', { class: 'amount' }, amountText(summary.amount)),
      stateBadge(summary.state));
    const resolvable = this.canResolve && summary.state === 'UNKNOWN';
    if (resolvable && !li.querySelector('form')) {
      li.append(this.resolveForm(summary.id));
    } else if (!resolvable) {
      li.querySelector('form')?.remove();
    }
    return li;
  }

  resolveForm(id) {
    const key = `resolve-${id}`;
    const error = el('p', { class: 'error', role: 'alert', 'data-test': 'resolve-error' });
    const button = el('button', { type: 'submit', class: 'primary', 'data-test': 'resolve-submit' }, 'Resolve');
    const form = el('form', { class: 'resolve', 'data-test': 'resolve-form' },
      el('fieldset', {},
        el('legend', {}, 'Outcome'),
        el('label', { class: 'choice' },
          el('input', { type: 'radio', name: 'result', value: 'APPROVED', required: true,
            'data-test': 'resolve-approved' }), 'Approved'),
        el('label', { class: 'choice' },
          el('input', { type: 'radio', name: 'result', value: 'DECLINED', required: true,
            'data-test': 'resolve-declined' }), 'Declined')),
      el('div', { class: 'field grow' },
        el('label', { for: `${key}-note` }, 'Note'),
        el('input', { id: `${key}-note`, name: 'note', required: true, maxlength: 500, autocomplete: 'off',
          placeholder: 'e.g. checked the terminal log, ticket 4711', 'data-test': 'resolve-note' })),
      button,
      error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const note = String(data.get('note') ?? '').trim();
      if (!note) {
        error.textContent = 'Write down why: the note goes into the journal.';
        return;
      }
      button.disabled = true;
      error.textContent = '';
      try {
        const detail = await this.api.resolve(id, data.get('result'), note);
        this.status.textContent = `Transaction ${id} resolved as ${detail.transaction.state}.`;
        this.update(detail.transaction);
      } catch (e) {
        error.textContent = e.message;
        button.disabled = false;
        if (e.status === 409) {
          this.load();
        }
      }
    });
    return form;
  }
}
