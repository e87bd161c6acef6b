/**
 * The gateway's live event stream (Server-Sent Events at /api/events): `terminal` and
 * `transaction` events, and the stream's own state. EventSource reconnects by itself; after a
 * reconnect the views reload, since events sent while the stream was down are lost.
 */
export class EventStream {
  /**
   * @param handlers `terminal(terminal)`, `transaction(summary)`, `status(state)` with state
   *     `live`, `reconnecting` or `closed`, and `resumed()` after a reconnect
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.source = null;
    this.interrupted = false;
  }

  open() {
    this.close();
    const source = new EventSource(this.url);
    this.source = source;
    this.interrupted = false;
    source.addEventListener('terminal', (event) => this.deliver(event, this.handlers.terminal));
    source.addEventListener('transaction', (event) => this.deliver(event, this.handlers.transaction));
    source.addEventListener('open', () => {
      this.handlers.status('live');
      if (this.interrupted) {
        this.interrupted = false;
        this.handlers.resumed();
      }
    });
    source.addEventListener('error', () => {
      if (this.source !== source) {
        return;
      }
      this.interrupted = true;
      this.handlers.status(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    });
  }

  close() {
    if (this.source) {
      this.source.close();
      this.source = null;
    }
  }

  deliver(event, handler) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      console.warn(`unreadable ${event.type} event`, e);
      return;
    }
    handler(data);
  }
}
