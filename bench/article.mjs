// The demo article (www/index.html, four charts), served exactly as `npm start` serves it
// (scripts/serve.mjs, with its CSP), loaded cold in a desktop-sized page (1280×800, DPR 1).
// Main-thread tasks come from a Chromium trace (every task, whatever its length) and, as a
// cross-check, from a PerformanceObserver('longtask') installed before any page script; the
// longest task is the longer of the two. The trace also tells which tasks ran the widget's
// code (its script or its wasm): the page's own tasks (navigation, the article's first layout
// and its fonts) are there without any chart.
// Measured from navigation until all four charts have fired chartready, plus one second.
import { startServer } from '../scripts/serve.mjs';
import { longTaskRecorder, median, within } from './measure.mjs';
import { newPage } from './render.mjs';

const CHARTS = 4;

function chartReadyCounter() {
  window.__ready = 0;
  document.addEventListener('chartready', () => { window.__ready += 1; }, true);
}

/**
 * Main-thread tasks of the article's renderer in a trace, in ms, up to the "bench-end" mark the
 * bench sets (so the trace's own flush at the end is not counted). The article's main thread is
 * the one that recorded that mark. A task is what the DevTools performance panel calls one
 * ("RunTask", disabled-by-default-devtools.timeline) or the scheduler's
 * "ThreadControllerImpl::RunTask" (toplevel): they nest or coincide, and either can be missing
 * for a task, so overlapping ones are merged into one task.
 */
function rendererTasks(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents ?? [];
  const mark = events.find((e) => e.name === 'bench-end' && String(e.cat).includes('blink.user_timing'));
  if (!mark) throw new Error('the trace has no bench-end mark');
  const spans = events
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
      && e.pid === mark.pid && e.tid === mark.tid && e.ts <= mark.ts)
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0]);
  const tasks = [];
  for (const [from, to] of spans) {
    const last = tasks[tasks.length - 1];
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else tasks.push([from, to]);
  }
  // Where the widget's code ran: its script (a call into it, or its evaluation) or its wasm.
  const widgetAt = events
    .filter((e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid
      && (String(e.args?.data?.url ?? '').endsWith('/dist/operation-charts.js') || /^(v8\.)?wasm\./.test(e.name)))
    .map((e) => e.ts);
  return tasks.map(([from, to]) => ({
    ms: (to - from) / 1000, beforeEnd: (mark.ts - from) / 1000, widget: widgetAt.some((ts) => ts >= from && ts <= to),
  }));
}

export async function measureArticle(browser, { runs, log }) {
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  const results = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const { context, page, errors } = await newPage(browser, { dpr: 1, width: 1280, height: 800, initScripts: [longTaskRecorder, chartReadyCounter] });
      try {
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'blink.user_timing', '__metadata'] });
        let status = 'ok';
        // The waits and the end mark go through the DevTools protocol as plain expressions:
        // Playwright's waitForFunction would first put its own script (hundreds of KB) into the
        // page, and parsing it is a 40-60 ms task of the bench's, not the article's.
        const cdp = await context.newCDPSession(page);
        const inPage = (expression) => cdp.send('Runtime.evaluate', { expression, awaitPromise: true, timeout: 60000 });
        try {
          await page.goto(server.url, { waitUntil: 'load', timeout: 60000 });
          const ready = await within(inPage(`new Promise((resolve) => {
            const check = () => (window.__ready >= ${CHARTS} ? resolve(true) : setTimeout(check, 50));
            check();
          })`), 60000, 'chartready');
          if (ready.exceptionDetails) throw new Error(ready.exceptionDetails.text);
          await page.waitForTimeout(1000);
        } catch (err) {
          status = `not ready: ${err.message.split('\n')[0]}`;
        }
        await inPage("performance.mark('bench-end')");
        const trace = await within(browser.stopTracing(), 60000, 'stopTracing');
        const traced = rendererTasks(trace);
        const tasks = traced.map((t) => t.ms);
        const observed = await page.evaluate(() => window.__longTasks ?? []).catch(() => []);
        // The observer (whole ms) is a cross-check; the longer of the two counts.
        const longest = Math.max(0, ...tasks, ...observed.map((t) => t.duration)) || null;
        const overBudget = tasks.reduce((sum, t) => sum + Math.max(0, t - 50), 0);
        const widget = traced.filter((t) => t.widget).map((t) => t.ms);
        const row = {
          status, longest, tbt: overBudget, over50: tasks.filter((t) => t > 50).length, tasks: tasks.length,
          longestWidget: Math.max(0, ...widget) || null, widgetOver50: widget.filter((t) => t > 50).length,
          top: [...traced].sort((a, b) => b.ms - a.ms).slice(0, 5).map((t) => ({ ms: Math.round(t.ms * 10) / 10, msBeforeEnd: Math.round(t.beforeEnd), widget: t.widget })),
          longTaskObserver: observed.map((t) => Math.round(t.duration)), pageErrors: errors.slice(0, 5),
        };
        results.push(row);
        log(`  article run ${run}: longest task ${longest?.toFixed(1)} ms (running the widget's code: ${row.longestWidget?.toFixed(1)} ms), ${row.over50} over 50 ms, Σ(task − 50 ms) ${overBudget.toFixed(0)} ms; longtask observer: [${row.longTaskObserver.join(', ')}]${errors.length ? `; errors: ${errors.join('; ')}` : ''}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await server.close();
  }
  return {
    runs: results,
    longest: median(results.map((r) => r.longest)),
    tbt: median(results.map((r) => r.tbt)),
    over50: median(results.map((r) => r.over50)),
    worst: Math.max(...results.map((r) => r.longest ?? 0)),
    longestWidget: median(results.map((r) => r.longestWidget)),
    worstWidget: Math.max(...results.map((r) => r.longestWidget ?? 0)),
  };
}
