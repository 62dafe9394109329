// The chart follows its container: a resize re-renders at the new size (and fires chartready),
// an explicit CSS height wins over the preferred one, and several charts share a page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, inspect, setup, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('a container resize re-renders at the new width', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 2 });
  await addChart(page, { id: 'c', view: 'cumulative', width: 700, data: lantern() });
  const first = await inspect(page, 'c');
  assert.equal(first.width, 1400);

  await page.evaluate(() => { document.getElementById('c-box').style.width = '420px'; });
  await waitForEvent(page, 'c', 'chartready', 2);
  const second = await inspect(page, 'c');
  assert.equal(second.cssWidth, 420);
  assert.equal(second.width, 840, 'backing store follows the new width at 2x');
  assert.equal(second.height, Math.round(second.cssHeight * 2));
  assert.equal((await events(page, 'c', 'chartready')).at(-1).view, 'cumulative');
  await assertClean(page, problems);
});

test('an explicit CSS height wins; the preferred height is used otherwise', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'auto', view: 'summary', width: 500, data: lantern() });
  await addChart(page, { id: 'fixed', view: 'summary', width: 500, data: lantern(), height: 333 });
  const auto = await inspect(page, 'auto');
  const fixed = await inspect(page, 'fixed');
  assert.ok(auto.cssHeight > 100, `a preferred height is applied: ${auto.cssHeight}`);
  assert.equal(fixed.cssHeight, 333, 'the page CSS height is used');
  assert.equal(fixed.height, 333);

  // The chart re-renders at the new height. Another render may come first (the page still
  // settling around the two charts), so this waits for the chartready that saw 250 px.
  await page.evaluate(() => {
    const el = document.getElementById('fixed');
    window.__heights = [];
    el.addEventListener('chartready', () => window.__heights.push(el.shadowRoot.querySelector('canvas').height));
    el.style.height = '250px';
  });
  await page.waitForFunction(() => window.__heights.includes(250), null, { timeout: 5000 });
  assert.equal((await inspect(page, 'fixed')).height, 250);
  await assertClean(page, problems);
});

test('changing view re-renders with the new view', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'c', view: 'summary', width: 600, data: lantern() });
  await page.evaluate(() => document.getElementById('c').setAttribute('view', 'areas'));
  await waitForEvent(page, 'c', 'chartready', 2);
  assert.equal((await events(page, 'c', 'chartready')).at(-1).view, 'areas');
  await assertClean(page, problems);
});

test('an unknown view shows an error, not an exception', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'c', view: 'summary', width: 600, data: lantern() });
  await page.evaluate(() => document.getElementById('c').setAttribute('view', 'pie'));
  await waitForEvent(page, 'c', 'charterror', 1);
  assert.match((await inspect(page, 'c')).alert ?? '', /pie/);
  await assertClean(page, problems);
});

test('disconnect and reconnect: the chart comes back', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'c', view: 'timeline', width: 600, data: lantern() });
  await page.evaluate(() => {
    const el = document.getElementById('c');
    const box = el.parentNode;
    el.remove();
    box.append(el);
  });
  await waitForEvent(page, 'c', 'chartready', 2);
  const s = await inspect(page, 'c');
  assert.equal(s.width, 600);
  await assertClean(page, problems);
});
