// Cold render, hover and canvas calls: each library drawing the same 800×400 chart at device
// scale factor 2, each time in a fresh browser context (empty HTTP and code caches, its own
// renderer), so a render includes loading the library.
import { cumulative, libraryInput, operation } from './generate.mjs';
import { canvasCounter, hoverSweep, median, takeCanvasCounts, within } from './measure.mjs';

export const LIBRARIES = ['operation-charts', 'Chart.js', 'uPlot'];
export const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];
const PAGE_TIMEOUT = 60000;
const SWEEP_TIMEOUT = 120000;

/**
 * The init script that builds library `lib`'s input for `n` events in the page, before any page
 * script runs, and records how long that took (window.__bench.prepMs) so the render time can
 * leave it out. What stays in the render time: fetching, compiling and running the library and
 * handing it the data (for operation-charts: the `data` property, i.e. JSON.stringify of the
 * object, parsing and validating in wasm, layout and paint).
 */
function prepScript(lib, n, seed) {
  return `(() => {
  if (location.pathname !== '/bench/page.html') return;
  const t0 = performance.now();
  ${operation}
  ${cumulative}
  ${libraryInput}
  window.__bench = { input: libraryInput(${JSON.stringify(lib)}, ${Number(n)}, ${Number.isSafeInteger(seed) ? seed : 'undefined'}), prepStart: t0 };
  window.__bench.prepMs = performance.now() - t0;
})();`;
}

/** A fresh context and page at DPR 2; only 127.0.0.1 is reachable. */
export async function newPage(browser, { dpr = 2, width = 900, height = 700, initScripts = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  for (const s of initScripts) await context.addInitScript(s);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  return { context, page, errors };
}

/** Opens the bench page drawing `lib` with `n` events in `view`; resolves when it is drawn. */
async function openChart(browser, origin, { lib, n, seed, view = 'cumulative', counters = false }) {
  const initScripts = [{ content: prepScript(lib, n, seed) }];
  if (counters) initScripts.push(canvasCounter);
  const { context, page, errors } = await newPage(browser, { initScripts });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    const url = `${origin}/bench/page.html?lib=${encodeURIComponent(lib)}&n=${n}&view=${view}`;
    await page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT });
    await page.waitForFunction(() => window.__bench?.result, null, { timeout: PAGE_TIMEOUT, polling: 50 });
    const result = await page.evaluate(() => {
      const b = window.__bench;
      return { ...b.result, prepMs: b.prepMs, prepStart: b.prepStart };
    });
    if (result.error) throw new Error(result.error);
    return { context, page, result, errors, requests };
  } catch (err) {
    await context.close().catch(() => {});
    throw new Error(`${lib} N=${n} ${view}: ${err.message}${errors.length ? ` (${errors.slice(0, 3).join('; ')})` : ''}`);
  }
}

/** Hover on an open chart: script/task ms per move, and for operation-charts the charthover count. */
async function hover(opened) {
  const { page, context, result } = opened;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const h0 = await page.evaluate(() => window.__bench.hovers);
  const sweep = await within(hoverSweep(page, cdp, result.box), SWEEP_TIMEOUT, 'hover sweep');
  const h1 = await page.evaluate(() => window.__bench.hovers);
  await cdp.detach().catch(() => {});
  return { ...sweep, hoverEvents: h1 - h0 };
}

const safely = async (fn, log) => {
  try { return await fn(); } catch (err) { log(`  ! ${err.message}`); return { error: err.message }; }
};

/**
 * Runs the render and hover measurements. Returns
 *   render: [{ lib, n, runs: [ms], median }],
 *   hover:  [{ lib, view, n, runs: [{ script, task, hoverEvents }], script, task }] (medians),
 *   canvas: [{ lib, view, n, paint, hover, hoverMoves }]  (canvas method calls),
 *   loaded: URLs operation-charts' page requested (for the weight section).
 */
