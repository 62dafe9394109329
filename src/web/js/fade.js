// The change transition: when new data, a view or a legend change redraws the chart, a
// snapshot of the previous drawing fades out over the new one (none under reduced motion,
// which the caller checks).

/** The fade's length: long enough for the eye to follow what moved (a quick fade reads as a
 * flash), short enough not to hold the reader up. */
const FADE_MS = 700;

/** A snapshot of one chart's canvas and its fade. */
export class ChangeFade {
  /** `els`: the chart's canvas, its box, and the overlay the snapshot goes under. */
  constructor({ canvas, chartBox, overlay }) {
    this._canvas = canvas;
    this._chartBox = chartBox;
    this._overlay = overlay;
    this._snapshot = null;
    this._animation = null;
  }

  /** Copies the canvas as drawn at `size` (CSS px `{ w, h }`) before it is redrawn. */
  take(size) {
    const canvas = this._canvas;
    if (!size || !canvas.width || !canvas.height) return false;
    this.drop();
    const snap = document.createElement('canvas');
    snap.className = 'snapshot';
    snap.setAttribute('aria-hidden', 'true');
    snap.width = canvas.width;
    snap.height = canvas.height;
    snap.style.width = `${size.w}px`;
    snap.style.height = `${size.h}px`;
    const ctx = snap.getContext('2d');
    if (!ctx) return false;
    ctx.drawImage(canvas, 0, 0);
    this._chartBox.insertBefore(snap, this._overlay);
    this._snapshot = snap;
    return true;
  }

  /** Fades the snapshot out over the new drawing, then removes it. */
  play() {
    const snap = this._snapshot;
    if (!snap) return;
    const anim = snap.animate([{ opacity: 1 }, { opacity: 0 }], { duration: FADE_MS, easing: 'ease-out', fill: 'forwards' });
    this._animation = anim;
    anim.finished.then(() => { if (this._snapshot === snap) this.drop(); }, () => {});
  }

  /** Removes the snapshot (a failed render, or the chart going away). */
  drop() {
    this._animation?.cancel();
    this._animation = null;
    this._snapshot?.remove();
    this._snapshot = null;
  }
}
