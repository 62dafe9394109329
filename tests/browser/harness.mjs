// Shared set-up for the browser tests: the project's own server (scripts/serve.mjs, with its
// strict CSP) on a free port, and Debian's Chromium driven by playwright-core. Every page opened
// here records uncaught errors, console errors and CSP violations; `assertClean` fails the test
// on any of them.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Test-only: let headless Chromium take input and draw frames as fast as it can instead of at
// 60 Hz, so sweeping the pointer over a chart costs ~3 ms per step instead of ~17 ms.
const FAST_INPUT_ARGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/** Starts the server and the browser once per test file. Call `close()` in `after`. */
export async function setup() {
  for (const f of ['dist/operation-charts.js', 'dist/operation-charts-core_bg.wasm']) {
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run "npm run build" first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "npm run setup" (installs Debian's chromium)`);
  const server = await startServer({ port: 0, host: '127.0.0.1', testPages: true });
  // launch() gives Chromium a new, empty --user-data-dir of its own (deleted on close); each page
  // below gets its own context for device scale factor, touch and colour scheme.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...FAST_INPUT_ARGS] });
  const contexts = new Set();

  /**
   * Opens `pathname` (on our server) in a new context.
   * Returns { page, problems } where problems collects page errors, console errors and CSP violations.
   */
  async function open(pathname, { width = 800, height = 900, dpr = 1, touch = false, mobile = false, colorScheme = 'light' } = {}) {
    const context = await browser.newContext({
      viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: mobile, colorScheme,
    });
    contexts.add(context);
    // Nothing may leave localhost.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
      problems.push(`request to another origin: ${route.request().url()}`);
      return route.abort();
    });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective}: ${e.blockedURI || ''} ${e.sourceFile || ''}:${e.lineNumber || ''}`);
      });
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    });
    page.on('requestfailed', (req) => {
      const failure = req.failure()?.errorText ?? '';
      if (!/ERR_ABORTED/.test(failure)) problems.push(`request failed: ${req.url()} ${failure}`);
    });
    await page.goto(new URL(pathname, server.url).href, { waitUntil: 'load' });
    return { page, problems, context };
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.close();
  }

  return { server, browser, open, close };
}

/** Fails if the page had uncaught errors, console errors or CSP violations. */
export async function assertClean(page, problems, { allow = [] } = {}) {
  const csp = await page.evaluate(() => window.__csp ?? []).catch(() => []);
  const all = [...problems, ...csp.map((v) => `CSP violation: ${v}`)]
    .filter((p) => !allow.some((re) => re.test(p)));
  assert.deepEqual(all, [], 'the page had errors or CSP violations');
}

/** Reads the JSON of the bundled dataset (as text). */
export async function caymanText() {
  const { readFile } = await import('node:fs/promises');
  return readFile(path.join(ROOT, 'www/data/operation-cayman.json'), 'utf8');
}

/**
 * Adds an <operation-chart> in a fixed-width box on the blank test page and waits for its first
 * chartready. `data` (object) or `src` (URL). Returns the element id.
 */
export async function addChart(page, { id, view = 'summary', width = 640, data, src, theme, height } = {}) {
  await page.waitForFunction(() => customElements.get('operation-chart'));
  await page.evaluate(({ id, view, width, data, src, theme, height }) => {
    const box = document.createElement('div');
    box.className = 'box';
    box.id = `${id}-box`;
    box.style.width = `${width}px`;
    const el = document.createElement('operation-chart');
    el.id = id;
    el.setAttribute('view', view);
    if (theme) el.setAttribute('theme', theme);
    if (height) el.style.height = `${height}px`;
    window.__events ??= [];
    for (const type of ['chartready', 'charthover', 'charterror']) {
      el.addEventListener(type, (e) => {
        const record = { type, id, detail: JSON.parse(JSON.stringify(e.detail)) };
        if (type === 'charthover') {
          // What the reader sees at this moment: the tooltip's text and box, and the highlight.
          const tip = el.shadowRoot.querySelector('[role="tooltip"]');
          const r = tip.getBoundingClientRect();
          const c = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
          record.detail.tip = tip.hidden ? null : {
            text: tip.textContent, children: tip.children.length,
            left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top,
          };
          record.detail.marks = [...el.shadowRoot.querySelectorAll('.mark')].filter((m) => !m.hidden).length;
        }
        window.__events.push(record);
      });
    }
    const fallback = document.createElement('p');
    fallback.textContent = 'Fallback text';
    el.append(fallback);
    box.append(el);
    document.getElementById('stage').append(box);
    if (src) el.setAttribute('src', src);
    if (data !== undefined) el.data = data;
  }, { id, view, width, data, src, theme, height });
  await waitForEvent(page, id, 'chartready', 1);
  return id;
}

/** Waits until the element `id` has dispatched at least `count` events of `type`. */
export async function waitForEvent(page, id, type, count = 1, timeout = 10000) {
  await page.waitForFunction(
    ({ id, type, count }) => (window.__events ?? []).filter((e) => e.id === id && e.type === type).length >= count,
    { id, type, count }, { timeout },
  ).catch(async (err) => {
    const seen = await page.evaluate(() => window.__events ?? []);
    throw new Error(`timed out waiting for ${type} #${count} on #${id}; events so far: ${JSON.stringify(seen).slice(0, 2000)}`, { cause: err });
  });
}

