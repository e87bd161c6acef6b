/**
 * The "Test payment" panel: a web POS in the console. It logs a merchant in over the gateway's
 * P3 WebSocket, charges an amount on a chosen device, shows the terminal's messages, offers Abort
 * while the terminal says the transaction can be aborted, and a signature pad when the terminal
 * asks for the customer's signature.
 */
import { byId, el } from './dom.js';
import { transactionHref } from './format.js';
import { majorText, parseMinor } from './money.js';
import { P3Connection } from './p3-client.js';
import { SignaturePad } from './signature-pad.js';

const SIGNATURE_ACTIONS = new Set(['CUSTOMER_SIGNATURE', 'SIGNATURE']);

export class PaymentPanel {
  constructor() {
    this.loginForm = byId('p3-login-form');
    this.merchant = byId('p3-merchant');
    this.merchants = byId('p3-merchants');
    this.secret = byId('p3-secret');
    this.connectButton = byId('p3-connect');
    this.connection = byId('p3-connection');
    this.payForm = byId('pay-form');
    this.device = byId('pay-device');
    this.amount = byId('pay-amount');
    this.currency = byId('pay-currency');
    this.payButton = byId('pay-submit');
    this.error = byId('pay-error');
    this.progress = byId('payment-progress');
    this.lines = [byId('display-line-1'), byId('display-line-2')];
    this.state = byId('payment-state');
    this.abortButton = byId('abort-button');
    this.signatureBox = byId('signature-box');
    this.signatureSubmit = byId('signature-submit');
    this.result = byId('payment-result');
    this.log = byId('payment-log');
    this.pad = new SignaturePad(byId('signature-pad'), (signed) => {
      this.signatureSubmit.disabled = !signed;
    });

    this.url = null;
    this.p3 = null;
    /** The running charge: its device, its transaction, whether it may be aborted; null between payments. */
    this.running = null;

    this.loginForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.connect();
    });
    this.payForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.pay();
    });
    byId('p3-disconnect').addEventListener('click', () => this.disconnect());
    this.abortButton.addEventListener('click', () => this.abort());
    byId('signature-clear').addEventListener('click', () => this.pad.clear());
    this.signatureSubmit.addEventListener('click', () => this.submitSignature());
  }

  /** From `GET /api/gateway`: where the P3 WebSocket is and which merchants exist. */
  configure(gateway) {
    this.url = gateway.p3?.webSocket ?? null;
    this.merchants.replaceChildren(...(gateway.merchants ?? []).map((id) => el('option', { value: id })));
    if (!this.merchant.value && gateway.merchants?.length) {
      this.merchant.value = gateway.merchants[0];
    }
    this.connectButton.disabled = this.url === null;
    this.connection.textContent = this.url === null
      ? 'P3 is switched off on this gateway: no test payments.'
      : 'Not connected.';
  }

  /** Signing out of the console: the P3 connection goes too. */
  reset() {
    this.disconnect();
    this.progress.hidden = true;
    this.log.replaceChildren();
  }

  async connect() {
    const merchant = this.merchant.value.trim();
    const secret = this.secret.value;
    // The secret is sent once and kept nowhere: not in the page, not in storage.
    this.secret.value = '';
    this.error.textContent = '';
    this.connectButton.disabled = true;
    this.connection.textContent = `Connecting to ${this.url}…`;
    try {
      const p3 = await P3Connection.open(this.url);
      p3.onStray = (message) => this.note('Message', `${message.type}: ${message.error?.message ?? ''}`);
      p3.onClose = (event) => this.lost(p3, event);
      this.p3 = p3;
      const devices = await p3.login(merchant, secret);
      this.device.replaceChildren(...devices.map((device) =>
        el('option', { value: device.resource }, `${device.name} (${device.identifier})`)));
      this.connection.textContent = `Connected to ${this.url} as merchant ${merchant}.`;
      this.loginForm.hidden = true;
      this.payForm.hidden = false;
      this.amount.focus();
    } catch (e) {
      this.error.textContent = e.message;
      this.connection.textContent = 'Not connected.';
      this.p3?.close();
      this.p3 = null;
    } finally {
      this.connectButton.disabled = false;
    }
  }

  disconnect() {
    const p3 = this.p3;
    this.p3 = null;
    p3?.close();
    this.loginForm.hidden = false;
    this.payForm.hidden = true;
    if (this.url !== null) {
      this.connection.textContent = 'Not connected.';
    }
  }

  lost(p3, event) {
    if (this.p3 !== p3) {
      return;
    }
    this.disconnect();
    this.connection.textContent = `The P3 connection closed (code ${event.code}); connect again to pay.`;
  }

  async pay() {
    this.error.textContent = '';
    const currency = this.currency.value.trim().toUpperCase();
    let amountText;
    try {
      amountText = majorText(parseMinor(this.amount.value, currency), currency);
    } catch (e) {
      this.error.textContent = e.message;
      return;
    }
    const resource = this.device.value;
    this.running = { resource, transactionId: null, abortable: false, awaitingAnswer: false, abortRequested: false };
    this.payButton.disabled = true;
    this.progress.hidden = false;
    this.log.replaceChildren();
    this.result.textContent = '';
    delete this.result.dataset.status;
    this.showDisplay(['', '']);
    this.state.textContent = `Starting ${amountText} ${currency} on ${resource}…`;
    this.note('Request', `EXECUTE_TRANSACTION ${amountText} ${currency} on ${resource}`);
    try {
      const transaction = await this.p3.charge(resource, amountText, currency, {
        update: (update) => this.onUpdate(update),
        action: (action) => this.onAction(action),
      });
      this.finish(transaction, `${amountText} ${currency}`);
    } catch (e) {
      const transaction = e.response?.executeTransactionResponse?.transaction;
      this.note('Refused', `${e.type}: ${e.message}`);
      this.finish(transaction ?? null, `${amountText} ${currency}`, e);
    }
  }

  onUpdate(update) {
    this.running.transactionId = update.transaction?.identifier ?? this.running.transactionId;
    this.running.abortable = Boolean(update.abortable);
    this.showDisplay(update.information ?? ['', '']);
    this.state.textContent = update.state ?? '';
    this.note('Update', `${update.state} · ${(update.information ?? []).filter(Boolean).join(' / ')}`
      + (update.abortable ? ' · abortable' : ''));
    this.showAbort();
  }

  onAction(action) {
    this.running.transactionId = action.transaction?.identifier ?? this.running.transactionId;
    this.note('Action', action.action);
    if (SIGNATURE_ACTIONS.has(action.action)) {
      this.pad.clear();
      this.signatureBox.hidden = false;
      this.state.textContent = 'Waiting for the customer signature';
    } else {
      this.state.textContent = `The terminal asks for ${action.action}, which this console cannot answer: abort.`;
    }
    this.running.awaitingAnswer = true;
    this.showAbort();
  }

  /** Abort is offered while the last update said abortable, and while the terminal waits for an answer. */
  showAbort() {
    const running = this.running;
    this.abortButton.hidden = !running || !(running.abortable || running.awaitingAnswer);
    this.abortButton.disabled = Boolean(running?.abortRequested);
  }

  async abort() {
    const running = this.running;
    running.abortRequested = true;
    this.showAbort();
    this.note('Request', 'ABORT_TRANSACTION');
    try {
      await this.p3.abort(running.resource, running.transactionId);
      this.note('Response', 'Abort requested; waiting for the terminal');
    } catch (e) {
      this.note('Refused', `${e.type}: ${e.message}`);
      running.abortRequested = false;
      this.showAbort();
    }
  }

  async submitSignature() {
    const running = this.running;
    this.signatureSubmit.disabled = true;
    this.note('Request', 'SUBMIT_SIGNATURE (PNG)');
    try {
      await this.p3.submitSignature(running.resource, this.pad.toBase64Png());
      this.note('Response', 'Signature accepted');
      running.awaitingAnswer = false;
      this.signatureBox.hidden = true;
      this.showAbort();
    } catch (e) {
      this.note('Refused', `${e.type}: ${e.message}`);
      this.signatureSubmit.disabled = this.pad.empty;
    }
  }

  finish(transaction, amount, error = null) {
    this.running = null;
    this.signatureBox.hidden = true;
    this.showAbort();
    this.payButton.disabled = false;
    const status = transaction?.status ?? 'ERROR';
    this.result.dataset.status = status;
    const card = transaction?.cardDetails?.maskedCardNumber;
    const summary = `${status} · ${amount}${card ? ` · card ${card}` : ''}${error ? ` · ${error.message}` : ''}`;
    this.result.replaceChildren(summary);
    if (transaction?.identifier) {
      this.result.dataset.transactionId = transaction.identifier;
      this.result.append(' ', el('a', { href: transactionHref(transaction.identifier),
        'data-test': 'payment-result-link' }, 'Open in journal'));
    } else {
      delete this.result.dataset.transactionId;
    }
    this.state.textContent = transaction?.statusDetails ?? status;
    this.note('Response', summary);
  }

  showDisplay(information) {
    this.lines.forEach((line, i) => {
      line.textContent = information[i] ?? '';
    });
  }

  note(kind, text) {
    const at = new Date().toLocaleTimeString();
    this.log.append(el('li', { 'data-test': 'payment-log-entry' },
      el('span', { class: 'when' }, at), el('span', { class: 'kind' }, kind), el('span', {}, text)));
  }
}
