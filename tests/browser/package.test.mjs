// The npm package, as a newsroom installs it: `npm pack` gives a tarball with the widget, its
// types, the schema, the README and the licence, and nothing of the source, tests or demo;
// installed into a scratch project, it resolves by name and draws a chart in Chromium from
// its node_modules path, under the strict CSP (the wasm found beside the module).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { SECURITY_HEADERS } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from './harness.mjs';

let scratch;
let tarball;
before(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'operation-charts-package-'));
  // dist/ is built by npm test; --ignore-scripts skips the prepack build a publisher gets.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' }));
  tarball = path.join(scratch, packed[0].filename);
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: scratch, stdio: 'pipe' });
});
after(() => { if (scratch) rmSync(scratch, { recursive: true, force: true }); });

test('the tarball holds the widget, its types, the schema, the docs, the README and the licence, and no source', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(files, [
    'LICENSE', 'README.md',
    'dist/operation-charts-core_bg.wasm', 'dist/operation-charts.d.ts', 'dist/operation-charts.js', 'dist/operation.schema.json',
    'docs/data-format.md', 'docs/embedding.md',
    'package.json', 'schema/operation.schema.json',
  ]);
});

test('the package resolves by name to the module and its types', () => {
  const resolved = execFileSync('node', ['--input-type=module', '-e', "console.log(import.meta.resolve('operation-charts'))"], { cwd: scratch, encoding: 'utf8' }).trim();
  assert.match(resolved, /node_modules\/operation-charts\/dist\/operation-charts\.js$/);
  const pkg = JSON.parse(readFileSync(path.join(scratch, 'node_modules/operation-charts/package.json'), 'utf8'));
  assert.equal(pkg.types, './dist/operation-charts.d.ts');
  assert.equal(pkg.exports['.'].types, './dist/operation-charts.d.ts');
});

test('installed in a project, it draws a chart from its node_modules path under the strict CSP', async () => {
  const cayman = readFileSync(path.join(ROOT, 'www/data/operation-cayman.json'), 'utf8');
  writeFileSync(path.join(scratch, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>scratch</title>
<script type="module" src="/node_modules/operation-charts/dist/operation-charts.js"></script></head>
<body><operation-chart view="summary"><script type="application/json">${cayman}</script></operation-chart></body></html>`);
  const serve = sirv(scratch, { dev: true, dotfiles: false });
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    serve(req, res, () => { res.statusCode = 404; res.end(); });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // Every request but the browser's own favicon.ico must be found.
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    const label = await page.waitForFunction(() => {
      const canvas = document.querySelector('operation-chart')?.shadowRoot?.querySelector('canvas');
      const text = canvas?.getAttribute('aria-label') ?? '';
      return text.includes('raids') ? text : null;
    }, null, { timeout: 20_000 }).then((h) => h.jsonValue());
    assert.match(label, /17 raids over four days led to 33 arrests/);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
