// The <operation-chart> element: the browser glue around the Rust core. It owns one `Chart`
// (wasm) while connected, its attributes and properties, its lifecycle and listeners, loading
// data into the core, and rendering. The rest has a module each:
//   shadow.js       the shadow DOM and the live region
//   sources.js      inline JSON and `src` (fetch, refresh)
//   scheduler.js    one render queue for every chart on the page
//   fade.js         the change transition
//   changes.js      what an update changed, for the live region
//   changed.js      rings over the items an update changed, until the reader has seen them
//   legend.js       legend toggle buttons
//   table.js        "Show data" and the data table
//   interaction.js  hover, touch and keyboard
//   alert.js        the problems shown beside the chart
// Built without innerHTML or inline styles: it runs under a CSP with Trusted Types enforced.

import { clearProblems, showProblems } from './alert.js';
import { ChangedMarks } from './changed.js';
import { changeText } from './changes.js';
import { callCore, Chart, coreError, coreFailedMessage, coreLoad, CoreCrash, onEngineReset } from './engine.js';
import { ChangeFade } from './fade.js';
import { Interaction } from './interaction.js';
import { LegendButtons } from './legend.js';
import { documentProblem, errorMessage, normaliseReport, toJsonText } from './report.js';
import { cancelRender, overBudget, requestRender } from './scheduler.js';
import { announce, buildShadow } from './shadow.js';
import { inlineJson, MIN_REFRESH_SECONDS, SourceFetcher } from './sources.js';
import { DataTable } from './table.js';
import { ancestorTheme, ancestorsOf, MEDIA, normaliseColour } from './theme.js';

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

const ATTRS = ['src', 'view', 'refresh', 'theme'];
/** `_lastGood` for a fetched document too large to keep in JavaScript: it is fetched again. */
const FETCHED = Object.freeze({ fetched: true });

export class OperationChartElement extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  constructor() {
    super();
    this._chart = null;          // the wasm Chart, while connected
    this._lastGood = null;       // the document on screen: JSON text, bytes, or FETCHED (reloaded after reconnect)
    this._pending = null;        // a document set while disconnected
    this._dataValue = undefined; // what the `data` property returns
    this._rendered = false;      // has anything been painted yet
    this._drawWaited = false;    // has the first render's drawing waited for a later task
    this._lastRender = null;     // { w, h, dpr, theme, view, font, forced, textScale }
    this._renderQueued = false;
    this._queuedRender = () => {
      this._renderQueued = false;
      this._safely(() => this._renderNow());
    };
    this._firstLoadDue = false;  // the data a connect brings is still to be read (see _connect)
    this._firstFetchDue = false; // and its src still to be fetched
    this._firstLoad = () => this._safely(() => this._loadFirst());
    this._cleanups = [];         // functions that undo every listener/observer (set once per connect)
    this._heightPx = null;
    this._dataVersion = 0;       // bumped by every good load (the table is rebuilt from it)
    this._totals = null;         // [raids, arrests, charged] last drawn, from the summary table
    this._news = false;          // new data (not a reconnect's reload) not yet announced
    this._brandKey = null;
    this._warned = new Set();    // brand warnings already logged
    this._reasons = new Set();   // why the next render happens: data, view, legend, resize, theme

