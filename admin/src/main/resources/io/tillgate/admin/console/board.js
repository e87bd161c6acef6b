/** The terminal board: one card per terminal, in configuration order, updated by terminal events. */
import { el } from './dom.js';
import { stateBadge, time, transactionHref } from './format.js';

export class TerminalBoard {
  constructor(list) {
    this.list = list;
    this.terminals = new Map();
    /** Terminals an event updated while a snapshot was loading: the snapshot is older for them. */
    this.freshFromEvents = new Set();
  }

  /** Call before fetching a snapshot, then `load` it. */
  loading() {
    this.freshFromEvents.clear();
  }

  load(terminals) {
    const previous = this.terminals;
    this.terminals = new Map();
    for (const terminal of terminals) {
      const fresher = this.freshFromEvents.has(terminal.id) ? previous.get(terminal.id) : null;
      this.terminals.set(terminal.id, fresher ?? terminal);
    }
    this.render();
  }

  update(terminal) {
    this.freshFromEvents.add(terminal.id);
    this.terminals.set(terminal.id, terminal);
    this.render();
  }

  /** The terminals as last known, in configuration order. */
  all() {
    return [...this.terminals.values()];
  }

  render() {
    this.list.replaceChildren(...this.all().map(card));
  }
}

function card(terminal) {
  const state = String(terminal.state ?? 'UNKNOWN');
  return el('li', { class: `terminal terminal-${state.toLowerCase()}`, 'data-test': 'terminal',
    'data-terminal-id': terminal.id },
  el('div', { class: 'terminal-head' },
    el('span', { class: 'terminal-name' }, terminal.name ?? terminal.id),
    stateBadge(state, 'terminal-state')),
  el('dl', { class: 'facts' },
    el('dt', {}, 'Id'), el('dd', { 'data-test': 'terminal-id' }, terminal.id),
    el('dt', {}, 'Protocol'), el('dd', { 'data-test': 'terminal-protocol' }, terminal.protocol ?? '–'),
    el('dt', {}, 'Last seen'), el('dd', { 'data-test': 'terminal-last-seen' }, time(terminal.lastSeen))),
  terminal.transactionId
    ? el('a', { class: 'running', href: transactionHref(terminal.transactionId), 'data-test': 'terminal-transaction' },
      'Running transaction')
    : null,
  terminal.lastFailure
    ? el('p', { class: 'failure', 'data-test': 'terminal-failure' }, terminal.lastFailure)
    : null);
}
