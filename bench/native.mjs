// The command-line tool on the same documents: `validate` and `render --format svg` of the
// 500,000-event file, timed as whole processes (wall clock, median of runs) with peak RSS from
// /usr/bin/time -v when it is installed; and the SVG's size for the timeline and the cumulative
// view at every N.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { documentText } from './generate.mjs';
import { median } from './measure.mjs';
import { ROOT } from './server.mjs';

const BIN = path.join(ROOT, 'target/release/operation-charts');
const TIME = '/usr/bin/time';
const TIMEOUT = 60000;

/** Runs the CLI once: { ms, peakRss (bytes or null), status, stderr }. */
function runCli(args) {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : BIN;
  const argv = useTime ? ['-v', BIN, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, timeout: TIMEOUT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = useTime ? r.stderr?.match(/Maximum resident set size \(kbytes\): (\d+)/) : null;
  const status = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM' ? `timed out after ${TIMEOUT / 1000} s` : r.status;
  return { ms, peakRss: rss ? Number(rss[1]) * 1024 : null, status, stderr: (r.stderr ?? '').split('\n').filter((l) => l && !/^\s/.test(l) && !/Command being timed/.test(l)).slice(0, 3) };
}

function ensureBinary(log) {
  if (existsSync(BIN)) return;
  log('  building target/release/operation-charts (cargo build --release --bin operation-charts)');
  const r = spawnSync('cargo', ['build', '--release', '--bin', 'operation-charts'], { cwd: ROOT, stdio: 'inherit', timeout: 15 * 60000 });
  if (r.status !== 0) throw new Error('cargo build --release --bin operation-charts failed');
}

/** `limitFile`: the 500,000-event document on disk; `sizes`: the smaller N for SVG sizes. */
export function measureNative({ limitFile, limitN, sizes, seed, runs, log }) {
  ensureBinary(log);
  const tmp = os.tmpdir();
  const svg = path.join(tmp, `operation-charts-bench-${process.pid}.svg`);
  const out = { file: limitFile, bytes: statSync(limitFile).size, validate: null, render: {}, svgBytes: [] };

  const repeat = (args, what) => {
    const list = [];
    for (let i = 0; i < runs; i += 1) {
      if (existsSync(svg)) unlinkSync(svg); // so a failed render cannot report the last one's size
      const r = runCli(args);
      list.push(r);
      log(`  ${what} run ${i + 1}: ${r.ms.toFixed(0)} ms, peak RSS ${r.peakRss ? (r.peakRss / 1e6).toFixed(0) : '?'} MB, exit ${r.status}`);
      if (typeof r.status === 'string') break; // timed out: once is enough
    }
    return {
      runs: list.map((r) => r.ms), ms: median(list.map((r) => r.ms)), peakRss: Math.max(...list.map((r) => r.peakRss ?? 0)) || null,
      status: list.every((r) => r.status === 0) ? 'ok' : `exit ${list.map((r) => r.status).join(', ')}`, stderr: list[0]?.stderr,
    };
  };

  out.validate = repeat(['validate', limitFile], `validate ${limitN.toLocaleString('en-GB')}`);
  const renderArgs = (file, view) => ['render', file, '--view', view, '--format', 'svg', '--width', '800', '--height', '400', '-o', svg];
  for (const view of ['timeline', 'cumulative']) {
    out.render[view] = repeat(renderArgs(limitFile, view), `render ${view} ${limitN.toLocaleString('en-GB')}`);
    out.render[view].svgBytes = existsSync(svg) ? statSync(svg).size : null;
    out.svgBytes.push({ n: limitN, view, bytes: out.render[view].svgBytes });
  }
  for (const n of sizes) {
    const file = path.join(tmp, `operation-charts-bench-${process.pid}-${n}.json`);
    writeFileSync(file, documentText(n, seed));
    for (const view of ['timeline', 'cumulative']) {
      if (existsSync(svg)) unlinkSync(svg);
      const r = runCli(renderArgs(file, view));
      out.svgBytes.push({ n, view, bytes: r.status === 0 && existsSync(svg) ? statSync(svg).size : null, status: r.status });
    }
    unlinkSync(file);
  }
  out.svgBytes.sort((a, b) => a.n - b.n || a.view.localeCompare(b.view));
  if (existsSync(svg)) unlinkSync(svg);
  log(`  SVG sizes: ${out.svgBytes.map((s) => `${s.view} N=${s.n}: ${s.bytes == null ? '?' : `${(s.bytes / 1000).toFixed(0)} KB`}`).join(', ')}`);
  return out;
}
