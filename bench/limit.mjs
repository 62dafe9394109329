// At the limit: the 500,000-event document (about 45 MB) fed to <operation-chart src> in the
// timeline and the cumulative view, each in a fresh context (its own renderer process).
//
//   ready after      from inserting the element (library already loaded, wasm instantiated) to
//                    its first chartready; includes fetching the 45 MB over localhost
//   memory growth    of the page's renderer process, from /proc: after the page has loaded the
//                    library and idles, to after chartready (PSS, then again after a forced GC),
//                    and the peak (VmHWM, the resident high-water mark, minus the RSS before)
//   hover            script time per pointer move, as in the render section
//   canvas calls     in the first paint and during the hover sweep, on a second page (counters
//                    slow the calls they count)
import { canvasCounter, hoverSweep, processMemory, rendererPids, takeCanvasCounts, within } from './measure.mjs';
import { newPage } from './render.mjs';

const READY_TIMEOUT = 60000;

/** Memory of every renderer process, by pid. */
async function renderers(browserCdp) {
  const out = new Map();
  for (const pid of await rendererPids(browserCdp)) out.set(pid, processMemory(pid));
  return out;
}

/** A fresh page with the library loaded and idle, and a CDP session on it. */
async function idlePage(browser, origin, counters) {
  const opened = await newPage(browser, { initScripts: counters ? [canvasCounter] : [] });
  const { context, page } = opened;
  await page.goto(`${origin}/bench/page.html?lib=operation-charts&mode=limit`, { waitUntil: 'load', timeout: READY_TIMEOUT });
  await page.waitForFunction(() => window.__bench?.state === 'idle' && customElements.get('operation-chart'), null, { timeout: READY_TIMEOUT });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Performance.enable');
  return { ...opened, cdp };
}

/** Inserts the chart fed by the limit document; { readyMs, drawnMs, box }, or { status } on failure. */
async function insert(page, view) {
  try {
    return await within(page.evaluate((v) => window.bench.insert('/bench/data/limit.json', v), view), READY_TIMEOUT, 'chartready');
  } catch (err) {
    return { status: err.timedOut ? `timed out after ${READY_TIMEOUT / 1000} s` : `failed: ${err.message}` };
  }
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Each view twice, in fresh contexts: a timed page (ready, memory, hover) without canvas
 * counters, whose wrapping would slow a paint of a million calls, then a page with counters
 * (canvas calls in the paint and during the same hover sweep).
 */
export async function measureLimit(browser, origin, { views, docBytes, log }) {
  const browserCdp = await browser.newBrowserCDPSession();
  const rows = [];
  for (const view of views) {
    const row = { view, docBytes, status: 'ok' };
    rows.push(row);
    let opened = null;
    try {
      opened = await idlePage(browser, origin, false);
      const { page, cdp } = opened;
      await cdp.send('HeapProfiler.collectGarbage');
      await pause(500);
      const before = await renderers(browserCdp);
      const inserted = await insert(page, view);
      // Which renderer is this page's: of those that existed before, the one that grew most.
      const after = await renderers(browserCdp);
      let pid = null; let grew = -Infinity;
      for (const [p, m] of after) {
        const b = before.get(p);
        if (!b || !m) continue;
        if (m.rss - b.rss > grew) { grew = m.rss - b.rss; pid = p; }
      }
      row.pid = pid;
      row.memory = { before: before.get(pid), after: after.get(pid) };
      if (inserted.status) {
        row.status = inserted.status;
        log(`  limit ${view}: ${row.status}`);
        continue; // the counted page would time out too
      }
      row.readyMs = inserted.readyMs;
      row.drawnMs = inserted.drawnMs;
      await cdp.send('HeapProfiler.collectGarbage');
      await pause(300);
      row.memory.settled = processMemory(pid);
      const m = row.memory;
      row.growth = {
        pss: m.after.pss - m.before.pss,
        rss: m.after.rss - m.before.rss,
        settledPss: m.settled ? m.settled.pss - m.before.pss : null,
        peak: m.after.peak - m.before.rss,
      };
      row.growthRatio = { pss: row.growth.pss / docBytes, peak: row.growth.peak / docBytes };
      row.hover = await within(hoverSweep(page, cdp, inserted.box), 180000, 'hover sweep');
      if (opened.errors.length) row.pageErrors = opened.errors.slice(0, 5);
      log(`  limit ${view}: ready ${inserted.readyMs.toFixed(0)} ms, growth ${(row.growth.pss / 1e6).toFixed(0)} MB PSS (peak +${(row.growth.peak / 1e6).toFixed(0)} MB), hover ${row.hover.script.toFixed(3)} ms/move`);
      await opened.context.close();

      opened = await idlePage(browser, origin, true);
      await takeCanvasCounts(opened.page);
      const counted = await insert(opened.page, view);
      if (counted.status) throw new Error(`with canvas counters: ${counted.status}`);
      row.paintCalls = await takeCanvasCounts(opened.page);
      await within(hoverSweep(opened.page, opened.cdp, counted.box), 180000, 'hover sweep');
      row.hoverCalls = await takeCanvasCounts(opened.page);
      log(`  limit ${view}: ${row.paintCalls.total} canvas calls in the paint, ${row.hoverCalls.total} during the hover sweep`);
    } catch (err) {
      if (row.status === 'ok') row.status = `failed: ${err.message}`;
      log(`  limit ${view}: failed: ${err.message}`);
    } finally {
      await opened?.context.close().catch(() => {});
    }
  }
  await browserCdp.detach().catch(() => {});
  return rows;
}
