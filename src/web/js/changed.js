// What an update changed, on the chart: a ring over each item the core says is new or changed
// since the data shown before (Chart.render's `changed`), until the reader has looked at it
// (hovered, tapped or reached it by keyboard), and a visible line saying what the rings mean.
// The rings are DOM over the canvas: marking or unmarking never repaints the chart.

/** The rings and the note of one chart. */
export class ChangedMarks {
  /** `layer`: the element over the canvas the rings go in; `note`: the visible sentence. */
  constructor(layer, note) {
    this._layer = layer;
    this._note = note;
    this._seen = new Set(); // labels of the items looked at since the last update
    this._shown = [];       // [{ label, ring }]
  }

  /** New data arrived: what the reader looked at before says nothing about it. */
  forget() {
    this._seen.clear();
  }

  /**
   * After a render: rings the `items` (as the core describes them, each with `label` and
   * `marks`) the reader has not looked at yet; `note` says what the rings mean.
   */
  show(items, note) {
    this._shown = [];
    const rings = [];
    for (const item of items) {
      const label = String(item?.label ?? '');
      const box = (Array.isArray(item?.marks) ? item.marks : []).find((b) => b.round || (b.width > 1.5 && b.height > 1.5));
      if (!box || this._seen.has(label)) continue;
      const ring = document.createElement('div');
      ring.className = `changed${box.round ? ' round' : ''}`;
      ring.style.transform = `translate(${Number(box.x) || 0}px, ${Number(box.y) || 0}px)`;
      ring.style.width = `${Math.max(1, Number(box.width) || 0)}px`;
      ring.style.height = `${Math.max(1, Number(box.height) || 0)}px`;
      rings.push(ring);
      this._shown.push({ label, ring });
    }
    this._layer.replaceChildren(...rings);
    this._note.textContent = this._shown.length ? String(note ?? '') : '';
    this._note.hidden = !this._shown.length;
  }

  /** The reader looked at `item`: its ring goes, and the note with the last ring. */
  seen(item) {
    if (!item || !this._shown.length) return;
    const label = String(item.label ?? '');
    this._seen.add(label);
    this._shown = this._shown.filter((s) => (s.label === label ? (s.ring.remove(), false) : true));
    if (!this._shown.length) this._note.hidden = true;
  }
}
