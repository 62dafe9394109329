// The element's shadow DOM: the canvas (the one tab stop for the data), the hover overlay, the
// legend buttons' layer, the tooltip, "Show data" and its table, the live region, the alert and
// the fallback slot. Built without innerHTML: it runs under Trusted Types.

import { getSharedSheet } from './styles.js';

function el(tag, props = {}, attrs = {}) {
  const n = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  return n;
}

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
  return {
    ownSheet,
    els: { frame, chartBox, canvas, overlay, legend, tooltip, tools, showData, data, hint, live, probe, alert, fallback },
  };
}

/** Says `text` in the live region; the same text twice in a row is said again. */
export function announce(live, text) {
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}
