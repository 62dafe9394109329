// A panic in the Rust core stays inside one chart. Every chart on a page shares one wasm
// instance, and a panic (the release build aborts) traps it; the glue rebuilds the instance and
// the other charts go on. The faults are injected by a test build of the widget (cargo feature
// test-faults, served at /test-faults/): a document titled "test-faults: panic on hover" or
// "… on load" makes its chart's core panic there. The release bundle has no such hook.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, inspect, ROOT, setup, sweep, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

const TEST_BUILD = path.join(ROOT, 'target/test-faults-dist');

let env;
before(async () => {
  if (!existsSync(path.join(TEST_BUILD, 'operation-charts-core_bg.wasm'))) {
    throw new Error('target/test-faults-dist is missing: run "bash scripts/build.sh --with-test-build" (npm test does)');
  }
  env = await setup();
});
after(async () => { await env?.close(); });

const titled = (title, place) => ({ ...lantern({ place }), title });
const consoleErrors = (problems) => problems.filter((p) => p.startsWith('console.error'));

test('only the test build can inject a fault', () => {
  // The titles that ask for a fault (src/web/fault.rs): the panic's own message is not kept,
  // since the core aborts at once.
  const marker = Buffer.from('test-faults: panic on');
  assert.ok(readFileSync(path.join(TEST_BUILD, 'operation-charts-core_bg.wasm')).includes(marker), 'the test build has the hook');
  assert.ok(!readFileSync(path.join(ROOT, 'dist/operation-charts-core_bg.wasm')).includes(marker), 'the release bundle does not');
});

test('a panic while hovering one chart: that chart says so once; the others hover, resize and take new data', async () => {
  // Tall enough for all three charts: the pointer reaches only what is in the viewport.
  const { page, problems } = await env.open('/test/faults.html', { dpr: 1, height: 1400 });
  await addChart(page, { id: 'bad', view: 'timeline', width: 600, data: titled('test-faults: panic on hover') });
  await addChart(page, { id: 'good', view: 'areas', width: 600, data: lantern() });
  await addChart(page, { id: 'other', view: 'timeline', width: 600, data: lantern({ place: 'Quay Road, Westmoor' }) });

  // The reader moves over the faulty chart, back and forth: the core panics at the first move.
  const bad = await inspect(page, 'bad');
  for (let i = 0; i < 3; i++) {
    await page.mouse.move(bad.left + 5, bad.top + bad.cssHeight / 2);
    await page.mouse.move(bad.left + bad.cssWidth - 5, bad.top + bad.cssHeight / 2, { steps: 40 });
  }
  await waitForEvent(page, 'bad', 'charterror', 1);
  const [crash] = await events(page, 'bad', 'charterror');
  assert.match(crash.errors[0].message, /^the chart engine stopped: an internal error \(unreachable\)$/, 'charterror says the engine stopped');
  assert.equal(crash.errors[0].path, '$');
  assert.match((await inspect(page, 'bad')).alert ?? '', /The chart failed/, 'the faulty chart shows an error');
  assert.equal((await events(page, 'bad', 'charterror')).length, 1, 'one crash, however many moves followed');
  const logged = consoleErrors(problems);
  assert.equal(logged.length, 1, `the panic reaches the console once: ${JSON.stringify(logged)}`);
  assert.match(logged[0], /engine stopped in this chart with an internal error/);

  // The neighbours, rebuilt in the new engine, answer hovers from their own data.
  for (const id of ['good', 'other']) {
    assert.equal((await inspect(page, id)).alert, null, `${id} shows no error`);
    const { items } = await sweep(page, id, { stepX: 10, stepY: 16 });
    assert.ok(items.length >= 2, `${id} still shows tooltips`);
  }
  const { items } = await sweep(page, 'other', { stepX: 10, stepY: 16 });
  assert.ok(items.some((h) => /Quay Road/.test(h.item.label)), 'with its own data');

  // ... resize ...
  const readyBefore = (await events(page, 'good', 'chartready')).length;
  await page.evaluate(() => { document.getElementById('good-box').style.width = '420px'; });
  await waitForEvent(page, 'good', 'chartready', readyBefore + 1);
  assert.equal((await inspect(page, 'good')).cssWidth, 420, 'resized');

  // ... and take new data.
  await page.evaluate((doc) => { document.getElementById('other').data = doc; }, lantern({ place: 'Harbour Row, Westmoor' }));
  const after = await sweep(page, 'other', { stepX: 10, stepY: 16 });
  assert.ok(after.items.some((h) => /Harbour Row/.test(h.item.label)), 'the new data is drawn and hovered');

  // The faulty chart comes back with good data.
  const readyBad = (await events(page, 'bad', 'chartready')).length;
  await page.evaluate((doc) => { document.getElementById('bad').data = doc; }, lantern({ place: 'Mended Lane, Westmoor' }));
  await waitForEvent(page, 'bad', 'chartready', readyBad + 1);
  assert.equal((await inspect(page, 'bad')).alert, null, 'good data clears the error');
  const mended = await sweep(page, 'bad', { stepX: 10, stepY: 16 });
  assert.ok(mended.items.some((h) => /Mended Lane/.test(h.item.label)), 'and it hovers again');

  await assertClean(page, problems, { allow: [/engine stopped in this chart/] });
});

test('a panic while loading one chart\'s data: that chart shows an error; the others keep their data', async () => {
  const { page, problems } = await env.open('/test/faults.html', { dpr: 1 });
  await addChart(page, { id: 'good', view: 'timeline', width: 600, data: lantern({ place: 'Quay Road, Westmoor' }) });
  await addChart(page, { id: 'bad', view: 'summary', width: 600, data: lantern() });

  await page.evaluate((doc) => { document.getElementById('bad').data = doc; }, titled('test-faults: panic on load'));
  await waitForEvent(page, 'bad', 'charterror', 1);
  const [crash] = await events(page, 'bad', 'charterror');
  assert.match(crash.errors[0].message, /^the chart engine stopped: an internal error \(unreachable\)$/);
  assert.match((await inspect(page, 'bad')).alert ?? '', /The chart failed/);

  const { items } = await sweep(page, 'good', { stepX: 10, stepY: 16 });
  assert.ok(items.some((h) => /Quay Road/.test(h.item.label)), 'the neighbour still hovers over its own data');
  assert.equal(consoleErrors(problems).length, 1, 'one console error');
  await assertClean(page, problems, { allow: [/engine stopped in this chart/] });
});
