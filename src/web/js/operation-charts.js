// operation-charts: the <operation-chart> custom element and the JS API (mount, validate).
//
// The Rust core (operation-charts-core.js + its .wasm, made by wasm-bindgen) parses, validates,
// lays out and paints; this module is the browser glue around it:
//   - one shared wasm instance (top-level await: importing this module waits for it, so
//     validate() is synchronous), one `Chart` per element;
//   - data from `src` (optionally re-fetched every `refresh` seconds), an inline
//     <script type="application/json"> child, or the `data` property;
//   - sizing (container width, preferred or CSS height), devicePixelRatio, theme;
//   - hover and touch: the canvas is painted once per data/size/theme change; the pointer only
//     asks the core what is under it (`hit`) and moves a few DOM nodes (highlight + tooltip);
//   - errors: bad data shows a role="alert" beside the last good chart and fires `charterror`.
//
// Built without innerHTML or inline styles: it runs under a CSP with Trusted Types enforced.

import init, { Chart, validate as coreValidate } from './operation-charts-core.js';

/** The views the core draws (its error message is authoritative for anything else). */
export const VIEWS = Object.freeze(['summary', 'timeline', 'cumulative', 'areas']);

const MIN_REFRESH_SECONDS = 30;
const MAX_LISTED_ERRORS = 12;
const TOOLTIP_GAP = 12;

// ---------------------------------------------------------------------------------------------
// The shared wasm instance.

let coreError = null;
try {
  await init();
} catch (err) {
  coreError = err instanceof Error ? err : new Error(String(err));
  console.error('operation-charts: the chart engine (WebAssembly) could not be loaded:', coreError);
}

/** Resolves when the wasm core is ready; rejects if it could not be loaded. */
export const ready = coreError ? Promise.reject(coreError) : Promise.resolve();
ready.catch(() => {}); // reported above; don't also surface as an unhandled rejection

