// The element's shadow DOM: the canvas (the one tab stop for the data), the hover overlay, the
// legend buttons' layer, the tooltip, the keyboard hint and its visible cue, "Show data" and its
// table, the live region, the font-size sizer, the alert and the fallback slot. Built without
// innerHTML: it runs under Trusted Types.

import { getSharedSheet } from './styles.js';

function el(tag, props = {}, attrs = {}) {
  const n = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  return n;
}

/**
 * What describes the canvas, by id: the chart's own words, then how to use it. A shown tooltip
 * is added after them (interaction.js), never in their place.
 */
export const DESCRIBED_BY = 'about hint';

/**
 * Attaches the shadow root to `host` and builds its nodes. Returns `{ ownSheet, els }`: the
 * element's own stylesheet (its height) and the nodes by name.
 */
export function buildShadow(host) {
  const root = host.attachShadow({ mode: 'open' });
  const ownSheet = new CSSStyleSheet();
  root.adoptedStyleSheets = [getSharedSheet(), ownSheet];

  const frame = el('div', { className: 'frame' });
  const chartBox = el('div', { className: 'chart empty' }, { part: 'chart' });

  // The data is one tab stop: the canvas. Arrow keys move between items (see interaction.js).
  // Its role says what it does. `img` is for a picture, which holds nothing to operate, so a
  // focusable img that takes arrow keys is invalid, and screen readers in browse mode keep the
  // arrows for themselves. Like the navigation region of CMU's Data Navigator (a focusable
  // `application` labelled by the chart's description), the canvas is an `application`: on
  // focus a screen reader hands the keys to the chart, the name gives the chart's story, the
  // roledescription says what kind of thing it is, the hint (aria-describedby) how to use it,
  // and every move is said in the live region. Highcharts instead labels a region around the
  // chart and moves the focus among the points' own SVG elements; a canvas has no element per
  // item, so the focus stays on this one (one tab stop) and the live region says each item.
  const canvas = el('canvas', { className: 'plot', tabIndex: 0 }, {
    role: 'application', 'aria-roledescription': 'interactive chart', 'aria-label': 'Chart loading', 'aria-describedby': DESCRIBED_BY,
  });
  // The chart's words that are otherwise only pixels (subtitle, key, notes, credit line, what is
  // illustrative, how to read the marks): the first part of the canvas's description. Hidden,
  // as a description may be, so browse mode does not read it twice.
  const about = el('div', { id: 'about', hidden: true });
  const overlay = el('div', { className: 'overlay' }, { 'aria-hidden': 'true' });
  // Rings over what the last update changed (changed.js), under the hover highlight.
  const changes = el('div', { className: 'changes' });
  overlay.append(changes);
  const legend = el('div', { className: 'legend' });
  const tooltip = el('div', { className: 'tooltip', id: 'tooltip', hidden: true }, { role: 'tooltip', part: 'tooltip' });
  // How to use the chart by keyboard, in full: the end of the canvas's description (hidden, as
  // `about` is). The visible cue says it briefly while the canvas has keyboard focus, with a
  // button that puts it away for good; it is aria-hidden, so screen readers hear the keys once,
  // as the description, and its button (clicked, never tabbed to) adds no tab stop.
  const hint = el('div', { id: 'hint', hidden: true });
  const cue = el('div', { className: 'hint', hidden: true }, { 'aria-hidden': 'true', part: 'hint' });
  const cueText = el('span');
  const cueClose = el('button', { className: 'close', tabIndex: -1, textContent: '\u00d7', title: 'Hide the keyboard help' });
  cue.append(cueText, cueClose);
  chartBox.append(canvas, overlay, legend, tooltip, cue, hint, about);

  const showData = el('button', { type: 'button', textContent: 'Show data' }, {
    'aria-expanded': 'false', 'aria-controls': 'data', part: 'show-data',
  });
  const tools = el('div', { className: 'tools', hidden: true });
  // What the rings mean, while there are any. aria-hidden: the live region says it once.
  const changedNote = el('p', { className: 'changed-note', hidden: true }, { 'aria-hidden': 'true', part: 'changed-note' });
  tools.append(showData, changedNote);
  const data = el('div', { className: 'data', id: 'data', hidden: true }, { part: 'data' });
  frame.append(chartBox, tools, data);

  const live = el('div', { className: 'sr-only' }, { 'aria-live': 'polite', 'aria-atomic': 'true' });
  const probe = el('span', { className: 'probe', hidden: true }, { 'aria-hidden': 'true' });
  // 1em wide and laid out (not hidden), so a ResizeObserver sees the element's font size change.
  const sizer = el('div', { className: 'sizer' }, { 'aria-hidden': 'true' });

  const alert = el('div', { className: 'alert', hidden: true }, { role: 'alert', part: 'alert' });
  const fallback = el('div', { className: 'fallback' });
  fallback.append(document.createElement('slot'));

  root.append(frame, live, probe, sizer, alert, fallback);
  return {
    ownSheet,
    els: { frame, chartBox, canvas, overlay, changes, changedNote, legend, tooltip, hint, cue, cueText, cueClose, about, tools, showData, data, live, probe, sizer, alert, fallback },
  };
}

/** Says `text` in the live region; the same text twice in a row is said again. */
export function announce(live, text) {
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}
