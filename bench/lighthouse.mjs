// Lighthouse's mobile run of the demo article (www/index.html, four charts), served exactly as
// `npm start` serves it (scripts/serve.mjs, with its CSP), on 127.0.0.1.
//
// Lighthouse's default settings are its mobile ones: a phone-sized screen, and a simulated slow
// connection and a CPU four times slower than this one ("simulate" throttling: the page loads at
// full speed and Lighthouse computes from its trace what the phone would have seen). Total
// blocking time is its sum, between the first contentful paint and the page's being
// interactive, of each main-thread task's time beyond 50 ms, on that slower CPU.
//
// Lighthouse starts its own Chromium (the same /usr/bin/chromium, headless, through
// chrome-launcher, whose default flags turn off background networking), one per run.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../scripts/serve.mjs';
import { median } from './measure.mjs';

/** The widget's own files, as Lighthouse names them in its per-script breakdown. */
const isWidget = (url) => /\/dist\/operation-charts(-core_bg\.wasm|\.js)$/.test(url);

/**
 * Runs Lighthouse's mobile performance audit `runs` times against the demo article and returns
 * each run's figures with their medians (the worst run's total blocking time beside them).
 */
export async function measureLighthouse({ chromium, args, runs, log }) {
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  const results = [];
  let version = null;
  try {
    // Lighthouse now and then loses the trace of a run (NO_NAVSTART and the like): such a run is
    // kept in `runs` with its error and made again, up to `runs` extra times in all.
    for (let run = 1, finished = 0; finished < runs && run <= 2 * runs; run += 1) {
      const chrome = await launch({ chromePath: chromium, chromeFlags: ['--headless=new', ...args], logLevel: 'silent' });
      try {
        const { lhr } = await lighthouse(server.url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
        version = lhr.lighthouseVersion;
        const audit = (id) => lhr.audits[id]?.numericValue ?? null;
        const scripts = lhr.audits['bootup-time']?.details?.items ?? [];
        const longTasks = lhr.audits['long-tasks']?.details?.items ?? [];
        const row = {
          status: lhr.runtimeError ? `error: ${lhr.runtimeError.code}` : 'ok',
          formFactor: lhr.configSettings.formFactor,
          throttling: lhr.configSettings.throttlingMethod,
          cpuSlowdown: lhr.configSettings.throttling?.cpuSlowdownMultiplier ?? null,
          tbt: audit('total-blocking-time'),
          maxPotentialFid: audit('max-potential-fid'),
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          interactive: audit('interactive'),
          cls: audit('cumulative-layout-shift'),
          widgetScript: scripts.filter((s) => isWidget(s.url)).reduce((sum, s) => sum + (s.scripting ?? 0), 0),
          allScript: scripts.reduce((sum, s) => sum + (s.scripting ?? 0), 0),
          longestWidgetTask: Math.max(0, ...longTasks.filter((t) => isWidget(t.url)).map((t) => t.duration)) || null,
          longestTask: Math.max(0, ...longTasks.map((t) => t.duration)) || null,
          warnings: lhr.runWarnings ?? [],
        };
        results.push(row);
        if (row.status !== 'ok') {
          log(`  lighthouse run ${run}: ${row.status}, made again`);
          continue;
        }
        finished += 1;
        log(`  lighthouse run ${run}: total blocking time ${row.tbt?.toFixed(0)} ms, longest task ${row.longestTask?.toFixed(0) ?? '–'} ms (the widget's ${row.longestWidgetTask?.toFixed(0) ?? '–'} ms), widget script ${row.widgetScript.toFixed(0)} of ${row.allScript.toFixed(0)} ms`);
      } finally {
        chrome.kill();
      }
    }
  } finally {
    await server.close();
  }
  const ok = results.filter((r) => r.status === 'ok');
  const med = (key) => median(ok.map((r) => r[key]));
  return {
    version,
    runs: results,
    okRuns: ok.length,
    tbt: med('tbt'),
    worstTbt: ok.length ? Math.max(...ok.map((r) => r.tbt)) : null,
    longestTask: med('longestTask'),
    longestWidgetTask: med('longestWidgetTask'),
    widgetScript: med('widgetScript'),
    allScript: med('allScript'),
    lcp: med('lcp'),
    interactive: med('interactive'),
  };
}