function coreFailedMessage() {
  return `The chart engine could not be loaded${coreError ? ` (${coreError.message})` : ''}.`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

function errorMessage(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try { return JSON.stringify(err); } catch { return String(err); }
}

/** Turns what a caller gave us (object or JSON text) into JSON text, or throws a readable Error. */
function toJsonText(data) {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  let text;
  try {
    text = JSON.stringify(data);
  } catch (err) {
    throw new Error(`the data could not be turned into JSON: ${errorMessage(err)}`);
  }
  if (text === undefined) throw new Error(`expected an object or a JSON string, found ${typeof data}`);
  return text;
}

function normaliseProblems(list) {
  if (!Array.isArray(list)) return [];
  return list.map((p) => ({ path: String(p?.path ?? ''), message: String(p?.message ?? p ?? '') }));
}

function normaliseReport(report) {
  return {
    ok: Boolean(report?.ok),
    errors: normaliseProblems(report?.errors),
    warnings: normaliseProblems(report?.warnings),
  };
}

function sameItem(a, b) {
  if (!a || !b) return a === b;
  return a.index === b.index && a.kind === b.kind && a.view === b.view;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Nearest theme set by the page: a `dark`/`light` class or `data-theme` on an ancestor. */
function ancestorTheme(el) {
  let node = el.parentNode;
  while (node) {
    if (node.nodeType === 1) {
      const dt = node.getAttribute('data-theme');
      if (dt === 'dark' || dt === 'light') return dt;
      const cl = node.classList;
      if (cl.contains('dark')) return 'dark';
      if (cl.contains('light')) return 'light';
      node = node.parentNode;
    } else if (node.nodeType === 11 && node.host) {
      node = node.host; // cross out of a shadow root into its host
    } else {
      node = node.parentNode;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// One MutationObserver for the whole page, watching class / data-theme changes, so a site's
// own dark-mode toggle re-themes every auto-themed chart.

const themeWatchers = new Set();
let themeObserver = null;

function watchPageTheme(el) {
  themeWatchers.add(el);
  if (!themeObserver) {
    themeObserver = new MutationObserver(() => {
      for (const w of themeWatchers) w._themeMaybeChanged();
    });
    themeObserver.observe(document.documentElement, {
      attributes: true, subtree: true, attributeFilter: ['class', 'data-theme'],
    });
  }
}

function unwatchPageTheme(el) {
  themeWatchers.delete(el);
  if (themeWatchers.size === 0 && themeObserver) {
    themeObserver.disconnect();
    themeObserver = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Styles: one sheet shared by every element (constructable, so no <style> and no inline style
// attributes: CSP style-src 'self' is enough), plus one tiny sheet per element for its height.

const SHARED_CSS = `
:host {
  display: flex;
  flex-direction: column;
  position: relative;
  box-sizing: border-box;
  min-width: 0;
  --oc-tooltip-bg: #ffffff;
  --oc-tooltip-fg: #1a1a1a;
  --oc-tooltip-border: rgba(0, 0, 0, 0.18);
  --oc-highlight: #1a1a1a;
  --oc-highlight-fill: rgba(0, 0, 0, 0.08);
  --oc-alert-bg: #fff4f2;
  --oc-alert-fg: #5c1010;
  --oc-alert-border: #c62828;
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.chart {
  position: relative;
  flex: 1 1 auto;
  min-height: 0;
  min-width: 0;
  width: 100%;
  overflow: hidden;
}
.chart.empty { flex: none; height: 0 !important; }
.chart.dark {
  --oc-tooltip-bg: #23262b;
  --oc-tooltip-fg: #f2f2f2;
  --oc-tooltip-border: rgba(255, 255, 255, 0.22);
  --oc-highlight: #f2f2f2;
  --oc-highlight-fill: rgba(255, 255, 255, 0.10);
}
canvas {
  position: absolute;
  left: 0;
  top: 0;
  width: 100%;
  height: 100%;
  display: block;
  outline: none;
}
canvas:focus-visible { box-shadow: inset 0 0 0 2px Highlight; }
.overlay {
  position: absolute;
  inset: 0;
  pointer-events: none;
}
.mark {
  position: absolute;
  box-sizing: border-box;
  left: 0;
  top: 0;
  border: 2px solid var(--oc-highlight);
  background: var(--oc-highlight-fill);
  border-radius: 2px;
}
.mark.round { border-radius: 50%; }
.mark.guide {
  border: none;
  background: var(--oc-highlight);
  opacity: 0.55;
  border-radius: 0;
}
.tooltip {
  position: absolute;
  left: 0;
  top: 0;
  z-index: 2;
  box-sizing: border-box;
  max-width: min(22em, calc(100% - 8px));
  padding: 6px 9px;
  border: 1px solid var(--oc-tooltip-border);
  border-radius: 4px;
  background: var(--oc-tooltip-bg);
  color: var(--oc-tooltip-fg);
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
  font-family: inherit;
  font-size: 13px;
  line-height: 1.4;
  white-space: pre-line;
  overflow-wrap: anywhere;
  pointer-events: none;
}
.tooltip::first-line { font-weight: 600; }
.alert {
  flex: none;
  margin: 6px 0 0;
  padding: 8px 10px;
  border-left: 4px solid var(--oc-alert-border);
  background: var(--oc-alert-bg);
  color: var(--oc-alert-fg);
  font-family: inherit;
  font-size: 13px;
  line-height: 1.4;
}
.alert p { margin: 0; font-weight: 600; }
.alert ul { margin: 4px 0 0; padding-left: 1.2em; }
.alert li { overflow-wrap: anywhere; }
.alert code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.fallback.gone { display: none; }
`;

let sharedSheet = null;
function getSharedSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(SHARED_CSS);
  }
  return sharedSheet;
}

// ---------------------------------------------------------------------------------------------
// The element.

const ATTRS = ['src', 'view', 'refresh', 'theme'];

export class OperationChartElement extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  constructor() {
    super();
    this._chart = null;          // the wasm Chart, while connected
    this._lastGoodText = null;   // JSON text of the data on screen (reloaded after reconnect)
    this._pendingText = null;    // data set while disconnected
    this._dataValue = undefined; // what the `data` property returns
    this._rendered = false;      // has anything been painted yet
    this._lastRender = null;     // { w, h, dpr, theme, view, font }
    this._raf = 0;
    this._hover = null;          // the item shown, or null
    this._pinned = false;        // tooltip pinned by a touch tap or keyboard focus
    this._keyIndex = -1;
    this._fetchToken = 0;
    this._fetchAbort = null;
    this._cleanups = [];         // functions that undo every listener/observer/timer
    this._heightPx = null;

    const root = this.attachShadow({ mode: 'open' });
    this._ownSheet = new CSSStyleSheet();
    root.adoptedStyleSheets = [getSharedSheet(), this._ownSheet];

    const chartBox = document.createElement('div');
    chartBox.className = 'chart empty';
    chartBox.setAttribute('part', 'chart');

    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Chart loading');
    canvas.tabIndex = 0;

    const overlay = document.createElement('div');
    overlay.className = 'overlay';
    overlay.setAttribute('aria-hidden', 'true');

    const tooltip = document.createElement('div');
    tooltip.className = 'tooltip';
    tooltip.setAttribute('role', 'tooltip');
    tooltip.setAttribute('part', 'tooltip');
    tooltip.id = 'tooltip';
    tooltip.hidden = true;

    chartBox.append(canvas, overlay, tooltip);

    const alert = document.createElement('div');
    alert.className = 'alert';
    alert.setAttribute('role', 'alert');
    alert.setAttribute('part', 'alert');
    alert.hidden = true;

    const fallback = document.createElement('div');
    fallback.className = 'fallback';
    fallback.append(document.createElement('slot'));

    root.append(chartBox, alert, fallback);
    this._els = { chartBox, canvas, overlay, tooltip, alert, fallback, marks: [] };
  }

  // --- reflected attributes and properties ---------------------------------------------------

  get view() { return this.getAttribute('view') || 'summary'; }
  set view(v) { this.setAttribute('view', String(v)); }

  get src() { return this.getAttribute('src') || ''; }
  set src(v) {
    if (v == null || v === '') this.removeAttribute('src');
    else this.setAttribute('src', String(v));
  }

  get theme() {
    const t = this.getAttribute('theme');
    return t === 'light' || t === 'dark' ? t : 'auto';
  }
  set theme(v) { this.setAttribute('theme', String(v)); }

  get refresh() {
    const n = Number.parseFloat(this.getAttribute('refresh') ?? '');
    if (!Number.isFinite(n) || n <= 0) return 0;
    return Math.max(MIN_REFRESH_SECONDS, n);
  }
  set refresh(v) {
    if (v == null || v === 0 || v === '') this.removeAttribute('refresh');
    else this.setAttribute('refresh', String(v));
  }

  /** The data last given through this property (object or string), or undefined. */
  get data() { return this._dataValue; }
  set data(value) {
    this._dataValue = value;
    this._fetchToken++; // the newest data wins over any fetch still on its way
    this._safely(() => {
      let text;
      try {
        text = toJsonText(value);
      } catch (err) {
        this._showErrors('The chart data could not be read.', [{ path: '', message: errorMessage(err) }]);
        return;
      }
      this._loadText(text, 'property');
    });
  }

  /** The report of the last data given to the element (via any source). */
  get report() { return this._lastReport ?? null; }

  /** The item under the pointer (or focused with the keyboard), or null. */
  get hoveredItem() { return this._hover; }

  // --- lifecycle ------------------------------------------------------------------------------

  connectedCallback() {
    this._safely(() => {
      // A `data` property set before the element was defined shadows the accessor: adopt it.
      if (Object.prototype.hasOwnProperty.call(this, 'data')) {
        const v = this.data;
        delete this.data;
        this.data = v;
      }
      this._connect();
    });
  }

  disconnectedCallback() {
    this._safely(() => this._disconnect());
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this._chart) return;
    this._safely(() => {
      switch (name) {
        case 'src':
          if (newValue) this._fetchSrc({ initial: !this._lastGoodText });
          this._armRefresh();
          break;
        case 'refresh':
          this._armRefresh();
          break;
        case 'view':
          this._clearHover(true);
          this._keyIndex = -1;
          this._scheduleRender();
          break;
        case 'theme':
          this._scheduleRender();
          break;
        default:
          break;
      }
    });
  }

  _connect() {
    if (coreError) {
      this._showErrors(coreFailedMessage(), []);
      this._dispatch('charterror', { message: coreFailedMessage(), errors: [] });
      return;
    }
    this._chart = new Chart();
    this._listen();

    // Data, in order: what we had before a reconnect or via the property, the inline JSON,
    // then `src` (which, when both are present, updates the inline snapshot).
    const carried = this._pendingText ?? this._lastGoodText;
    this._pendingText = null;
    if (carried != null) {
      this._loadText(carried, 'carried');
    } else {
      this._loadInline();
    }
    if (this.src && this._dataValue === undefined) this._fetchSrc({ initial: !this._lastGoodText });
    this._armRefresh();
  }

  _disconnect() {
    for (const undo of this._cleanups.splice(0)) {
      try { undo(); } catch { /* keep undoing the rest */ }
    }
    if (this._raf) cancelAnimationFrame(this._raf);
    this._raf = 0;
    this._fetchToken++;
    this._fetchAbort?.abort();
    this._fetchAbort = null;
    this._clearHover(false);
    this._lastRender = null;
    if (this._chart) {
      try { this._chart.free(); } catch { /* already freed */ }
      this._chart = null;
    }
  }

  /** Adds every listener/observer; each one registers its own removal in _cleanups. */
  _listen() {
    const on = (target, type, fn, opts) => {
      const wrapped = (e) => this._safely(() => fn(e));
      target.addEventListener(type, wrapped, opts);
      this._cleanups.push(() => target.removeEventListener(type, wrapped, opts));
    };
    const { canvas, chartBox } = this._els;

    on(canvas, 'pointermove', (e) => this._onPointer(e, false));
    on(canvas, 'pointerdown', (e) => this._onPointer(e, true));
    on(canvas, 'pointerleave', (e) => {
      if (e.pointerType !== 'touch' && !this._pinned) this._setHover(null);
    });
    on(canvas, 'keydown', (e) => this._onKey(e));
    on(canvas, 'blur', () => {
      if (this._pinned && this._keyIndex >= 0) { this._pinned = false; this._keyIndex = -1; this._setHover(null); }
    });
    // A tap outside the chart dismisses a pinned (touch) tooltip.
    on(document, 'pointerdown', (e) => {
      if (this._pinned && !e.composedPath().includes(this)) { this._pinned = false; this._setHover(null); }
    }, { capture: true, passive: true });

    // Size: the chart box follows the container's width and its own (preferred or CSS) height.
    const ro = new ResizeObserver((entries) => this._safely(() => {
      const box = entries[entries.length - 1].contentRect;
      const last = this._lastRender;
      if (!last || Math.abs(box.width - last.w) > 0.01 || Math.abs(box.height - last.h) > 0.01) {
        this._scheduleRender();
      }
    }));
    ro.observe(chartBox);
    this._cleanups.push(() => ro.disconnect());

    // Inline JSON that arrives or changes after connection (parser, CMS scripts).
    const mo = new MutationObserver(() => this._safely(() => {
      if (this._dataValue === undefined) this._loadInline({ onlyIfChanged: true });
    }));
    mo.observe(this, { childList: true, subtree: true, characterData: true });
    this._cleanups.push(() => mo.disconnect());

    // Device pixel ratio (zoom, moving the window to another screen): re-armed at each change.
    let dprQuery = null;
    const onDpr = () => this._safely(() => { armDpr(); this._scheduleRender(); });
    const armDpr = () => {
      dprQuery?.removeEventListener('change', onDpr);
      dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      dprQuery.addEventListener('change', onDpr);
    };
    armDpr();
    this._cleanups.push(() => dprQuery?.removeEventListener('change', onDpr));

    // Theme: the reader's colour-scheme preference and the page's own class/data-theme toggles.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    on(scheme, 'change', () => this._themeMaybeChanged());
    watchPageTheme(this);
    this._cleanups.push(() => unwatchPageTheme(this));
  }

  _armRefresh() {
    if (this._refreshTimer) {
      clearInterval(this._refreshTimer);
      this._refreshTimer = 0;
    }
    const seconds = this.refresh;
    if (!this._chart || !seconds || !this.src) return;
    const id = setInterval(() => this._safely(() => {
      if (document.visibilityState === 'hidden') return; // catch up on the next tick
      this._fetchSrc({ initial: false });
    }), seconds * 1000);
    this._refreshTimer = id;
    this._cleanups.push(() => { clearInterval(id); if (this._refreshTimer === id) this._refreshTimer = 0; });
  }

  // --- data -----------------------------------------------------------------------------------

  _inlineScript() {
    for (const child of this.children) {
      if (child.localName === 'script' && (child.type || '').trim().toLowerCase() === 'application/json') return child;
    }
    return null;
  }

  _loadInline({ onlyIfChanged = false } = {}) {
    const script = this._inlineScript();
    if (!script) return;
    const text = script.textContent ?? '';
    if (!text.trim()) return;
    if (onlyIfChanged && text === this._inlineText) return;
    this._inlineText = text;
    this._loadText(text, 'inline');
  }

  async _fetchSrc({ initial }) {
    const url = this.src;
    if (!url || !this._chart) return;
    const token = ++this._fetchToken;
    this._fetchAbort?.abort();
    const abort = new AbortController();
    this._fetchAbort = abort;
    let text;
    try {
      const res = await fetch(new URL(url, document.baseURI), {
        signal: abort.signal,
        cache: initial ? 'default' : 'no-cache',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      text = await res.text();
    } catch (err) {
      if (abort.signal.aborted || token !== this._fetchToken) return;
      const message = `Could not load the chart data from ${url}: ${errorMessage(err)}`;
      if (this._lastGoodText) {
        // A live chart keeps what it shows; the host page still hears about it.
        console.warn(`operation-chart: ${message}; keeping the last chart.`);
        this._dispatch('charterror', { message, errors: [] });
      } else {
        this._showErrors(message, []);
        this._dispatch('charterror', { message, errors: [] });
      }
      return;
    } finally {
      if (this._fetchAbort === abort) this._fetchAbort = null;
    }
    if (token !== this._fetchToken || !this._chart) return;
    if (text === this._lastGoodText && !initial) return; // unchanged: nothing to redraw
    this._loadText(text, 'src');
  }

  /** Loads JSON text into the core; returns the normalised report. */
  _loadText(text, origin) {
    if (!this._chart) {
      if (coreError) {
        const report = { ok: false, errors: [{ path: '', message: coreFailedMessage() }], warnings: [] };
        this._lastReport = report;
        return report;
      }
      this._pendingText = text; // applied on connect
      return { ok: true, errors: [], warnings: [], pending: true };
    }
    let report;
    try {
      report = normaliseReport(this._chart.load(text));
    } catch (err) {
      report = { ok: false, errors: [{ path: '', message: errorMessage(err) }], warnings: [] };
    }
    this._lastReport = report;
    if (!report.ok) {
      const n = report.errors.length;
      const message = this._lastGoodText
        ? `The new chart data has ${plural(n, 'problem', 'problems')}; the chart shows the last good data.`
        : `The chart data has ${plural(n, 'problem', 'problems')}.`;
      this._showErrors(message, report.errors);
      this._dispatch('charterror', { message, errors: report.errors });
      // If the core dropped its data anyway, restore the last good data.
      if (this._lastGoodText && !this._safeCall(() => this._chart.hasData(), false)) {
        this._safeCall(() => this._chart.load(this._lastGoodText));
      }
      return report;
    }
    if (report.warnings.length) {
      console.warn(
        `operation-chart: the data has ${plural(report.warnings.length, 'warning', 'warnings')} (${origin}):\n` +
        report.warnings.map((w) => `  ${w.path || '(document)'}: ${w.message}`).join('\n'),
      );
    }
    this._lastGoodText = text;
    this._hideErrors();
    this._els.chartBox.classList.remove('empty');
    this._lastRender = null; // data changed: render even if the size did not
    this._scheduleRender();
    return report;
  }

  // --- rendering ------------------------------------------------------------------------------

  _scheduleRender() {
    if (this._raf || !this._chart) return;
    this._raf = requestAnimationFrame(() => {
      this._raf = 0;
      this._safely(() => this._renderNow());
    });
  }

  _effectiveTheme() {
    const attr = this.getAttribute('theme');
    if (attr === 'light' || attr === 'dark') return attr;
    return ancestorTheme(this) ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }

  _themeMaybeChanged() {
    if (this._lastRender && this._effectiveTheme() !== this._lastRender.theme) this._scheduleRender();
  }

  _setPreferredHeight(px) {
    const h = Math.max(1, Math.round(px));
    if (h === this._heightPx) return;
    this._heightPx = h;
    this._ownSheet.replaceSync(`.chart { height: ${h}px; }`);
  }

  _renderNow() {
    const chart = this._chart;
    if (!chart || !this.isConnected || !this._safeCall(() => chart.hasData(), false)) return;
    const { chartBox, canvas } = this._els;
    const view = this.view;

    const width = chartBox.getBoundingClientRect().width;
    if (width < 1) return; // hidden (display:none, zero-width container): the ResizeObserver calls again
    let preferred;
    try {
      preferred = chart.preferredHeight(view, width);
    } catch (err) {
      this._renderFailed(err);
      return;
    }
    if (Number.isFinite(preferred) && preferred > 0) this._setPreferredHeight(preferred);
    const height = chartBox.getBoundingClientRect().height;
    if (height < 1) return;

    const dpr = window.devicePixelRatio || 1;
    const theme = this._effectiveTheme();
    const font = getComputedStyle(this).fontFamily || 'sans-serif';
    let info;
    try {
      info = chart.render(canvas, view, width, height, dpr, theme, font);
    } catch (err) {
      this._renderFailed(err);
      return;
    }
    this._lastRender = { w: width, h: height, dpr, theme, view, font };
    chartBox.classList.toggle('dark', theme === 'dark');

    const title = String(info?.title ?? '').trim();
    const description = String(info?.description ?? '').trim();
    const label = [title, description].filter(Boolean)
      .map((s, i, all) => (i < all.length - 1 && !/[.!?:]$/.test(s) ? `${s}.` : s)).join(' ');
    canvas.setAttribute('aria-label', label || 'Chart');
    if (!this._rendered) {
      this._rendered = true;
      this._els.fallback.classList.add('gone');
    }
    if (this._renderError) {
      this._renderError = false;
      this._hideErrors();
    }
    this._refreshHover();
    this._dispatch('chartready', { view });
  }

  _renderFailed(err) {
    const message = errorMessage(err);
    this._renderError = true;
    this._showErrors(`The chart could not be drawn: ${message}`, []);
    this._dispatch('charterror', { message, errors: [] });
  }

  // --- hover, touch, keyboard -----------------------------------------------------------------

  _onPointer(e, isDown) {
    if (!this._chart || !this._lastRender) return;
    const touch = e.pointerType === 'touch';
    if (touch && !isDown) return; // a finger moving is scrolling, not pointing
    const rect = this._els.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const item = this._safeCall(() => this._chart.hit(x, y), null) ?? null;
    this._keyIndex = -1;
    if (touch) {
      if (!item || (this._pinned && sameItem(item, this._hover))) {
        this._pinned = false;
        this._setHover(null);
      } else {
        this._pinned = true;
        this._setHover(item);
      }
      return;
    }
    if (this._pinned && !isDown) return; // a pinned tooltip stays until dismissed
    this._pinned = false;
    this._setHover(item);
  }

  _onKey(e) {
    if (!this._chart || !this._lastRender) return;
    const count = this._safeCall(() => this._chart.itemCount(), 0);
    if (!count) return;
    let next = this._keyIndex;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': next = next < 0 ? 0 : Math.min(count - 1, next + 1); break;
      case 'ArrowLeft': case 'ArrowUp': next = next < 0 ? count - 1 : Math.max(0, next - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = count - 1; break;
      case 'Escape':
        if (this._hover) { this._pinned = false; this._keyIndex = -1; this._setHover(null); e.preventDefault(); }
        return;
      default: return;
    }
    e.preventDefault();
    const item = this._safeCall(() => this._chart.item(next), null);
    if (!item) return;
    this._keyIndex = next;
    this._pinned = true;
    this._setHover(item);
  }

  /** Shows `item` (or nothing) and dispatches charthover when it changed. */
  _setHover(item) {
    const changed = !sameItem(item, this._hover);
    this._hover = item;
    this._drawHover(item);
    if (changed) this._dispatch('charthover', { view: this._lastRender?.view ?? this.view, item });
  }

  _clearHover(notify) {
    const had = this._hover;
    this._hover = null;
    this._pinned = false;
    this._drawHover(null);
    if (notify && had) this._dispatch('charthover', { view: this.view, item: null });
  }

  /** After a re-render the same item may have moved: refresh its marks, or drop it. */
  _refreshHover() {
    if (!this._hover) return;
    const fresh = this._safeCall(() => this._chart.item(this._hover.index), null);
    if (fresh && fresh.kind === this._hover.kind && fresh.view === this._hover.view) {
      this._hover = fresh;
      this._drawnKey = undefined; // sizes changed: place it again
      this._drawHover(fresh);
    } else {
      this._clearHover(true);
    }
  }

  _drawHover(item) {
    // The pointer moving within one item changes nothing on screen: touch no DOM.
    const key = item ? `${item.kind}#${item.index}@${item.anchor?.x},${item.anchor?.y}` : null;
    if (key === this._drawnKey && this._drawnLabel === (item?.label ?? null)) return;
    this._drawnKey = key;
    this._drawnLabel = item?.label ?? null;
    const { overlay, tooltip, canvas, marks } = this._els;
    const boxes = item && Array.isArray(item.marks) ? item.marks : [];
    while (marks.length < boxes.length) {
      const m = document.createElement('div');
      m.className = 'mark';
      overlay.append(m);
      marks.push(m);
    }
    marks.forEach((m, i) => {
      const b = boxes[i];
      if (!b) { m.hidden = true; return; }
      const w = Math.max(0, Number(b.width) || 0);
      const h = Math.max(0, Number(b.height) || 0);
      m.hidden = false;
      m.className = `mark${b.round ? ' round' : ''}${!b.round && (w <= 1.5 || h <= 1.5) ? ' guide' : ''}`;
      m.style.transform = `translate(${Number(b.x) || 0}px, ${Number(b.y) || 0}px)`;
      m.style.width = `${Math.max(1, w)}px`;
      m.style.height = `${Math.max(1, h)}px`;
    });

    if (!item) {
      tooltip.hidden = true;
      tooltip.textContent = '';
      canvas.removeAttribute('aria-describedby');
      return;
    }
    tooltip.textContent = String(item.label ?? '');
    tooltip.hidden = false;
    canvas.setAttribute('aria-describedby', 'tooltip');

    // Place it beside the anchor, flipped left/above when it would leave the chart, then clamped.
    const W = this._lastRender?.w ?? canvas.clientWidth;
    const H = this._lastRender?.h ?? canvas.clientHeight;
    const ax = Number(item.anchor?.x) || 0;
    const ay = Number(item.anchor?.y) || 0;
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    let left = ax + TOOLTIP_GAP;
    let top = ay + TOOLTIP_GAP;
    if (left + tw > W) left = ax - TOOLTIP_GAP - tw;
    if (top + th > H) top = ay - TOOLTIP_GAP - th;
    left = Math.max(0, Math.min(left, W - tw));
    top = Math.max(0, Math.min(top, H - th));
    tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  // --- errors ---------------------------------------------------------------------------------

  _showErrors(message, errors) {
    const { alert } = this._els;
    const p = document.createElement('p');
    p.textContent = message;
    const parts = [p];
    if (errors.length) {
      const ul = document.createElement('ul');
      for (const e of errors.slice(0, MAX_LISTED_ERRORS)) {
        const li = document.createElement('li');
        if (e.path) {
          const code = document.createElement('code');
          code.textContent = e.path;
          li.append(code, document.createTextNode(`: ${e.message}`));
        } else {
          li.textContent = e.message;
        }
        ul.append(li);
      }
      if (errors.length > MAX_LISTED_ERRORS) {
        const li = document.createElement('li');
        li.textContent = `…and ${errors.length - MAX_LISTED_ERRORS} more`;
        ul.append(li);
      }
      parts.push(ul);
    }
    alert.replaceChildren(...parts);
    alert.hidden = false;
  }

  _hideErrors() {
    const { alert } = this._els;
    alert.hidden = true;
    alert.replaceChildren();
  }

  // --- plumbing -------------------------------------------------------------------------------

  _dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Runs fn; an exception is reported on the console and never escapes the element. */
  _safely(fn) {
    try {
      const r = fn();
      if (r && typeof r.then === 'function') r.catch((err) => this._internalError(err));
    } catch (err) {
      this._internalError(err);
    }
  }

  _safeCall(fn, fallback) {
    try { return fn(); } catch { return fallback; }
  }

  _internalError(err) {
    console.error('operation-chart: internal error:', err);
    try {
      const message = `The chart failed: ${errorMessage(err)}`;
      this._showErrors(message, []);
      this._dispatch('charterror', { message, errors: [] });
    } catch { /* nothing more we can do */ }
  }
}

if (!customElements.get('operation-chart')) {
  customElements.define('operation-chart', OperationChartElement);
}

// ---------------------------------------------------------------------------------------------
// The JS API.

/**
 * Checks data without drawing it. Accepts an object or a JSON string.
 * @returns {{ok: boolean, errors: {path: string, message: string}[], warnings: {path: string, message: string}[]}}
 */
export function validate(data) {
  if (coreError) throw new Error(coreFailedMessage());
  let text;
  try {
    text = toJsonText(data);
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: errorMessage(err) }], warnings: [] };
  }
  return normaliseReport(coreValidate(text));
}

/**
 * Creates an <operation-chart> in `container` showing `data` and resolves, once it is drawn,
 * to a handle. Rejects (and removes the element) when the data is invalid; the Error carries
 * `errors: [{path, message}]`.
 */
export function mount(container, data, { view = 'summary', theme = 'auto' } = {}) {
  if (!container || typeof container.append !== 'function') {
    return Promise.reject(new TypeError('mount(container, data, options): container must be a DOM element'));
  }
  if (coreError) return Promise.reject(new Error(coreFailedMessage()));
  const el = document.createElement('operation-chart');
  el.setAttribute('view', view);
  el.setAttribute('theme', theme);
  let destroyed = false;

  const handle = Object.freeze({
    element: el,
    update(newData) {
      if (destroyed) throw new Error('this chart was destroyed');
      el.data = newData;
      return el.report;
    },
    setView(v) {
      if (destroyed) throw new Error('this chart was destroyed');
      el.setAttribute('view', String(v));
    },
    toPNG() {
      if (destroyed) return Promise.reject(new Error('this chart was destroyed'));
      const canvas = el.shadowRoot.querySelector('canvas');
      return new Promise((resolve, reject) => {
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be exported as PNG'))), 'image/png');
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      el.remove(); // disconnectedCallback removes listeners and frees the wasm memory
    },
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (ok, value) => {
      if (settled) return;
      settled = true;
      el.removeEventListener('chartready', onReady);
      el.removeEventListener('charterror', onError);
      if (ok) resolve(value);
      else { handle.destroy(); reject(value); }
    };
    const onReady = () => finish(true, handle);
    const onError = (e) => {
      const err = new Error(e.detail?.message || 'the chart data is invalid');
      err.errors = e.detail?.errors ?? [];
      finish(false, err);
    };
    el.addEventListener('chartready', onReady);
    el.addEventListener('charterror', onError);
    container.append(el);
    el.data = data;
    // A container with no width yet (display:none, collapsed) draws later: don't hang.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (!settled && el.report?.ok) finish(true, handle);
    }));
  });
}

export default OperationChartElement;
