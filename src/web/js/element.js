// The <operation-chart> element: the browser glue around the Rust core.
//   - one `Chart` (wasm) per element, while it is connected;
//   - data from `src` (optionally re-fetched every `refresh` seconds), an inline
//     <script type="application/json"> child, or the `data` property;
//   - sizing (container width, preferred or CSS height), devicePixelRatio, theme;
//   - hover and touch: the canvas is painted once per data/size/theme change; the pointer only
//     asks the core what is under it (`hit`) and moves a few DOM nodes (highlight + tooltip);
//   - errors: bad data shows a role="alert" beside the last good chart and fires `charterror`.
// Built without innerHTML or inline styles: it runs under a CSP with Trusted Types enforced.

import { Chart, coreError, coreFailedMessage } from './engine.js';
import { documentProblem, errorMessage, normaliseReport, toJsonText } from './report.js';
import { getSharedSheet } from './styles.js';
import { ancestorTheme, ancestorsOf, MEDIA, normaliseColour } from './theme.js';
import { cancelRender, requestRender } from './scheduler.js';
import { placeTooltip } from './tooltip.js';

const MIN_REFRESH_SECONDS = 30;
const MAX_LISTED_ERRORS = 12;
const FADE_MS = 220;           // the change transition (under 300 ms; none under reduced motion)

function sameItem(a, b) {
  if (!a || !b) return a === b;
  return a.index === b.index && a.kind === b.kind && a.view === b.view;
}

