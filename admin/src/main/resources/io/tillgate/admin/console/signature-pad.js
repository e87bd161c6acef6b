/**
 * A signature pad on a `<canvas>`: drawn with pointer events (finger, pen or mouse alike), read
 * out as a PNG. The canvas keeps its own resolution; pointer positions are scaled into it, so it
 * may be shown at any width.
 */
export class SignaturePad {
  /** @param onChange told whether the pad holds a signature, after each stroke and each clear */
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.onChange = onChange;
    this.drawing = null;
    this.strokes = 0;
    canvas.addEventListener('pointerdown', (event) => this.start(event));
    canvas.addEventListener('pointermove', (event) => this.move(event));
    canvas.addEventListener('pointerup', (event) => this.end(event));
    canvas.addEventListener('pointercancel', (event) => this.end(event));
    this.clear();
  }

  get empty() {
    return this.strokes === 0;
  }

  clear() {
    const { context, canvas } = this;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#111827';
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    this.drawing = null;
    this.strokes = 0;
    this.onChange(false);
  }

  /** The signature as a PNG, base64 without the `data:` prefix (as SUBMIT_SIGNATURE sends it). */
  toBase64Png() {
    return this.canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }

  start(event) {
    if (event.button !== 0) {
      return;
    }
    event.preventDefault();
    this.canvas.setPointerCapture(event.pointerId);
    const point = this.point(event);
    this.drawing = { pointerId: event.pointerId, last: point };
    // A dot, so a tap shows where it landed.
    this.context.beginPath();
    this.context.arc(point.x, point.y, this.context.lineWidth / 2, 0, Math.PI * 2);
    this.context.fillStyle = this.context.strokeStyle;
    this.context.fill();
  }

  move(event) {
    if (!this.drawing || event.pointerId !== this.drawing.pointerId) {
      return;
    }
    event.preventDefault();
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    for (const each of events.length > 0 ? events : [event]) {
      const point = this.point(each);
      this.context.beginPath();
      this.context.moveTo(this.drawing.last.x, this.drawing.last.y);
      this.context.lineTo(point.x, point.y);
      this.context.stroke();
      this.drawing.last = point;
    }
  }

  end(event) {
    if (!this.drawing || event.pointerId !== this.drawing.pointerId) {
      return;
    }
    this.drawing = null;
    this.strokes += 1;
    this.onChange(true);
  }

  point(event) {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * this.canvas.width) / box.width,
      y: ((event.clientY - box.top) * this.canvas.height) / box.height,
    };
  }
}
