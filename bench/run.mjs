// npm run bench: the measurements the performance issue asks for, in one run on this machine,
// compared as ratios (absolute times on a shared machine are noise). Prints markdown tables and
// writes everything to bench/results.json.
//
//   weight   gzip -9 of what each library's page loads                       (bench/weight.mjs)
//   render   cold render of the same 800×400 cumulative chart at DPR 2,
//            N = 50, 10,000, 100,000 events, beside Chart.js and uPlot        (bench/render.mjs)
//   hover    script time per pointer move over 200 moves, every view; canvas
//            calls per paint and during hover                                 (bench/render.mjs)
//   limit    500,000 events (~45 MB) fed by src: ready, memory, hover         (bench/limit.mjs)
//   article  the demo article's longest main-thread task                      (bench/article.mjs)
//   lighthouse  Lighthouse's mobile run of the demo article: total blocking time (bench/lighthouse.mjs)
//   native   the CLI's validate and render on the 500,000-event file          (bench/native.mjs)
//
// Options (environment):
//   BENCH_RUNS=3                 runs per measurement (medians)
//   BENCH_QUICK=1                skip N = 100,000, the limit run and the native run
//   BENCH_ONLY=render,hover      only these sections (named sections run even with BENCH_QUICK)
//   BENCH_SEED=42                the generated documents' seed: another puts the raids at other times
//   CHROMIUM_PATH=/usr/bin/chromium
//
// Everything talks to 127.0.0.1 only; every page load, sweep and process has a timeout.
import { execFileSync } from 'node:child_process';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { measureArticle } from './article.mjs';
import { documentText } from './generate.mjs';
import { measureLighthouse } from './lighthouse.mjs';
import { measureLimit } from './limit.mjs';
import { measureNative } from './native.mjs';
import { measureCharts, requestedByWidget } from './render.mjs';
import { tables, targets, targetsTable } from './report.mjs';
import { ROOT, startBenchServer } from './server.mjs';
import { measureWeight } from './weight.mjs';
// Launched as the browser tests launch it, minus their fast-input flags: the bench keeps real
// 60 Hz frame pacing, as a reader's browser has.
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

const SECTIONS = ['weight', 'render', 'hover', 'limit', 'article', 'lighthouse', 'native'];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const QUICK = process.env.BENCH_QUICK === '1';
const SEED = Number(process.env.BENCH_SEED || 42);
if (!Number.isSafeInteger(SEED) || SEED < 0) throw new Error(`BENCH_SEED: "${process.env.BENCH_SEED}" is not a whole number of 0 or more`);
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null;
for (const s of ONLY ?? []) if (!SECTIONS.includes(s)) throw new Error(`BENCH_ONLY: unknown section "${s}" (known: ${SECTIONS.join(', ')})`);
const wanted = (s) => (ONLY ? ONLY.includes(s) : !(QUICK && (s === 'limit' || s === 'native')));
const SIZES = QUICK ? [50, 10000] : [50, 10000, 100000];
const LIMIT_N = 500000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = path.join(ROOT, 'bench/results.json');

const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const git = (...args) => { try { return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return null; } };

const results = {
  date: new Date().toISOString(),
  machine: {
    os: `${os.type()} ${os.release()} ${os.arch()}`, cpu: os.cpus()[0]?.model ?? '?', cpus: os.cpus().length, memoryBytes: os.totalmem(),
    // How busy the machine was (1-minute load average), at the start and the end: a shared
    // machine's other work is the bench's main source of noise.
    loadAverage: { start: os.loadavg()[0] },
  },
  node: process.version,
  chromium: null,
  commit: { hash: git('rev-parse', '--short', 'HEAD'), dirty: Boolean(git('status', '--porcelain', '--untracked-files=no')) },
  options: { runs: RUNS, quick: QUICK, only: ONLY, sections: SECTIONS.filter(wanted), sizes: SIZES, limitN: LIMIT_N, seed: SEED },
};