export async function events(page, id, type) {
  return page.evaluate(({ id, type }) => (window.__events ?? []).filter((e) => e.id === id && e.type === type).map((e) => e.detail), { id, type });
}

/** What a reader sees of the element: sizes, tooltip, alert, fallback. */
export async function inspect(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    const canvas = root.querySelector('canvas');
    const tip = root.querySelector('[role="tooltip"]');
    const alert = root.querySelector('[role="alert"]');
    const slot = root.querySelector('slot');
    const cr = canvas.getBoundingClientRect();
    const tr = tip.getBoundingClientRect();
    const visible = (n) => {
      if (!n) return false;
      const r = n.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(n).visibility !== 'hidden';
    };
    const fallbackShown = slot.assignedElements().some((n) => visible(n));
    return {
      cssWidth: cr.width, cssHeight: cr.height, left: cr.left, top: cr.top,
      width: canvas.width, height: canvas.height,
      ariaLabel: canvas.getAttribute('aria-label'), role: canvas.getAttribute('role'),
      tooltip: visible(tip) ? { text: tip.textContent, left: tr.left, top: tr.top, right: tr.right, bottom: tr.bottom, children: tip.children.length } : null,
      alert: visible(alert) ? alert.textContent : null,
      fallbackShown,
      marks: [...root.querySelectorAll('.mark')].filter(visible).length,
    };
  }, id);
}

/** Fraction of canvas pixels that differ from the most common one (0 = blank). */
export async function inkFraction(page, id) {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id).shadowRoot.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 16) {
      const k = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const total = data.length / 16;
    const top = Math.max(...counts.values());
    return (total - top) / total;
  }, id);
}

/**
 * Sweeps the mouse over the canvas of `id` in rows `step` px apart. Returns every distinct item
 * hovered (from the charthover events), each with the tooltip as the reader saw it then.
 */
export async function sweep(page, id, { step = 6, stepX = step, stepY = step } = {}) {
  const box = await inspect(page, id);
  const before = (await events(page, id, 'charthover')).length;
  for (let y = box.top + 1; y < box.top + box.cssHeight - 1; y += stepY) {
    await page.mouse.move(box.left + 1, y);
    await page.mouse.move(box.left + box.cssWidth - 2, y, { steps: Math.ceil(box.cssWidth / stepX) });
  }
  await page.mouse.move(box.left + box.cssWidth / 2, box.top + box.cssHeight + 40);
  const hovers = (await events(page, id, 'charthover')).slice(before);
  const seen = new Map();
  for (const h of hovers) {
    if (!h.item) continue;
    const key = `${h.item.kind}#${h.item.index}`;
    if (!seen.has(key)) seen.set(key, h);
  }
  return { box, hovers, items: [...seen.values()] };
}