    const { ownSheet, els } = buildShadow(this);
    this._ownSheet = ownSheet;
    this._els = els;
    this._sources = new SourceFetcher();
    this._fade = new ChangeFade(els);
    this._legend = new LegendButtons(els.legend, (key) => this._safely(() => this._toggleLegend(key)));
    this._table = new DataTable(els.showData, els.data, (link) => this._safely(() => this._linkRow(link)));
    this._changed = new ChangedMarks(els.changes, els.changedNote);
    this._cueDismissed = false;  // the reader put the keyboard cue away with its button
    this._interaction = new Interaction(els, {
      core: (fn, fallback) => this._withCore(fn, fallback),
      drawn: () => this._lastRender,
      onChange: (item) => {
        this._changed.seen(item);
        this._dispatch('charthover', { view: this._lastRender?.view ?? this.view, item });
      },
      announce: (text) => announce(els.live, text),
    });
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
    this._sources.supersede(); // the newest data wins over any fetch still on its way
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
      this._loadDocument(text, 'property');
    });
  }

  /** The report of the last data given to the element (via any source). */
  get report() { return this._lastReport ?? null; }

  /** The item under the pointer (or focused with the keyboard), or null. */
  get hoveredItem() { return this._interaction.item; }

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
          if (newValue) this._fetchSrc({ initial: !this._lastGood });
          this._armRefresh();
          break;
        case 'refresh':
          this._armRefresh();
          break;
        case 'view':
          this._interaction.clear(true);
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
    // After a crash, this chart's Chart object is dead: drop it at once, so nothing calls it
    // before the rebuild (which runs once the crashed call has been handled).
    this._cleanups.push(onEngineReset(() => {
      this._chart = null;
      queueMicrotask(() => this._safely(() => this._engineRebuilt()));
    }));

    // The data is read in the render queue's tasks, not here: every chart on a page can connect
    // in one task (when the engine becomes ready, the element is defined and all of them
    // upgrade), and reading all their data there made one long task.
    this._firstLoadDue = true;
    this._firstFetchDue = true;
    requestRender(this._firstLoad);
  }

  /**
   * Reads the data a connect brings, unless newer data came first (the `data` property set
   * since), and fetches its `src`, unless a fetch has started since (`src` set after the
   * element was added). In order: what we had before a reconnect or via the property, the
   * inline JSON, then `src` (which, when both are present, updates the inline snapshot). (A
   * large fetched document was not kept: the fetch brings it again.)
   */
  _loadFirst() {
    if (!this._chart) return;
    const fetch = this._firstFetchDue;
    this._firstFetchDue = false;
    if (this._firstLoadDue) {
      this._firstLoadDue = false;
      const carried = this._pending ?? (this._lastGood === FETCHED ? null : this._lastGood);
      this._pending = null;
      if (carried != null) {
        this._loadDocument(carried, 'carried');
      } else {
        this._loadInline();
      }
    }
    if (fetch && this.src && this._dataValue === undefined) this._fetchSrc({ initial: !this._lastGood });
    this._armRefresh();
  }

  _disconnect() {
    for (const undo of this._cleanups.splice(0)) {
      try { undo(); } catch { /* keep undoing the rest */ }
    }
    cancelRender(this._queuedRender);
    cancelRender(this._firstLoad);
    this._renderQueued = false;
    this._sources.cancel();
    this._interaction.clear(false);
    this._fade.drop();
    this._lastRender = null;
    this._brandKey = null;
    this._legend.reset();
    this._table.reset();
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
    const { canvas, chartBox, showData, tooltip, cue, cueClose, sizer } = this._els;

    const hover = this._interaction;
    on(canvas, 'pointermove', (e) => hover.pointer(e, false));
    on(canvas, 'pointerdown', (e) => hover.pointer(e, true));
    on(canvas, 'pointerleave', (e) => hover.leave(e));
    on(tooltip, 'pointerleave', (e) => hover.leave(e));
    on(canvas, 'keydown', (e) => { if (e.key === 'Escape') cue.hidden = true; hover.key(e); });
    // The keyboard cue shows when the keyboard brings the focus (not a click), until the focus
    // leaves or Escape; its button puts it away for good (the focus stays on the chart).
    on(canvas, 'focus', () => {
      cue.hidden = this._cueDismissed || !this._els.cueText.textContent || !canvas.matches(':focus-visible');
    });
    on(canvas, 'blur', () => { cue.hidden = true; hover.blur(); });
    const dismissCue = (e) => { e.preventDefault(); this._cueDismissed = true; cue.hidden = true; };
    on(cueClose, 'pointerdown', dismissCue);
    on(cueClose, 'click', dismissCue);
    // Escape closes any tooltip of this chart, wherever the focus is (WCAG 1.4.13).
    on(document, 'keydown', (e) => hover.escape(e));
    // A tap or click outside the chart dismisses a tapped tooltip.
    on(document, 'pointerdown', (e) => hover.pageDown(e, this), { capture: true, passive: true });
    on(showData, 'click', () => this._table.toggle());

    // Size: the chart box follows the container's width and its own (preferred or CSS) height.
    // The text follows the element's font size: the sizer is 1em wide, so a new font size
    // (the reader's default, the page's CSS) resizes it even when the box keeps its size.
    const ro = new ResizeObserver((entries) => this._safely(() => {
      const last = this._lastRender;
      const moved = entries.some(({ target, contentRect: box }) => (target === sizer
        ? last && this._textScale() !== last.textScale
        : !last || Math.abs(box.width - last.w) > 0.01 || Math.abs(box.height - last.h) > 0.01));
      if (moved) this._scheduleRender('resize');
    }));
    ro.observe(chartBox);
    ro.observe(sizer);
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

  /** (Re)starts the `refresh` timer, or stops it when there is nothing to refresh. */
  _armRefresh() {
    const seconds = this._chart && this.src ? this.refresh : 0;
    this._sources.arm(seconds, () => this._safely(() => this._fetchSrc({ initial: false })));
  }

  // --- data -----------------------------------------------------------------------------------

  _loadInline({ onlyIfChanged = false } = {}) {
    const text = inlineJson(this);
    if (text == null) return;
    if (onlyIfChanged && text === this._inlineText) return;
    this._inlineText = text;
    this._loadDocument(text, 'inline');
  }

  async _fetchSrc({ initial }) {
    this._firstFetchDue = false; // newer than what the connect would fetch
    const url = this.src;
    if (!url || !this._chart) return;
    // The body goes straight into the core as it arrives (see SourceFetcher.fetch).
    const sink = {
      begin: (expected) => this._withCore((c) => c.beginBytes(expected)),
      push: (part) => this._withCore((c) => c.pushBytes(part), false),
    };
    const answer = await this._sources.fetch(url, { initial, sink });
    if (!answer || !this._chart) return;
    if (answer.problem) {
      // A live chart keeps what it shows (no alert); the host page still hears about it.
      if (this._lastGood) console.warn(`operation-chart: ${answer.message}; keeping the last chart.`);
      this._fail(answer.message, answer.problem, { show: !this._lastGood });
      return;
    }
    // A refresh that brings the same bytes changes nothing: the core says so, and nothing is redrawn.
    this._loadDocument(answer.copy ?? FETCHED, 'src', () => this._chart.loadPushed(!initial));
  }

  /** Hands a document (JSON text, or the bytes of a fetched one) to the core: its report's JSON. */
  _coreLoad(doc) {
    return coreLoad(this._chart, doc);
  }

  /**
   * Loads a document (JSON text, bytes, or FETCHED for one already pushed into the core) into
   * the core; returns the normalised report. `read()` makes the core read it and returns its
   * report's JSON, or nothing when the document is the one on screen.
   */
  _loadDocument(doc, origin, read = () => this._coreLoad(doc)) {
    this._firstLoadDue = false; // newer than what the connect brought
    if (!this._chart) {
      if (coreError) {
        const report = { ok: false, errors: documentProblem(coreFailedMessage()), warnings: [] };
        this._lastReport = report;
        return report;
      }
      this._pending = doc; // applied on connect
      return { ok: true, errors: [], warnings: [], pending: true };
    }
    let report;
    try {
      const text = callCore(read);
      if (text === undefined) return { ok: true, errors: [], warnings: [], unchanged: true };
      report = normaliseReport(JSON.parse(text));
    } catch (err) {
      if (err instanceof CoreCrash) this._crashed(err);
      report = { ok: false, errors: documentProblem(errorMessage(err)), warnings: [] };
      if (err instanceof CoreCrash) {
        this._lastReport = report;
        return report;
      }
    }
    this._lastReport = report;
    if (!report.ok) {
      const n = report.errors.length;
      const message = this._lastGood
        ? `The new chart data has ${plural(n, 'problem', 'problems')}; the chart shows the last good data.`
        : `The chart data has ${plural(n, 'problem', 'problems')}.`;
      this._showErrors(message, report.errors);
      this._dispatch('charterror', { message, errors: report.errors });
      // If the core dropped its data anyway, restore the last good data.
      if (this._lastGood && this._lastGood !== FETCHED && !this._withCore((chart) => chart.hasData(), false)) {
        this._withCore(() => this._coreLoad(this._lastGood));
      }
      return report;
    }
    if (report.warnings.length) {
      console.warn(
        `operation-chart: the data has ${plural(report.warnings.length, 'warning', 'warnings')} (${origin}):\n` +
        report.warnings.map((w) => `  ${w.path || '(document)'}: ${w.message}`).join('\n'),
      );
    }
    this._lastGood = doc;
    this._dataVersion++;
    if (origin !== 'carried') this._news = true;
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

  /**
   * How large the reader wants text, as a factor on the chart's own sizes: the element's
   * computed font size over the browser's default 16 px (2 at a 32 px default, or where the
   * page sets `font-size: 32px` on the element). The core clamps it to 0.75–3.
   */
  _textScale() {
    const px = Number.parseFloat(getComputedStyle(this).fontSize);
    return Number.isFinite(px) && px > 0 ? px / 16 : 1;
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
      callCore(() => chart.setBrand(key));
      this._brandKey = key;
    }
    return { font, forced: Boolean(brand.forced) };
  }

  _renderNow() {
    const chart = this._chart;
    if (!chart || !this.isConnected || !this._withCore((c) => c.hasData(), false)) return;
    const { frame, chartBox, canvas, tools } = this._els;
    const view = this.view;

    const width = chartBox.getBoundingClientRect().width;
    if (width < 1) return; // hidden (display:none, zero-width container): the ResizeObserver calls again
    const textScale = this._textScale();
    let preferred;
    let brand;
    try {
      // The brand first: the preferred height measures text in the font the chart is drawn in.
      brand = this._applyBrand(chart);
      preferred = callCore(() => chart.preferredHeight(view, width, textScale, brand.font));
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
    // A chart's first render is the longest work it does: the wasm's functions run for the
    // first time (the browser compiles each on its first call) and every text is measured for
    // the first time. When laying out and measuring have used up this task's budget, the
    // drawing waits for the render queue's next task, so the two are not one long task. Once:
    // the next task draws, however long its layout takes.
    if (!this._rendered && !this._drawWaited && overBudget()) {
      this._drawWaited = true;
      this._renderQueued = true;
      requestRender(this._queuedRender);
      return;
    }

    const reasons = this._reasons;
    this._reasons = new Set();
    const dpr = window.devicePixelRatio || 1;
    const theme = this._effectiveTheme();
    const changed = reasons.has('data') || reasons.has('view') || reasons.has('legend');
    let fading = false;
    let info;
    try {
      const { font, forced } = brand;
      fading = changed && this._rendered && !MEDIA.reducedMotion().matches && this._fade.take(this._lastSize);
      info = JSON.parse(callCore(() => chart.render(canvas, view, width, height, dpr, theme, font, textScale)));
      this._lastRender = { w: width, h: height, dpr, theme, view, font, forced, textScale };
    } catch (err) {
      this._fade.drop();
      this._renderFailed(err);
      return;
    }
    this._lastSize = { w: width, h: height };
    frame.classList.toggle('dark', theme === 'dark');
    if (fading) this._fade.play();

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
    this._els.hint.textContent = String(info?.hint ?? '');
    this._els.cueText.textContent = String(info?.cue ?? '');
    this._els.about.textContent = String(info?.about ?? '');
    this._legend.update(Array.isArray(info?.legend) ? info.legend : []);
    this._table.update(`${this._dataVersion}|${view}`, () => this._withCore((c) => JSON.parse(c.table(view)), null));
    tools.hidden = false;
    if (!this._rendered) {
      this._rendered = true;
      this._els.fallback.classList.add('gone');
    }
    if (this._renderError) {
      this._renderError = false;
      this._hideErrors();
    }
    this._interaction.refresh();
    if (reasons.has('data')) this._changed.forget();
    const marked = (Array.isArray(info?.changed) ? info.changed : []).map((i) => this._withCore((c) => {
      const text = c.item(i);
      return typeof text === 'string' ? JSON.parse(text) : null;
    }, null)).filter(Boolean);
    this._changed.show(marked, info?.changedNote);
    // New data after the first: say once, politely, what changed, and what the rings mark.
    if (reasons.has('data')) {
      const totals = this._withCore((c) => JSON.parse(c.table('summary')).rows.map((row) => row[1]), null);
      const rings = marked.length ? ` ${String(info?.changedNote ?? '')}` : '';
      if (totals && this._news && this._totals) announce(this._els.live, `${changeText(this._totals, totals)}${rings}`);
      this._news = false;
      this._totals = totals;
    }
    this._dispatch('chartready', { view });
  }

  _renderFailed(err) {
    if (err instanceof CoreCrash) {
      this._crashed(err);
      return;
    }
    const message = errorMessage(err);
    this._renderError = true;
    this._fail(`The chart could not be drawn: ${message}`, `the chart could not be drawn: ${message}`);
  }

  // --- data table -----------------------------------------------------------------------------

  /** A row of the data table took the focus (`link`: the core's `{ kind, datum }`) or lost it (null). */
  _linkRow(link) {
    if (!link) { this._interaction.unlink(); return; }
    const index = this._withCore((c) => c.find(String(link.kind), Number(link.datum) >>> 0), -1);
    if (index >= 0) this._interaction.link(index);
    else this._interaction.unlink();
  }

  // --- legend ---------------------------------------------------------------------------------

  _toggleLegend(key) {
    const chart = this._chart;
    const entry = this._legend.state(key);
    if (!chart || !entry) return;
    const hidden = Boolean(this._withCore((c) => c.toggle(key), entry.hidden));
    if (hidden === entry.hidden) {
      announce(this._els.live, `${entry.label} stays shown: at least one must be visible.`);
      return;
    }
    this._legend.setHidden(key, hidden);
    announce(this._els.live, `${entry.label} ${hidden ? 'hidden' : 'shown'}.`);
    this._scheduleRender('legend');
  }

  // --- errors ---------------------------------------------------------------------------------

  _showErrors(message, errors) {
    showProblems(this._els.alert, message, errors);
  }

  /**
   * A failure of the whole document (not fetched, not drawn, no engine): the alert says `message`
   * (unless `show` is false: a live chart keeping its last data), and charterror carries it with
   * one problem at path '$', so hosts can always read errors[0].
   */
  _fail(message, problem, { show = true } = {}) {
    const errors = documentProblem(problem);
    if (show) showProblems(this._els.alert, message, []);
    this._dispatch('charterror', { message, errors });
  }

  _hideErrors() {
    clearProblems(this._els.alert);
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

  /**
   * Calls `fn(chart)` on this chart's core and returns its answer, or `fallback` when there is
   * no chart or the call throws. If the core crashed, this chart is switched off.
   */
  _withCore(fn, fallback) {
    const chart = this._chart;
    if (!chart) return fallback;
    try {
      return callCore(() => fn(chart));
    } catch (err) {
      if (err instanceof CoreCrash) this._crashed(err);
      return fallback;
    }
  }

  // --- a crash of the core --------------------------------------------------------------------

  /**
   * The core panicked in one of this chart's calls, and the engine has been rebuilt. This chart
   * says so, once, and stays switched off until it is given new data: drawing its data again
   * could panic again at the next pointer move.
   */
  _crashed(crash) {
    this._chart = null;
    this._crashedOut = true;
    this._lastGood = null;
    this._lastRender = null;
    this._interaction.clear(false);
    this._els.tools.hidden = true; // its legend and table belong to the data it can no longer show
    console.error(`operation-chart: the chart engine stopped in this chart with ${crash.message}; the other charts go on, and this one waits for new data.`, this);
    this._fail('The chart failed and is switched off until its data changes.', `the chart engine stopped: ${crash.message}`);
  }

  /** The shared engine was rebuilt after a crash: a new Chart, with the data it showed. */
  _engineRebuilt() {
    if (!this.isConnected) return;
    if (coreError) {
      this._chart = null;
      this._fail(coreFailedMessage(), `the chart engine could not be rebuilt: ${coreError.message}`);
      return;
    }
    this._chart = new Chart();
    this._brandKey = null; // the brand lived in the old instance
    this._interaction.clear(false);
    this._legend.reset(); // so did the legend's hidden series: everything is shown again
    if (this._crashedOut) {
      this._crashedOut = false;
      return;
    }
    if (this._lastGood === FETCHED) {
      this._safely(() => this._fetchSrc({ initial: true }));
    } else if (this._lastGood != null) {
      this._withCore(() => this._coreLoad(this._lastGood));
      this._lastRender = null;
      this._scheduleRender('data');
    }
  }

  _internalError(err) {
    console.error('operation-chart: internal error:', err);
    try {
      this._fail(`The chart failed: ${errorMessage(err)}`, errorMessage(err));
    } catch { /* nothing more we can do */ }
  }
}