export async function measureCharts(browser, origin, { sizes, seed, runs, doRender, doHover, log }) {
  const render = new Map(); const hovers = new Map(); const canvas = []; let loaded = null;
  const key = (...k) => k.join('|');
  const push = (map, k, v) => { if (!map.has(k)) map.set(k, []); map.get(k).push(v); };

  for (let run = 1; run <= runs; run += 1) {
    // Cumulative view, all three libraries, interleaved so drift on the machine hits them alike.
    for (const n of sizes) {
      for (const lib of LIBRARIES) {
        await safely(async () => {
          const opened = await openChart(browser, origin, { lib, n, seed });
          try {
            push(render, key(lib, n), opened.result.render);
            if (lib === 'operation-charts' && !loaded) loaded = opened.requests;
            let line = `  run ${run} N=${n} ${lib}: render ${opened.result.render.toFixed(0)} ms (data prep ${opened.result.prepMs.toFixed(0)} ms left out)`;
            if (doHover) {
              const h = await hover(opened);
              push(hovers, key(lib, 'cumulative', n), h);
              line += `, hover ${h.script.toFixed(3)} ms script/move`;
            }
            if (opened.errors.length) line += ` [page errors: ${opened.errors.slice(0, 2).join('; ')}]`;
            log(line);
          } finally { await opened.context.close(); }
        }, log);
      }
    }
    // operation-charts' other views, for hover.
    if (doHover) {
      for (const n of sizes) {
        for (const view of VIEWS.filter((v) => v !== 'cumulative')) {
          await safely(async () => {
            const opened = await openChart(browser, origin, { lib: 'operation-charts', n, seed, view });
            try {
              const h = await hover(opened);
              push(hovers, key('operation-charts', view, n), h);
              log(`  run ${run} N=${n} operation-charts ${view}: hover ${h.script.toFixed(3)} ms script/move (${h.hoverEvents} charthover)`);
            } finally { await opened.context.close(); }
          }, log);
        }
      }
    }
  }

  // Canvas calls, once per chart, with counters installed (never in the timed runs above).
  for (const n of sizes) {
    const charts = [...LIBRARIES.map((lib) => ({ lib, view: 'cumulative' })),
      ...VIEWS.filter((v) => v !== 'cumulative').map((view) => ({ lib: 'operation-charts', view }))];
    for (const { lib, view } of charts) {
      const row = await safely(async () => {
        const opened = await openChart(browser, origin, { lib, n, seed, view, counters: true });
        try {
          const paint = await takeCanvasCounts(opened.page);
          let hoverCalls = null;
          if (doHover) {
            const cdp = await opened.context.newCDPSession(opened.page);
            await cdp.send('Performance.enable');
            const sweep = await within(hoverSweep(opened.page, cdp, opened.result.box), SWEEP_TIMEOUT, 'hover sweep');
            hoverCalls = { ...(await takeCanvasCounts(opened.page)), moves: sweep.moves };
          }
          log(`  canvas calls N=${n} ${lib} ${view}: ${paint.total} in the first paint${hoverCalls ? `, ${hoverCalls.total} during ${hoverCalls.moves} moves` : ''}`);
          return { paint, hover: hoverCalls };
        } finally { await opened.context.close(); }
      }, log);
      canvas.push({ lib, view, n, ...row });
    }
  }

  const renderRows = [];
  if (doRender) {
    for (const n of sizes) for (const lib of LIBRARIES) {
      const xs = render.get(key(lib, n)) ?? [];
      renderRows.push({ lib, n, runs: xs, median: median(xs) });
    }
  }
  const hoverRows = [];
  for (const [k, list] of hovers) {
    const [lib, view, n] = k.split('|');
    hoverRows.push({ lib, view, n: Number(n), runs: list, script: median(list.map((h) => h.script)), task: median(list.map((h) => h.task)), hoverEvents: median(list.map((h) => h.hoverEvents)) });
  }
  return { render: renderRows, hover: hoverRows, canvas, loaded };
}

/** The URLs a page drawing operation-charts requests (N = 50), for the weight section. */
export async function requestedByWidget(browser, origin) {
  const opened = await openChart(browser, origin, { lib: 'operation-charts', n: 50 });
  await opened.context.close();
  return opened.requests;
}
