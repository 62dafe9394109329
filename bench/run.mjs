// npm run bench: the widget, Chart.js and uPlot drawing the same cumulative chart in the same
// headless Chromium, on this machine, now. Prints a table of transfer sizes (gzipped) and
// medians of: first render (data in → pixels), a data update, and one pointer move across the
// chart (a real input event, through to the next frame).
//
//   npm run bench                 sizes 17, 1,000 and 10,000 raids, 5 runs each
//   BENCH_RUNS=9 npm run bench    more runs
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { CHROMIUM_ARGS, ROOT } from '../tests/browser/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const SIZES = [17, 1000, 10000];
const UPDATES = 5;
const MOVES = 40;

const files = {
  // Every module the entry imports, the wasm-bindgen glue and the wasm.
  'operation-charts': [...readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`), 'dist/operation-charts-core_bg.wasm'],
  'Chart.js': ['node_modules/chart.js/dist/chart.umd.js'],
  uPlot: ['node_modules/uplot/dist/uPlot.iife.min.js', 'node_modules/uplot/dist/uPlot.min.css'],
};
const gzipped = (list) => list.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(ROOT, f)), { level: 9 }).length, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const serve = sirv(ROOT, { dev: true, dotfiles: false });
const server = http.createServer((req, res) => serve(req, res, () => { res.statusCode = 404; res.end(); }));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/bench/page.html`;
// Real frame pacing (no --disable-frame-rate-limit): what a reader's browser does.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });

const rows = [];
try {
  for (const raids of SIZES) {
    for (const library of Object.keys(files)) {
      const render = []; const update = []; const move = [];
      for (let run = 0; run < RUNS; run += 1) {
        const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
        page.on('pageerror', (e) => { throw e; });
        await page.goto(url);
        await page.waitForSelector('html[data-ready="true"]');
        if (library === 'operation-charts' && !(await page.evaluate((n) => window.bench.valid(n), raids))) {
          throw new Error(`the generated ${raids}-raid operation is not valid`);
        }
        const r = await page.evaluate(([l, n, u]) => window.bench.run(l, n, u), [library, raids, UPDATES]);
        render.push(r.render); update.push(r.update);
        const y = r.box.y + r.box.height / 2;
        await page.mouse.move(r.box.x + 1, y);
        const t0 = performance.now();
        for (let i = 1; i <= MOVES; i += 1) {
          await page.mouse.move(r.box.x + (r.box.width * i) / (MOVES + 1), y);
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
        }
        move.push((performance.now() - t0) / MOVES);
        await page.close();
      }
      rows.push({ raids, library, render: median(render), update: median(update), move: median(move) });
    }
  }
} finally {
  await browser.close();
  server.close();
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`\nTransfer size (gzip -9 of what a page loads):`);
for (const [library, list] of Object.entries(files)) console.log(`  ${library.padEnd(17)} ${(gzipped(list) / 1024).toFixed(1)} KB`);
console.log(`\nMedians of ${RUNS} runs in headless Chromium on this machine (800×400 px cumulative chart):\n`);
console.log('| raids | library | first render | data update | pointer move + frame |');
console.log('|---:|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.raids.toLocaleString('en-GB')} | ${r.library} | ${fmt(r.render)} | ${fmt(r.update)} | ${fmt(r.move)} |`);
