// At the limit: the 500,000-event document (about 45 MB) fed to <operation-chart src> in the
// timeline and the cumulative view, each in a fresh context (its own renderer process).
//
//   ready after      from inserting the element (library already loaded, wasm instantiated) to
//                    its first chartready; includes fetching the 45 MB over localhost
//   memory growth    of the page's renderer process, from /proc: after the page has loaded the
//                    library and idles, to after chartready (PSS, then again after a forced GC),
//                    and the peak (VmHWM, the resident high-water mark, minus the RSS before)
//   hover            script time per pointer move, as in the render section
//   canvas calls     in the first paint and during the hover sweep (counters installed here, as
//                    hover on our own chart makes no canvas calls they cost it nothing)
import { canvasCounter, frame, hoverSweep, processMemory, rendererPids, takeCanvasCounts, within } from './measure.mjs';
import { newPage } from './render.mjs';

const READY_TIMEOUT = 60000;

/** Memory of every renderer process, by pid. */
async function renderers(browserCdp) {
  const out = new Map();
  for (const pid of await rendererPids(browserCdp)) out.set(pid, processMemory(pid));
  return out;
}

export async function measureLimit(browser, origin, { views, docBytes, log }) {
  const browserCdp = await browser.newBrowserCDPSession();
  const rows = [];
  for (const view of views) {
    const row = { view, docBytes, status: 'ok' };
    const { context, page, errors } = await newPage(browser, { initScripts: [canvasCounter] });
    try {
      await page.goto(`${origin}/bench/page.html?lib=operation-charts&mode=limit`, { waitUntil: 'load', timeout: READY_TIMEOUT });
      await page.waitForFunction(() => window.__bench?.state === 'idle' && customElements.get('operation-chart'), null, { timeout: READY_TIMEOUT });
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await frame(page);
      await new Promise((r) => setTimeout(r, 500));
      const before = await renderers(browserCdp);
      await takeCanvasCounts(page);

      let inserted;
      try {
        inserted = await within(page.evaluate(() => window.bench.insert('/bench/data/limit.json')), READY_TIMEOUT, 'chartready');
      } catch (err) {
        row.status = err.timedOut ? `timed out after ${READY_TIMEOUT / 1000} s` : `failed: ${err.message}`;
      }
      // Which renderer is this page's: of those that existed before, the one that grew most.
      const after = await renderers(browserCdp);
      let pid = null; let grew = -Infinity;
      for (const [p, m] of after) {
        const b = before.get(p);
        if (!b || !m) continue;
        if (m.rss - b.rss > grew) { grew = m.rss - b.rss; pid = p; }
      }
      const b = before.get(pid); const a = after.get(pid);
      row.pid = pid;
      row.memory = { before: b, after: a };
      if (row.status !== 'ok') { log(`  limit ${view}: ${row.status}`); continue; }

      row.readyMs = inserted.readyMs;
      row.drawnMs = inserted.drawnMs;
      row.paintCalls = await takeCanvasCounts(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((r) => setTimeout(r, 300));
      row.memory.settled = processMemory(pid);
      const m = row.memory;
      row.growth = {
        pss: m.after.pss - m.before.pss,
        rss: m.after.rss - m.before.rss,
        settledPss: m.settled ? m.settled.pss - m.before.pss : null,
        peak: m.after.peak - m.before.rss,
      };
      row.growthRatio = { pss: row.growth.pss / docBytes, peak: row.growth.peak / docBytes };

      await cdp.send('Performance.enable');
      const sweep = await within(hoverSweep(page, cdp, inserted.box), 180000, 'hover sweep');
      row.hover = sweep;
      row.hoverCalls = await takeCanvasCounts(page);
      if (errors.length) row.pageErrors = errors.slice(0, 5);
      log(`  limit ${view}: ready ${inserted.readyMs.toFixed(0)} ms, growth ${(row.growth.pss / 1e6).toFixed(0)} MB PSS (peak +${(row.growth.peak / 1e6).toFixed(0)} MB), hover ${sweep.script.toFixed(3)} ms/move, ${row.paintCalls.total} canvas calls in the paint`);
    } catch (err) {
      row.status = `failed: ${err.message}`;
      log(`  limit ${view}: ${row.status}`);
    } finally {
      rows.push(row);
      await context.close().catch(() => {});
    }
  }
  await browserCdp.detach().catch(() => {});
  return rows;
}