/** An item as the core writes it (JSON text), or null for none. */
function parseItem(text) {
  return typeof text === 'string' ? JSON.parse(text) : null;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** An item's label (lines separated by "\n") as one sentence for the live region. */
function spoken(label) {
  return String(label ?? '').split('\n').map((l) => l.trim().replace(/\.+$/, '')).filter(Boolean).join('. ');
}

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
    this._renderQueued = false;
    this._queuedRender = () => {
      this._renderQueued = false;
      this._safely(() => this._renderNow());
    };
    this._hover = null;          // the item shown, or null
    this._keyIndex = -1;
    this._fetchToken = 0;
    this._fetchAbort = null;
    this._cleanups = [];         // functions that undo every listener/observer (set once per connect)
    this._refreshTimer = 0;      // the one `refresh` interval, while connected
    this._heightPx = null;

    this._mode = null;           // how the shown item was chosen: 'pointer' | 'touch' | 'keyboard'
    this._touchPoint = null;     // where the finger tapped, CSS px in the chart
    this._dismissed = null;      // the pointer item closed with Escape (stays closed until another)
    this._dataVersion = 0;       // bumped by every good load (the table is rebuilt from it)
    this._tableKey = null;
    this._brandKey = null;
    this._warned = new Set();    // brand warnings already logged
    this._reasons = new Set();   // why the next render happens: data, view, legend, resize, theme
    this._legendKey = null;

    const root = this.attachShadow({ mode: 'open' });
    this._ownSheet = new CSSStyleSheet();
    root.adoptedStyleSheets = [getSharedSheet(), this._ownSheet];

    const el = (tag, props = {}, attrs = {}) => {
      const n = Object.assign(document.createElement(tag), props);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      return n;
    };

    const frame = el('div', { className: 'frame' });
    const chartBox = el('div', { className: 'chart empty' }, { part: 'chart' });

    // The data is one tab stop: the canvas. Arrow keys move between items (see _onKey).
    const canvas = el('canvas', { className: 'plot', tabIndex: 0 }, {
      role: 'img', 'aria-roledescription': 'interactive chart', 'aria-label': 'Chart loading', 'aria-describedby': 'hint',
    });
    const overlay = el('div', { className: 'overlay' }, { 'aria-hidden': 'true' });
    const legend = el('div', { className: 'legend' });
    const tooltip = el('div', { className: 'tooltip', id: 'tooltip', hidden: true }, { role: 'tooltip', part: 'tooltip' });
    chartBox.append(canvas, overlay, legend, tooltip);

    const showData = el('button', { type: 'button', textContent: 'Show data' }, {
      'aria-expanded': 'false', 'aria-controls': 'data', part: 'show-data',
    });
    const tools = el('div', { className: 'tools', hidden: true });
    tools.append(showData);
    const data = el('div', { className: 'data sr-only', id: 'data' }, { part: 'data' });
    frame.append(chartBox, tools, data);

    const hint = el('div', { id: 'hint', hidden: true });
    const live = el('div', { className: 'sr-only' }, { 'aria-live': 'polite', 'aria-atomic': 'true' });
    const probe = el('span', { className: 'probe', hidden: true }, { 'aria-hidden': 'true' });

    const alert = el('div', { className: 'alert', hidden: true }, { role: 'alert', part: 'alert' });
    const fallback = el('div', { className: 'fallback' });
    fallback.append(document.createElement('slot'));

    root.append(frame, live, hint, probe, alert, fallback);
    this._els = {
      frame, chartBox, canvas, overlay, legend, tooltip, tools, showData, data, hint, live, probe, alert, fallback,
      marks: [], buttons: new Map(), snapshot: null,
    };
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
        const message = 'The chart data could not be read.';
        const errors = documentProblem(errorMessage(err));
        this._lastReport = { ok: false, errors, warnings: [] };
        this._showErrors(message, errors);
        this._dispatch('charterror', { message, errors });
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
          this._scheduleRender('view');
          break;
        case 'theme':
          this._scheduleRender('theme');
          break;
        default:
          break;
      }
    });
  }

  _connect() {
    if (coreError) {
      this._fail(coreFailedMessage(), `the chart engine could not be loaded: ${coreError.message}`);
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
    this._stopRefresh();
    cancelRender(this._queuedRender);
    this._renderQueued = false;
    this._fetchToken++;
    this._fetchAbort?.abort();
    this._fetchAbort = null;
    this._clearHover(false);
    this._dropSnapshot();
    this._lastRender = null;
    this._brandKey = null;
    this._legendKey = null;
    this._tableKey = null;
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
    const { canvas, chartBox, showData } = this._els;

    on(canvas, 'pointermove', (e) => this._onPointer(e, false));
    on(canvas, 'pointerdown', (e) => this._onPointer(e, true));
    on(canvas, 'pointerleave', (e) => {
      if (e.pointerType === 'touch') return; // a tapped tooltip stays until dismissed
      this._dismissed = null;
      if (this._mode === 'pointer') this._setHover(null);
    });
    on(canvas, 'keydown', (e) => this._onKey(e));
    on(canvas, 'blur', () => {
      if (this._mode === 'keyboard') { this._keyIndex = -1; this._setHover(null); }
    });
    // Escape closes any tooltip of this chart, wherever the focus is (WCAG 1.4.13).
    on(document, 'keydown', (e) => {
      if (e.key !== 'Escape' || !this._hover || e.defaultPrevented) return;
      if (this._mode === 'pointer') this._dismissed = this._hover;
      this._setHover(null);
      e.preventDefault();
    });
    // A tap or click outside the chart dismisses a tapped tooltip.
    on(document, 'pointerdown', (e) => {
      if (this._mode === 'touch' && !e.composedPath().includes(this)) this._setHover(null);
    }, { capture: true, passive: true });
    on(showData, 'click', () => this._toggleTable());

    // Size: the chart box follows the container's width and its own (preferred or CSS) height.
    const ro = new ResizeObserver((entries) => this._safely(() => {
      const box = entries[entries.length - 1].contentRect;
      const last = this._lastRender;
      if (!last || Math.abs(box.width - last.w) > 0.01 || Math.abs(box.height - last.h) > 0.01) {
        this._scheduleRender('resize');
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
    const onDpr = () => this._safely(() => { armDpr(); this._scheduleRender('resize'); });
    const armDpr = () => {
      dprQuery?.removeEventListener('change', onDpr);
      dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      dprQuery.addEventListener('change', onDpr);
    };
    armDpr();
    this._cleanups.push(() => dprQuery?.removeEventListener('change', onDpr));

    // Theme: the reader's colour-scheme preference, high contrast, and the page's own toggle
    // (a dark/light class or data-theme on any ancestor: each one is watched, nothing else).
    on(MEDIA.dark(), 'change', () => this._themeMaybeChanged());
    on(MEDIA.forced(), 'change', () => { this._brandKey = null; this._scheduleRender('theme'); });
    const themeObserver = new MutationObserver(() => this._safely(() => this._themeMaybeChanged()));
    for (const a of ancestorsOf(this)) themeObserver.observe(a, { attributes: true, attributeFilter: ['class', 'data-theme'] });
    this._cleanups.push(() => themeObserver.disconnect());
  }

  /**
   * (Re)starts the `refresh` timer: exactly one interval at a time, replaced on every change of
   * `refresh` or `src` and stopped on disconnect (by _disconnect, not through _cleanups, so
   * re-arming adds nothing that piles up).
   */
  _armRefresh() {
    this._stopRefresh();
    const seconds = this.refresh;
    if (!this._chart || !seconds || !this.src) return;
    this._refreshTimer = setInterval(() => this._safely(() => {
      if (document.visibilityState === 'hidden') return; // catch up on the next tick
      this._fetchSrc({ initial: false });
    }), seconds * 1000);
  }

  _stopRefresh() {
    if (this._refreshTimer) clearInterval(this._refreshTimer);
    this._refreshTimer = 0;
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
    let href = url;
    try {
      href = new URL(url, document.baseURI).href;
      const res = await fetch(href, {
        signal: abort.signal,
        cache: initial ? 'default' : 'no-cache',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) {
        throw Object.assign(
          new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`),
          { problem: `HTTP ${res.status}` },
        );
      }
      text = await res.text();
    } catch (err) {
      if (abort.signal.aborted || token !== this._fetchToken) return;
      const message = `Could not load the chart data from ${url}: ${errorMessage(err)}`;
      const problem = `could not load ${href}: ${err?.problem ?? errorMessage(err)}`;
      // A live chart keeps what it shows (no alert); the host page still hears about it.
      if (this._lastGoodText) console.warn(`operation-chart: ${message}; keeping the last chart.`);
      this._fail(message, problem, { show: !this._lastGoodText });
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
        const report = { ok: false, errors: documentProblem(coreFailedMessage()), warnings: [] };
        this._lastReport = report;
        return report;
      }
      this._pendingText = text; // applied on connect
      return { ok: true, errors: [], warnings: [], pending: true };
    }
    let report;
    try {
      report = normaliseReport(JSON.parse(this._chart.load(text)));
    } catch (err) {
      report = { ok: false, errors: documentProblem(errorMessage(err)), warnings: [] };
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
    this._dataVersion++;
    this._hideErrors();
    this._els.chartBox.classList.remove('empty');
    this._lastRender = null; // data changed: render even if the size did not
    this._scheduleRender('data');
    return report;
  }

  // --- rendering ------------------------------------------------------------------------------

  _scheduleRender(reason = 'resize') {
    this._reasons.add(reason);
    if (this._renderQueued || !this._chart) return;
    this._renderQueued = true;
    requestRender(this._queuedRender);
  }

  _effectiveTheme() {
    const attr = this.getAttribute('theme');
    if (attr === 'light' || attr === 'dark') return attr;
    return ancestorTheme(this) ?? (MEDIA.dark().matches ? 'dark' : 'light');
  }

  _themeMaybeChanged() {
    if (this._lastRender && this._effectiveTheme() !== this._lastRender.theme) this._scheduleRender('theme');
  }

  _setPreferredHeight(px) {
    const h = Math.max(1, Math.round(px));
    if (h === this._heightPx) return;
    this._heightPx = h;
    this._ownSheet.replaceSync(`.chart { height: ${h}px; }`);
  }

  /** The system colours in forced-colors mode, as the canvas needs them. */
  _systemColours() {
    const { probe } = this._els;
    const read = (name) => {
      probe.style.color = name;
      return normaliseColour(getComputedStyle(probe).color);
    };
    const forced = { text: read('CanvasText'), background: read('Canvas'), highlight: read('Highlight') };
    probe.style.color = '';
    return forced;
  }

  /**
   * The page's look, read once per render (never per pointer move): the font and accent custom
   * properties, and the system colours under forced-colors. Tells the core when they changed.
   */
  _applyBrand(chart) {
    const cs = getComputedStyle(this);
    const font = cs.getPropertyValue('--operation-chart-font').trim() || cs.fontFamily || 'sans-serif';
    const brand = {};
    const accent = cs.getPropertyValue('--operation-chart-accent').trim();
    if (accent) brand.accent = normaliseColour(accent);
    if (MEDIA.forced().matches) brand.forced = this._systemColours();
    const key = JSON.stringify(brand);
    if (key !== this._brandKey) {
      chart.setBrand(key);
      this._brandKey = key;
    }
    return { font, forced: Boolean(brand.forced) };
  }

  _renderNow() {
    const chart = this._chart;
    if (!chart || !this.isConnected || !this._safeCall(() => chart.hasData(), false)) return;
    const { frame, chartBox, canvas, tools } = this._els;
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
    let height = chartBox.getBoundingClientRect().height;
    // The page gave the element its own height (or stretches it): the chart takes all of it and
    // the "Show data" button floats over its corner instead of taking a row below.
    if (this._heightPx && !frame.classList.contains('fixed') && Math.abs(height - this._heightPx) > 0.5) {
      frame.classList.add('fixed');
      height = chartBox.getBoundingClientRect().height;
    }
    if (height < 1) return;

    const reasons = this._reasons;
    this._reasons = new Set();
    const dpr = window.devicePixelRatio || 1;
    const theme = this._effectiveTheme();
    const { font, forced } = this._applyBrand(chart);
    const changed = reasons.has('data') || reasons.has('view') || reasons.has('legend');
    const snapshot = changed && this._rendered && !MEDIA.reducedMotion().matches ? this._takeSnapshot() : null;
    let info;
    try {
      info = JSON.parse(chart.render(canvas, view, width, height, dpr, theme, font));
    } catch (err) {
      this._dropSnapshot();
      this._renderFailed(err);
      return;
    }
    this._lastRender = { w: width, h: height, dpr, theme, view, font, forced };
    this._lastSize = { w: width, h: height };
    frame.classList.toggle('dark', theme === 'dark');
    if (snapshot) this._fadeSnapshot();

    for (const w of info?.warnings ?? []) {
      if (this._warned.has(w)) continue;
      this._warned.add(w);
      console.warn(`operation-chart: ${w}`);
    }

    const title = String(info?.title ?? '').trim();
    const description = String(info?.description ?? '').trim();
    const label = [title, description].filter(Boolean)
      .map((s, i, all) => (i < all.length - 1 && !/[.!?:]$/.test(s) ? `${s}.` : s)).join(' ');
    canvas.setAttribute('aria-label', label || 'Chart');
    const count = Number(info?.itemCount) || 0;
    this._els.hint.textContent = count
      ? `Arrow keys move between the ${count} ${count === 1 ? 'item' : 'items'} of the chart; Home and End go to the first and last; Escape closes the details. The Show data button gives a table of the numbers.`
      : 'The Show data button gives a table of the numbers.';
    this._updateLegend(Array.isArray(info?.legend) ? info.legend : []);
    this._updateTable(view);
    tools.hidden = false;
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
    this._fail(`The chart could not be drawn: ${message}`, `the chart could not be drawn: ${message}`);
  }

  // --- motion: the previous chart fades out over the new one ----------------------------------

  _takeSnapshot() {
    const { canvas, chartBox } = this._els;
    const last = this._lastSize; // (_lastRender is dropped when new data arrives)
    if (!last || !canvas.width || !canvas.height) return null;
    this._dropSnapshot();
    const snap = document.createElement('canvas');
    snap.className = 'snapshot';
    snap.setAttribute('aria-hidden', 'true');
    snap.width = canvas.width;
    snap.height = canvas.height;
    snap.style.width = `${last.w}px`;
    snap.style.height = `${last.h}px`;
    const ctx = snap.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(canvas, 0, 0);
    chartBox.insertBefore(snap, this._els.overlay);
    this._els.snapshot = snap;
    return snap;
  }

  _fadeSnapshot() {
    const snap = this._els.snapshot;
    if (!snap) return;
    const anim = snap.animate([{ opacity: 1 }, { opacity: 0 }], { duration: FADE_MS, easing: 'ease-out', fill: 'forwards' });
    this._fade = anim;
    anim.finished.then(() => { if (this._els.snapshot === snap) this._dropSnapshot(); }, () => {});
  }

  _dropSnapshot() {
    this._fade?.cancel();
    this._fade = null;
    this._els.snapshot?.remove();
    this._els.snapshot = null;
  }

  // --- legend buttons and the data table ------------------------------------------------------

  /** Real buttons over the legend entries the canvas draws, so keyboards and screen readers can toggle them. */
  _updateLegend(entries) {
    const { legend, buttons } = this._els;
    const key = JSON.stringify(entries);
    if (key === this._legendKey) return;
    this._legendKey = key;
    const seen = new Set();
    for (const entry of entries) {
      const k = String(entry.key);
      seen.add(k);
      let b = buttons.get(k);
      if (!b) {
        b = document.createElement('button');
        b.type = 'button';
        b.addEventListener('click', () => this._safely(() => this._toggleLegend(k)));
        buttons.set(k, b);
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
      legend.append(b); // keeps the order of the entries (and the tab order with it)
    }
    for (const [k, b] of buttons) {
      if (!seen.has(k)) { b.remove(); buttons.delete(k); }
    }
  }

  _toggleLegend(key) {
    const chart = this._chart;
    const b = this._els.buttons.get(key);
    if (!chart || !b) return;
    const wasHidden = b.getAttribute('aria-pressed') === 'true';
    const hidden = Boolean(this._safeCall(() => chart.toggle(key), wasHidden));
    const label = b.dataset.label;
    if (hidden === wasHidden) {
      this._announce(`${label} stays shown: at least one must be visible.`);
      return;
    }
    b.setAttribute('aria-pressed', String(hidden));
    this._announce(`${label} ${hidden ? 'hidden' : 'shown'}.`);
    this._scheduleRender('legend');
  }

  _updateTable(view) {
    const key = `${this._dataVersion}|${view}`;
    if (key === this._tableKey) return;
    const t = this._safeCall(() => JSON.parse(this._chart.table(view)), null);
    if (!t) return;
    this._tableKey = key;
    const el = (tag, text) => {
      const n = document.createElement(tag);
      if (text !== undefined) n.textContent = String(text);
      return n;
    };
    const table = el('table');
    const caption = el('caption', t.caption ?? '');
    const thead = el('thead');
    const headRow = el('tr');
    for (const c of t.columns ?? []) {
      const th = el('th', c);
      th.scope = 'col';
      headRow.append(th);
    }
    thead.append(headRow);
    const tbody = el('tbody');
    for (const row of t.rows ?? []) {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const c = el(i === 0 ? 'th' : 'td', cell);
        if (i === 0) c.scope = 'row';
        tr.append(c);
      });
      tbody.append(tr);
    }
    table.append(caption, thead, tbody);
    this._els.data.replaceChildren(table);
    if (this._els.data.hasAttribute('role')) this._els.data.setAttribute('aria-label', caption.textContent || 'Data');
  }

  _toggleTable() {
    const { showData, data } = this._els;
    const open = showData.getAttribute('aria-expanded') !== 'true';
    showData.setAttribute('aria-expanded', String(open));
    data.classList.toggle('sr-only', !open);
    // Shown, it may scroll sideways on a phone: then it is a focusable, named region.
    if (open) {
      data.setAttribute('role', 'region');
      data.setAttribute('aria-label', data.querySelector('caption')?.textContent || 'Data');
      data.tabIndex = 0;
    } else {
      for (const a of ['role', 'aria-label', 'tabindex']) data.removeAttribute(a);
    }
  }

  _announce(text) {
    const { live } = this._els;
    // The same text twice in a row is announced again only if the node changes.
    live.textContent = live.textContent === text ? `${text}\u00a0` : text;
  }

  // --- hover, touch, keyboard -----------------------------------------------------------------

  _onPointer(e, isDown) {
    if (!this._chart || !this._lastRender) return;
    const touch = e.pointerType === 'touch';
    if (touch && !isDown) return; // a finger moving is scrolling, not pointing
    const rect = this._els.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const item = this._itemAt(this._safeCall(() => this._chart.hit(x, y), -1));
    this._keyIndex = -1;
    if (touch) {
      // A tap shows the item and keeps it; a tap on nothing, or on the same item again, closes it.
      if (!item || (this._mode === 'touch' && sameItem(item, this._hover))) {
        this._setHover(null);
      } else {
        this._touchPoint = { x, y };
        this._setHover(item, 'touch');
      }
      return;
    }
    if (this._mode === 'touch' && !isDown) return; // a tapped tooltip stays until dismissed
    if (this._mode === 'keyboard' && !isDown && sameItem(item, this._hover)) return;
    if (this._dismissed) {
      if (sameItem(item, this._dismissed)) return; // closed with Escape: stays closed over this item
      this._dismissed = null;
    }
    this._setHover(item, item ? 'pointer' : null);
  }

  _onKey(e) {
    if (!this._chart || !this._lastRender || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault(); // the page must not scroll while the reader moves through the chart
    const from = this._keyIndex >= 0 ? this._keyIndex : (this._hover?.index ?? -1);
    const item = this._itemAt(this._safeCall(() => this._chart.navigate(from, e.key), -1));
    if (!item) return;
    this._keyIndex = item.index;
    const same = sameItem(item, this._hover) && this._mode === 'keyboard';
    this._setHover(item, 'keyboard');
    if (!same) this._announce(spoken(item.label));
  }

  /**
   * The item at `index` of the current scene (null for -1). The core answers a hit with an index
   * only; the item itself (its text, marks and values) crosses from the core only when it is not
   * the one already shown, so moving within one item costs one hit test.
   */
  _itemAt(index) {
    if (!Number.isInteger(index) || index < 0) return null;
    if (this._hover && this._hover.index === index) return this._hover;
    return this._safeCall(() => parseItem(this._chart.item(index)), null);
  }

  /** Shows `item` (or nothing), chosen by `mode`, and dispatches charthover when it changed. */
  _setHover(item, mode = null) {
    const changed = !sameItem(item, this._hover);
    this._hover = item ?? null;
    this._mode = item ? mode : null;
    if (!item) this._touchPoint = null;
    this._drawHover(this._hover);
    if (changed) this._dispatch('charthover', { view: this._lastRender?.view ?? this.view, item: this._hover });
  }

  _clearHover(notify) {
    const had = this._hover;
    this._hover = null;
    this._mode = null;
    this._touchPoint = null;
    this._dismissed = null;
    this._drawHover(null);
    if (notify && had) this._dispatch('charthover', { view: this.view, item: null });
  }

  /** After a re-render the same item may have moved: refresh its marks, or drop it. */
  _refreshHover() {
    if (!this._hover) return;
    const fresh = this._safeCall(() => parseItem(this._chart.item(this._hover.index)), null);
    if (fresh && fresh.kind === this._hover.kind && fresh.view === this._hover.view) {
      this._hover = fresh;
      this._drawnKey = undefined; // sizes changed: place it again
      this._drawHover(fresh);
    } else {
      this._keyIndex = -1;
      this._clearHover(true);
    }
  }

  _drawHover(item) {
    // The pointer moving within one item changes nothing on screen: touch no DOM.
    const tp = this._touchPoint;
    const key = item
      ? `${this._mode}|${item.kind}#${item.index}@${item.anchor?.x},${item.anchor?.y}|${tp ? `${tp.x},${tp.y}` : ''}|${this._lastRender?.w}x${this._lastRender?.h}`
      : null;
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
    const focus = this._mode === 'keyboard';
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
      canvas.setAttribute('aria-describedby', 'hint');
      return;
    }
    tooltip.textContent = String(item.label ?? '');
    tooltip.hidden = false;
    canvas.setAttribute('aria-describedby', 'hint tooltip');
    this._placeTooltip(item);
  }

  _placeTooltip(item) {
    const { tooltip, chartBox } = this._els;
    placeTooltip(tooltip, chartBox, item, {
      width: this._lastRender?.w,
      height: this._lastRender?.h,
      touchPoint: this._mode === 'touch' ? this._touchPoint : null,
    });
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

  /**
   * A failure of the whole document (not fetched, not drawn, no engine): the alert says `message`
   * (unless `show` is false: a live chart keeping its last data), and charterror carries it with
   * one problem at path '$', so hosts can always read errors[0].
   */
  _fail(message, problem, { show = true } = {}) {
    const errors = documentProblem(problem);
    if (show) this._showErrors(message, []);
    this._dispatch('charterror', { message, errors });
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
      this._fail(`The chart failed: ${errorMessage(err)}`, errorMessage(err));
    } catch { /* nothing more we can do */ }
  }
}
