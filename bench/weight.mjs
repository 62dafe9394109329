// Weight: gzip -9 of everything each library's page loads. For operation-charts that is every
// .js, .wasm and .css in dist/ that the bench page actually requested (so a module left in dist/
// but no longer imported does not count, and a newly bundled single file does), plus any .css
// in dist/; the .d.ts and the JSON Schema are never loaded.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './server.mjs';

const OTHERS = {
  'Chart.js': ['node_modules/chart.js/dist/chart.umd.js'],
  uPlot: ['node_modules/uplot/dist/uPlot.iife.min.js', 'node_modules/uplot/dist/uPlot.min.css'],
};

const sizes = (file) => {
  const bytes = readFileSync(path.join(ROOT, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const version = (pkg) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** `requested`: URLs the widget's bench page requested (null: count every candidate in dist/). */
export function measureWeight(requested) {
  const loaded = requested ? new Set(requested.map((u) => new URL(u).pathname)) : null;
  const candidates = readdirSync(path.join(ROOT, 'dist'))
    .filter((f) => /\.(js|wasm|css)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const ours = []; const notLoaded = [];
  for (const f of candidates) {
    if (!loaded || f.endsWith('.css') || loaded.has(`/dist/${f}`)) ours.push(sizes(`dist/${f}`));
    else notLoaded.push(`dist/${f}`);
  }
  const lib = (files) => ({ files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) });
  return {
    'operation-charts': { ...lib(ours), notLoaded, checkedAgainstPage: Boolean(loaded) },
    'Chart.js': { ...lib(OTHERS['Chart.js'].map(sizes)), version: version('chart.js') },
    uPlot: { ...lib(OTHERS.uPlot.map(sizes)), version: version('uplot') },
  };
}
