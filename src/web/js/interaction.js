// Hover, touch and keyboard for one chart: a small state machine over the core's answers.
// The canvas is never repainted here: the pointer asks the core which item is under it (an
// index), and only a different item's text crosses from the core; the highlight and tooltip
// are a few DOM nodes over the canvas.
//
// Modes: 'pointer' (follows the mouse), 'touch' (a tap shows an item and keeps it; a second tap
// or a tap elsewhere closes it), 'keyboard' (arrow keys move through the chart's structure —
// the summary, its lanes or series, their items — each place announced in the core's words),
// 'row' (a focused row of the data table shows its item).

import { isMoveKey } from './engine.js';
import { DESCRIBED_BY } from './shadow.js';
import { placeTooltip } from './tooltip.js';

function sameItem(a, b) {
  if (!a || !b) return a === b;
  return a.index === b.index && a.kind === b.kind && a.view === b.view;
}

/**
 * A place of the structure that is not an item (a group or a summary sentence), as the
 * tooltip and highlight show it; `stop` tells it from an item.
 */
function shownPlace(place) {
  return { kind: place.level, index: String(place.stop), stop: place.stop, label: place.label, anchor: place.anchor, marks: place.marks };
}

/** The hover, touch and keyboard state of one chart. */
export class Interaction {
  /**
   * `els`: the chart's canvas, overlay, tooltip and chart box. `core(fn, fallback)`: calls
   * `fn(chart)` on the wasm Chart and returns its answer, or `fallback` when there is none or
   * the call fails. `drawn()`: the last render's `{ w, h, view }`, or null. `onChange(item)`: the shown
   * item changed (for `charthover`). `announce(text)`: says text in the live region.
   */
  constructor(els, { core, drawn, onChange, announce }) {
    this._els = els;
    this._core = core;
    this._drawn = drawn;
    this._onChange = onChange;
    this._announce = announce;
    this._marks = [];
    this.reset();
  }

  /** The item shown (hovered, tapped or focused), or null (also while a group or a summary
   * sentence is shown). */
  get item() {
    return this._hover?.stop === undefined ? this._hover : null;
  }

  /** Forgets everything (new view, or the chart went away). */
  reset() {
    this._hover = null;          // the item shown, or null
    this._mode = null;           // how it was chosen: 'pointer' | 'touch' | 'keyboard'
    this._touchPoint = null;     // where the finger tapped, CSS px in the chart
    this._dismissed = null;      // the pointer item closed with Escape (stays closed until another)
    this._keyStop = null;        // where the keyboard is in the structure (the core's place), or null
    this._drawnKey = undefined;
    this._drawnLabel = undefined;
  }

  _call(fn, fallback) {
    return this._core(fn, fallback);
  }

  /** Item `index` of the current scene as the core describes it, or null. */
  _describe(index) {
    return this._call((core) => {
      const text = core.item(index);
      return typeof text === 'string' ? JSON.parse(text) : null;
    }, null);
  }

  /**
   * The item at `index` of the current scene (null for -1). The item already shown is reused,
   * so moving within one item costs one hit test and no text.
   */
  _itemAt(index) {
    if (!Number.isInteger(index) || index < 0) return null;
    if (this._hover && this._hover.index === index) return this._hover;
    return this._describe(index);
  }

  /** A pointer moved (`isDown` false) or went down over the canvas. */
  pointer(e, isDown) {
    if (!this._drawn()) return;
    const touch = e.pointerType === 'touch';
    if (touch && !isDown) return; // a finger moving is scrolling, not pointing
    const rect = this._els.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const item = this._itemAt(this._call((core) => core.hit(x, y), -1));
    this._keyStop = null;
    if (touch) {
      // A tap shows the item and keeps it; a tap on nothing, or on the same item again, closes it.
      if (!item || (this._mode === 'touch' && sameItem(item, this._hover))) {
        this.show(null);
      } else {
        this._touchPoint = { x, y };
        this.show(item, 'touch');
      }
      return;
    }
    if (this._mode === 'touch' && !isDown) return; // a tapped tooltip stays until dismissed
    if (this._mode === 'keyboard' && !isDown && sameItem(item, this._hover)) return;
    if (this._dismissed) {
      if (sameItem(item, this._dismissed)) return; // closed with Escape: stays closed over this item
      this._dismissed = null;
    }
    this.show(item, item ? 'pointer' : null);
  }

  /**
   * The pointer left the canvas or the tooltip. A pointer tooltip stays while the pointer is on
   * either of them, so the reader can move onto it to read or select its text (WCAG 1.4.13,
   * hoverable); it closes once the pointer has left both (or on Escape).
   */
  leave(e) {
    if (e.pointerType === 'touch') return; // a tapped tooltip stays until dismissed
    const { canvas, tooltip } = this._els;
    const to = e.relatedTarget;
    if (to === tooltip && !tooltip.hidden) return; // onto the tooltip: it stays
    if (to === canvas) return; // from the tooltip back onto the chart: pointermove takes over
    this._dismissed = null;
    if (this._mode === 'pointer') this.show(null);
  }

  /** The canvas lost focus. */
  blur() {
    if (this._mode === 'keyboard') { this._keyStop = null; this.show(null); }
  }

