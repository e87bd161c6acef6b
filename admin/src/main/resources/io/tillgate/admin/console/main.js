/**
 * The console's entry point: signs in and out, routes between the views (`#/live`, `#/journal`,
 * `#/transactions/<id>`, `#/unresolved`), and feeds the live event stream to the views that show
 * terminals and transactions.
 */
import { createApi } from './api.js';
import { TerminalBoard } from './board.js';
import { TransactionDetail } from './detail.js';
import { byId } from './dom.js';
import { EventStream } from './events.js';
import { TransactionFeed } from './feed.js';
import { PaymentPanel } from './payment.js';
import { JournalSearch } from './search.js';
import { UnresolvedView } from './unresolved.js';

const VIEWS = ['signin', 'live', 'journal', 'detail', 'unresolved'];
const STREAM_STATES = { live: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' };
const FEED_SIZE = 50;

class ConsoleApp {
  constructor() {
    this.api = createApi({ onUnauthorized: () => this.signedOut('Your session has ended: sign in again.') });
    this.account = null;
    this.searched = false;
    this.board = new TerminalBoard(byId('terminal-list'));
    this.feed = new TransactionFeed(byId('feed-list'), byId('feed-empty'));
    this.search = new JournalSearch(this.api);
    this.detail = new TransactionDetail(this.api);
    this.payment = new PaymentPanel();
    this.unresolved = new UnresolvedView(this.api, (count) => {
      const badge = byId('unresolved-count');
      badge.textContent = String(count);
      badge.hidden = count === 0;
    });
    this.stream = new EventStream('/api/events', {
      terminal: (terminal) => this.board.update(terminal),
      transaction: (summary) => {
        this.feed.update(summary);
        this.unresolved.update(summary);
        this.detail.update(summary);
      },
      status: (state) => this.streamStatus(state),
      resumed: () => this.reload(),
    });

    byId('signin-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.signIn();
    });
    byId('sign-out').addEventListener('click', () => this.signOut());
    window.addEventListener('hashchange', () => this.route());
  }

  async start() {
    try {
      await this.signedIn(await this.api.session());
    } catch (e) {
      if (e.status !== 401) {
        this.showError(e.message);
      }
      this.signedOut();
    }
  }

  async signIn() {
    const name = byId('signin-name');
    const password = byId('signin-password');
    const error = byId('signin-error');
    const submit = byId('signin-submit');
    error.textContent = '';
    submit.disabled = true;
    try {
      const account = await this.api.signIn(name.value.trim(), password.value);
      password.value = '';
      await this.signedIn(account);
    } catch (e) {
      password.value = '';
      error.textContent = e.message;
      password.focus();
    } finally {
      submit.disabled = false;
    }
  }

  async signOut() {
    // Closed first, so the stream does not try again against a session that is gone.
    this.stream.close();
    try {
      await this.api.signOut();
    } catch (e) {
      // Signed out here either way; the cookie is worthless once the server forgets it.
      console.warn('sign-out', e);
    }
    this.signedOut();
  }

  async signedIn(account) {
    this.account = account;
    this.searched = false;
    byId('account-name').textContent = account.name;
    byId('account-role').textContent = account.role;
    byId('account').hidden = false;
    byId('nav').hidden = false;
    this.showError('');
    this.unresolved.setRole(account.role);
    this.stream.open();
    if (!location.hash || location.hash === '#/signin') {
      location.hash = '#/live';
    }
    this.route();
    await this.reload();
  }

  /** Everything the views show, fetched again: after sign-in and after the event stream was down. */
  async reload() {
    try {
      this.board.loading();
      const [gateway, terminals, recent] = await Promise.all([
        this.api.gateway(), this.api.terminals(), this.api.transactions({ limit: FEED_SIZE })]);
      byId('account').title = `Tillgate ${gateway.version}, running since ${gateway.startedAt}`;
      this.payment.configure(gateway);
      this.board.load(terminals);
      this.feed.load(recent.transactions);
      this.search.configure(gateway.merchants ?? [], terminals);
      await this.unresolved.load();
    } catch (e) {
      if (e.status !== 401) {
        this.showError(e.message);
      }
    }
  }

  signedOut(message = '') {
    this.account = null;
    this.stream.close();
    this.payment.reset();
    this.detail.hide();
    byId('account').hidden = true;
    byId('nav').hidden = true;
    byId('signin-error').textContent = message;
    this.show('signin');
    byId('signin-name').focus();
  }

  async streamStatus(state) {
    byId('stream-status').textContent = STREAM_STATES[state];
    byId('stream-status').dataset.state = state;
    if (state !== 'closed' || !this.account) {
      return;
    }
    // EventSource gives up on an HTTP error: signed out, or the gateway restarted.
    try {
      await this.api.session();
      this.reopenStreamLater();
    } catch (e) {
      if (e.status === 401) {
        this.signedOut('Your session has ended: sign in again.');
      } else {
        this.reopenStreamLater();
      }
    }
  }

  /** A new stream after a pause; the views reload, since the closed one missed events. */
  reopenStreamLater() {
    setTimeout(() => {
      if (this.account) {
        this.stream.open();
        this.reload();
      }
    }, 3000);
  }

  route() {
    if (!this.account) {
      this.show('signin');
      return;
    }
    const [, view, id] = location.hash.split('/');
    if (view === 'transactions' && id) {
      this.show('detail');
      this.detail.show(decodeURIComponent(id));
      return;
    }
    this.detail.hide();
    if (view === 'journal') {
      this.show('journal');
      if (!this.searched) {
        this.searched = true;
        this.search.search();
      }
    } else if (view === 'unresolved') {
      this.show('unresolved');
      this.unresolved.load();
    } else {
      this.show('live');
    }
  }

  show(name) {
    for (const view of VIEWS) {
      byId(`${view}-view`).hidden = view !== name;
    }
    for (const link of document.querySelectorAll('#nav a')) {
      if (link.dataset.view === name) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    }
  }

  showError(message) {
    const banner = byId('app-error');
    banner.textContent = message;
    banner.hidden = !message;
  }
}

new ConsoleApp().start();