/**
 * Finds, without moving the real pointer, a point over an item of chart `id` (synthetic mouse
 * moves on a grid, read back through `hoveredItem`). `match` (a regex source) picks by label;
 * `region` limits the search, in CSS px of the canvas. Returns { x, y } in page coordinates and
 * the item, or null. Leaves no hover behind.
 */
export async function findItem(page, id, { match = '', region = null, step = 4 } = {}) {
  return page.evaluate(({ id, match, region, step }) => {
    const el = document.getElementById(id);
    const canvas = el.shadowRoot.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    const re = new RegExp(match);
    const [x0, y0, x1, y1] = region ?? [0, 0, r.width, r.height];
    const move = (x, y) => canvas.dispatchEvent(new PointerEvent('pointermove', { pointerType: 'mouse', clientX: r.left + x, clientY: r.top + y, bubbles: true }));
    let found = null;
    for (let y = y0 + 1; y < y1 && !found; y += step) {
      for (let x = x0 + 1; x < x1 && !found; x += step) {
        move(x, y);
        const item = el.hoveredItem;
        if (item && re.test(item.label)) found = { x: r.left + x, y: r.top + y, item: JSON.parse(JSON.stringify(item)) };
      }
    }
    canvas.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    return found;
  }, { id, match, region, step });
}

/** The shadow-root state a reader meets: focus, live region, marks, table, legend buttons. */
export async function a11yState(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    const visible = (n) => {
      const r = n.getBoundingClientRect();
      return !n.hidden && r.width > 0 && r.height > 0;
    };
    const live = root.querySelector('[aria-live]');
    const table = root.querySelector('table');
    const showData = [...root.querySelectorAll('button')].find((b) => /show data/i.test(b.textContent));
    return {
      focused: document.activeElement === el ? (root.activeElement?.localName === 'canvas' ? 'canvas' : root.activeElement?.getAttribute('aria-label') || root.activeElement?.textContent || root.activeElement?.localName) : null,
      live: live ? { text: live.textContent, politeness: live.getAttribute('aria-live') } : null,
      marks: [...root.querySelectorAll('.mark')].filter(visible).map((m) => m.className),
      tooltip: root.querySelector('[role="tooltip"]').hidden ? null : root.querySelector('[role="tooltip"]').textContent,
      table: table ? {
        caption: table.querySelector('caption')?.textContent ?? null,
        columns: [...table.querySelectorAll('thead th')].map((th) => ({ text: th.textContent, scope: th.getAttribute('scope') })),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
        rowHeaders: [...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope')),
        shown: (() => {
          const box = table.closest('[id]')?.getBoundingClientRect() ?? table.getBoundingClientRect();
          return box.width > 20 && box.height > 20;
        })(),
      } : null,
      showData: showData ? { expanded: showData.getAttribute('aria-expanded'), controls: showData.getAttribute('aria-controls'),
        controlsExists: Boolean(root.getElementById(showData.getAttribute('aria-controls'))) } : null,
      legend: [...root.querySelectorAll('.legend button')].map((b) => ({ name: b.getAttribute('aria-label'), pressed: b.getAttribute('aria-pressed') })),
    };
  }, id);
}

/** Canvas pixel (CSS px x, y) as [r, g, b, a]. */
export async function pixel(page, id, x, y) {
  return page.evaluate(({ id, x, y }) => {
    const c = document.getElementById(id).shadowRoot.querySelector('canvas');
    const s = c.width / c.getBoundingClientRect().width;
    return [...c.getContext('2d').getImageData(Math.round(x * s), Math.round(y * s), 1, 1).data];
  }, { id, x, y });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