  /** Escape anywhere on the page closes this chart's tooltip (WCAG 1.4.13). */
  escape(e) {
    if (e.key !== 'Escape' || !this._hover || e.defaultPrevented) return;
    if (this._mode === 'pointer') this._dismissed = this._hover;
    this.show(null);
    e.preventDefault();
  }

  /** A pointer went down somewhere on the page: outside `host`, it closes a tapped tooltip. */
  pageDown(e, host) {
    if (this._mode === 'touch' && !e.composedPath().includes(host)) this.show(null);
  }

  /**
   * A key on the canvas: arrows, Enter, Home and End move through the chart's structure. The
   * core says where a key lands and what to say there; this keeps its answer (`stop`) for the
   * next key.
   */
  key(e) {
    if (!this._drawn() || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!isMoveKey(e.key)) return; // the core's key mapping; every other key is the page's
    e.preventDefault(); // the page must not scroll while the reader moves through the chart
    const hovered = this._hover && this._hover.stop === undefined ? [0, this._hover.index, this._hover.index] : [-1, 0, 0];
    const [level, at, item] = this._keyStop ?? hovered;
    const place = this._call((core) => {
      const text = core.navigate(level, at, item, e.key);
      return typeof text === 'string' ? JSON.parse(text) : null;
    }, null);
    if (!place) return;
    const same = String(place.stop) === String(this._keyStop) && this._mode === 'keyboard';
    this._keyStop = place.stop;
    this.show(place.item ?? shownPlace(place), 'keyboard');
    if (!same) this._announce(String(place.spoken ?? ''));
  }

  /** A row of the data table linked to item `index` took the focus: show that item. */
  link(index) {
    const item = this._itemAt(index);
    this._keyStop = null;
    this.show(item, item ? 'row' : null);
  }

  /** The focus left the data table's rows: close what a row showed. */
  unlink() {
    if (this._mode === 'row') this.show(null);
  }

  /** Shows `item` (or nothing), chosen by `mode`, and reports when it changed. */
  show(item, mode = null) {
    const before = this.item;
    this._hover = item ?? null;
    this._mode = item ? mode : null;
    if (!item) this._touchPoint = null;
    this._draw(this._hover);
    if (!sameItem(before, this.item)) this._onChange(this.item);
  }

  /** Closes whatever is shown; reports it when `notify` and something was shown. */
  clear(notify) {
    const had = this.item;
    this.reset();
    this._draw(null);
    if (notify && had) this._onChange(null);
  }

  /** After a re-render the same item may have moved: refresh its marks, or drop it. */
  refresh() {
    if (!this._hover) return;
    // A group or summary sentence is the keyboard's: it starts again from the items.
    const fresh = this._hover.stop === undefined ? this._describe(this._hover.index) : null;
    if (fresh && fresh.kind === this._hover.kind && fresh.view === this._hover.view) {
      this._hover = fresh;
      this._drawnKey = undefined; // sizes changed: place it again
      this._draw(fresh);
    } else {
      this._keyStop = null;
      this.clear(true);
    }
  }

  _draw(item) {
    const drawn = this._drawn();
    // The pointer moving within one item changes nothing on screen: touch no DOM.
    const tp = this._touchPoint;
    const key = item
      ? `${this._mode}|${item.kind}#${item.index}@${item.anchor?.x},${item.anchor?.y}|${tp ? `${tp.x},${tp.y}` : ''}|${drawn?.w}x${drawn?.h}`
      : null;
    if (key === this._drawnKey && this._drawnLabel === (item?.label ?? null)) return;
    this._drawnKey = key;
    this._drawnLabel = item?.label ?? null;
    const { overlay, tooltip, canvas, chartBox } = this._els;
    const marks = this._marks;
    const boxes = item && Array.isArray(item.marks) ? item.marks : [];
    while (marks.length < boxes.length) {
      const m = document.createElement('div');
      m.className = 'mark';
      overlay.append(m);
      marks.push(m);
    }
    const focus = this._mode === 'keyboard' || this._mode === 'row';
    marks.forEach((m, i) => {
      const b = boxes[i];
      if (!b) { m.hidden = true; return; }
      const w = Math.max(0, Number(b.width) || 0);
      const h = Math.max(0, Number(b.height) || 0);
      const guide = !b.round && (w <= 1.5 || h <= 1.5); // the line at the hovered time
      m.hidden = false;
      m.className = `mark${b.round ? ' round' : ''}${guide ? ' guide' : ''}${focus && !guide ? ' focus' : ''}`;
      m.style.transform = `translate(${Number(b.x) || 0}px, ${Number(b.y) || 0}px)`;
      m.style.width = `${Math.max(1, w)}px`;
      m.style.height = `${Math.max(1, h)}px`;
    });

    if (!item) {
      tooltip.hidden = true;
      tooltip.textContent = '';
      tooltip.classList.remove('strip');
      canvas.setAttribute('aria-describedby', DESCRIBED_BY);
      return;
    }
    tooltip.textContent = String(item.label ?? '');
    tooltip.hidden = false;
    // A mouse's tooltip can be hovered (WCAG 1.4.13); a finger's or a key's lets taps through.
    tooltip.classList.toggle('hoverable', this._mode === 'pointer');
    canvas.setAttribute('aria-describedby', `${DESCRIBED_BY} tooltip`);
    placeTooltip(tooltip, chartBox, item, {
      width: drawn?.w,
      height: drawn?.h,
      touchPoint: this._mode === 'touch' ? this._touchPoint : null,
    });
  }
}
