// Real buttons over the legend entries the canvas draws, so keyboards and screen readers can
// hide and show a series or an area. The core decides what a toggle does; this keeps the DOM.

/** The legend's toggle buttons of one chart. */
export class LegendButtons {
  /** `container`: the layer over the canvas; `onToggle(key)`: called when one is pressed. */
  constructor(container, onToggle) {
    this._container = container;
    this._onToggle = onToggle;
    this._buttons = new Map();
    this._key = null;
  }

  /** Matches the buttons to the core's entries `{ key, label, hidden, bounds }`. */
  update(entries) {
    const key = JSON.stringify(entries);
    if (key === this._key) return;
    this._key = key;
    const seen = new Set();
    let at = this._container.firstElementChild;
    for (const entry of entries) {
      const k = String(entry.key);
      seen.add(k);
      let b = this._buttons.get(k);
      if (!b) {
        b = document.createElement('button');
        b.type = 'button';
        b.addEventListener('click', () => this._onToggle(k));
        this._buttons.set(k, b);
      }
      const r = entry.bounds ?? {};
      const w = Math.max(24, Number(r.width) || 0);
      const h = Math.max(24, Number(r.height) || 0); // WCAG 2.5.8: at least 24 x 24 CSS px
      const x = (Number(r.x) || 0) - (w - (Number(r.width) || 0)) / 2;
      const y = (Number(r.y) || 0) - (h - (Number(r.height) || 0)) / 2;
      b.style.width = `${w}px`;
      b.style.height = `${h}px`;
      b.style.transform = `translate(${x}px, ${y}px)`;
      b.setAttribute('aria-label', `Hide ${entry.label}`);
      b.setAttribute('aria-pressed', String(Boolean(entry.hidden)));
      b.dataset.key = k;
      b.dataset.label = String(entry.label);
      // In the order of the entries (and the tab order with it). A button already in place is
      // not moved: moving a node drops its focus, and a toggled button must keep it (WCAG 2.4.3).
      if (b === at) at = at.nextElementSibling;
      else this._container.insertBefore(b, at);
    }
    for (const [k, b] of this._buttons) {
      if (!seen.has(k)) { b.remove(); this._buttons.delete(k); }
    }
  }

  /** The entry `key`'s label and whether it is hidden now, or null. */
  state(key) {
    const b = this._buttons.get(key);
    return b ? { label: b.dataset.label, hidden: b.getAttribute('aria-pressed') === 'true' } : null;
  }

  /** Marks the entry `key` hidden or shown. */
  setHidden(key, hidden) {
    this._buttons.get(key)?.setAttribute('aria-pressed', String(hidden));
  }

  /** Forgets what was drawn, so the next update rewrites every button. */
  reset() {
    this._key = null;
  }
}