log(`bench: sections ${results.options.sections.join(', ')}; N = ${SIZES.join(', ')}; data seed ${SEED}; ${RUNS} runs; commit ${results.commit.hash}${results.commit.dirty ? ' (dirty)' : ''}`);
for (const f of ['dist/operation-charts.js', 'dist/operation-charts-core_bg.wasm']) {
  if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run "npm run build" first (npm run bench does)`);
}

const limitFile = path.join(os.tmpdir(), `operation-charts-bench-${process.pid}-${LIMIT_N}.json`);
let limitText = null;
if (wanted('limit') || wanted('native')) {
  log(`generating the ${LIMIT_N.toLocaleString('en-GB')}-event document`);
  limitText = Buffer.from(documentText(LIMIT_N, SEED));
  writeFileSync(limitFile, limitText);
  log(`  ${limitFile}: ${(limitText.length / 1e6).toFixed(1)} MB`);
}

const browserSections = ['weight', 'render', 'hover', 'limit', 'article'].some(wanted);
if ((browserSections || wanted('lighthouse')) && !existsSync(CHROMIUM)) {
  throw new Error(`${CHROMIUM} is missing: run "npm run setup" (installs Debian's chromium)`);
}
const server = await startBenchServer();
let browser = null;
try {
  if (browserSections) {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    results.chromium = browser.version();
    log(`Chromium ${results.chromium}`);
  }

  let requested = null;
  if (wanted('render') || wanted('hover')) {
    log('render and hover');
    const charts = await measureCharts(browser, server.origin, { sizes: SIZES, seed: SEED, runs: RUNS, doRender: wanted('render'), doHover: wanted('hover'), log });
    Object.assign(results, { render: charts.render, hover: charts.hover, canvas: charts.canvas });
    requested = charts.loaded;
  }
  if (wanted('weight')) {
    log('weight');
    if (!requested) requested = await requestedByWidget(browser, server.origin).catch((err) => { log(`  ! ${err.message}`); return null; });
    results.weight = measureWeight(requested);
  } else {
    results.weight = measureWeight(null); // for the gzip column (every .js/.wasm/.css in dist/)
  }
  if (wanted('limit')) {
    log(`limit: ${LIMIT_N.toLocaleString('en-GB')} events fed by src`);
    server.setDocument(limitText);
    results.limit = await measureLimit(browser, server.origin, { views: ['timeline', 'cumulative'], docBytes: limitText.length, log });
    server.setDocument(null);
  }
  if (wanted('article')) {
    log('demo article');
    results.article = await measureArticle(browser, { runs: RUNS, log });
  }
  if (wanted('lighthouse')) {
    log('demo article: Lighthouse, mobile');
    results.lighthouse = await measureLighthouse({ chromium: CHROMIUM, args: CHROMIUM_ARGS, runs: RUNS, log });
    // Run alone, the section launched no browser of its own to ask: the binary says.
    results.chromium ??= /\d+(\.\d+)+/.exec(execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }))?.[0] ?? null;
  }
  if (wanted('native')) {
    log('native CLI');
    try {
      results.native = measureNative({ limitFile, limitN: LIMIT_N, sizes: SIZES, seed: SEED, runs: RUNS, log });
    } catch (err) {
      log(`  ! ${err.message}`);
      results.nativeError = err.message;
    }
  }
} finally {
  await browser?.close().catch(() => {});
  await server.close();
  if (existsSync(limitFile)) unlinkSync(limitFile);
}

results.machine.loadAverage.end = os.loadavg()[0];
results.targets = targets(results);
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\n## operation-charts bench, ${results.date.slice(0, 10)}, commit ${results.commit.hash}${results.commit.dirty ? ' (uncommitted changes)' : ''}${SEED === 42 ? '' : `, data seed ${SEED}`}`);
const { loadAverage } = results.machine;
console.log(`${results.machine.cpus} × ${results.machine.cpu}, ${(results.machine.memoryBytes / 2 ** 30).toFixed(0)} GB, ${results.machine.os}; load average ${loadAverage.start.toFixed(1)} at the start, ${loadAverage.end.toFixed(1)} at the end; Chromium ${results.chromium ?? '–'}, headless; Node ${results.node}\n`);
console.log(tables(results));
console.log('\n### Targets (ratios from this one run)\n');
console.log(targetsTable(results.targets));
console.log(`\nWritten: ${OUT} (took ${results.seconds} s)`);
