// The JS API (mount, validate), touch, keyboard and theming.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, addChart, assertClean, events, inspect, setup, waitForEvent } from './harness.mjs';
import { broken, lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the entry module exports exactly the public API, and no dist/ module names another origin', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const keys = await page.evaluate(async () => {
    const m = await import('/dist/operation-charts.js');
    return { keys: Object.keys(m).sort(), views: m.VIEWS, same: m.default === m.OperationChartElement
      && customElements.get('operation-chart') === m.OperationChartElement, ready: await m.ready.then(() => true) };
  });
  assert.deepEqual(keys.keys, ['OperationChartElement', 'VIEWS', 'default', 'mount', 'ready', 'validate']);
  assert.deepEqual(keys.views, ['summary', 'timeline', 'cumulative', 'areas']);
  assert.equal(keys.same, true, 'the default export is the defined element');
  assert.equal(keys.ready, true);
  // One request for all the JS: the build bundles the element and the wasm glue into the entry.
  const dist = path.join(ROOT, 'dist');
  assert.deepEqual(readdirSync(dist).filter((f) => f.endsWith('.js')), ['operation-charts.js']);
  // Like scripts/build.sh's check, no line of code (comments aside) holds an http(s) URL.
  const offending = readdirSync(dist).filter((f) => f.endsWith('.js')).flatMap((f) => readFileSync(path.join(dist, f), 'utf8')
    .split('\n').map((line, i) => ({ f, i: i + 1, line }))
    .filter(({ line }) => /https?:\/\//.test(line) && !/^\s*(\/\/|\*)/.test(line)))
    .map(({ f, i, line }) => `${f}:${i}: ${line.trim().slice(0, 120)}`);
  assert.deepEqual(offending, []);
  await assertClean(page, problems);
});

test('validate(): synchronous, object or string, every error with its path', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const r = await page.evaluate(async ({ good, bad }) => {
    const { validate } = await import('/dist/operation-charts.js');
    return { good: validate(good), goodText: validate(JSON.stringify(good)), bad: validate(bad), junk: validate('{not json'),
      undef: validate(undefined), num: validate(42), arr: validate([]) };
  }, { good: lantern(), bad: broken() });
  assert.equal(r.good.ok, true, JSON.stringify(r.good));
  assert.equal(r.goodText.ok, true);
  assert.deepEqual(r.good.errors, []);
  assert.equal(r.bad.ok, false);
  assert.ok(r.bad.errors.length >= 2, 'all errors, not just the first');
  assert.ok(r.bad.errors.some((e) => e.path === 'events[1].time'));
  assert.equal(r.junk.ok, false);
  assert.ok(r.junk.errors.length >= 1);
  // Problems with the whole document (not JSON, not an object, nothing at all) all use path '$'.
  for (const [what, report] of [['undefined', r.undef], ['42', r.num], ['[]', r.arr], ['{not json', r.junk]]) {
    assert.equal(report.ok, false, what);
    assert.equal(report.errors[0]?.path, '$', `${what}: ${JSON.stringify(report.errors)}`);
  }
  await assertClean(page, problems);
});

test('mount(): update, setView, toPNG, destroy', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 2 });
  const r = await page.evaluate(async ({ good, bad }) => {
    const { mount } = await import('/dist/operation-charts.js');
    const box = document.createElement('div');
    box.style.width = '480px';
    document.getElementById('stage').append(box);
    const ready = [];
    box.addEventListener('chartready', (e) => ready.push(e.detail.view));
    const chart = await mount(box, good, { view: 'timeline', theme: 'dark' });
    const canvas = chart.element.shadowRoot.querySelector('canvas');
    const w1 = canvas.width;
    const bad1 = chart.update(bad);
    const alert = chart.element.shadowRoot.querySelector('[role="alert"]').textContent;
    chart.setView('areas');
    await new Promise((res) => box.addEventListener('chartready', res, { once: true }));
    const png = await chart.toPNG();
    const head = new Uint8Array(await png.slice(0, 8).arrayBuffer());
    chart.destroy();
    let rejected = null;
    try { await mount(box, bad); } catch (e) { rejected = { message: e.message, errors: e.errors }; }
    return { w1, ready, badOk: bad1?.ok, alert, pngType: png.type, pngSize: png.size, head: [...head],
      left: box.querySelectorAll('operation-chart').length, rejected };
  }, { good: lantern(), bad: broken() });
  assert.equal(r.w1, 960, 'drawn at 2x the 480 px container');
  assert.deepEqual(r.ready, ['timeline', 'areas']);
  assert.equal(r.badOk, false, 'update() reports invalid data');
  assert.match(r.alert, /events\[1\]\.time/);
  assert.equal(r.pngType, 'image/png');
  assert.ok(r.pngSize > 1000);
  assert.deepEqual(r.head, [137, 80, 78, 71, 13, 10, 26, 10], 'a real PNG');
  assert.equal(r.left, 0, 'destroy() removes the element');
  assert.ok(r.rejected && r.rejected.errors.some((e) => e.path === 'events[1].time'), 'mount() rejects invalid data with its errors');
  await assertClean(page, problems);
});

test('mount(): a hidden container settles without a drawing, and the chart draws once shown', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 2 });
  const r = await page.evaluate(async (good) => {
    const { mount } = await import('/dist/operation-charts.js');
    const box = document.createElement('div');
    box.style.cssText = 'width: 480px; display: none';
    document.getElementById('stage').append(box);
    const timeout = new Promise((res) => setTimeout(() => res(null), 2000));
    const chart = await Promise.race([mount(box, good, { view: 'timeline' }), timeout]);
    if (!chart) return { settled: false };
    const canvas = chart.element.shadowRoot.querySelector('canvas');
    const hiddenWidth = canvas.width;
    const drawn = new Promise((res) => chart.element.addEventListener('chartready', (e) => res(e.detail.view), { once: true }));
    box.style.display = 'block';
    const view = await Promise.race([drawn, timeout]);
    return { settled: true, hiddenWidth, view, shownWidth: canvas.width };
  }, lantern());
  assert.equal(r.settled, true, 'mount() settled while the container was hidden');
  assert.equal(r.hiddenWidth, 300, 'nothing drawn yet (the canvas keeps its default width)');
  assert.equal(r.view, 'timeline', 'chartready once shown');
  assert.equal(r.shownWidth, 960, 'then drawn at 2x the 480 px container');
  await assertClean(page, problems);
});

test('mount(): a container that is not in the document rejects at once instead of never settling', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const r = await page.evaluate(async (good) => {
    const { mount } = await import('/dist/operation-charts.js');
    const detached = document.createElement('div');
    const timeout = new Promise((res) => setTimeout(() => res({ settled: false }), 2000));
    const outcome = mount(detached, good).then(
      () => ({ settled: true, ok: true }),
      (e) => ({ settled: true, ok: false, message: e.message, isError: e instanceof Error }),
    );
    return { ...(await Promise.race([outcome, timeout])), children: detached.childElementCount };
  }, lantern());
  assert.equal(r.settled, true, 'mount() settled');
  assert.equal(r.ok, false, 'and rejected');
  assert.equal(r.isError, true);
  assert.equal(r.message, 'mount: the container is not in the document');
  assert.equal(r.children, 0, 'nothing was left in the container');
  await assertClean(page, problems);
});

test('mount(): data that is not JSON at all rejects with one whole-document problem', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const r = await page.evaluate(async () => {
    const { mount } = await import('/dist/operation-charts.js');
    const box = document.createElement('div');
    box.style.width = '480px';
    document.getElementById('stage').append(box);
    const timeout = new Promise((res) => setTimeout(() => res({ settled: false }), 2000));
    const outcome = mount(box, undefined).then(
      () => ({ settled: true, ok: true }),
      (e) => ({ settled: true, ok: false, message: e.message, errors: e.errors }),
    );
    return { ...(await Promise.race([outcome, timeout])), left: box.childElementCount };
  });
  assert.equal(r.settled, true, 'mount() settled');
  assert.equal(r.ok, false, 'and rejected');
  assert.equal(r.errors?.length, 1, JSON.stringify(r));
  assert.equal(r.errors[0].path, '$');
  assert.match(r.errors[0].message, /undefined/);
  assert.equal(r.left, 0, 'the element was removed');
  await assertClean(page, problems);
});

test('inline JSON child written in the page is read (parser-made element, upgraded later)', async () => {
  const { page, problems } = await env.open('/test/static.html', { dpr: 2 });
  // Drawn: the canvas is named after the data at its render (a fresh canvas is already 300 px wide).
  await page.waitForFunction(() => /Lantern/.test(document.getElementById('static').shadowRoot?.querySelector('canvas')?.getAttribute('aria-label') ?? ''));
  const s = await inspect(page, 'static');
  assert.equal(s.width, Math.round(s.cssWidth * 2));
  assert.match(s.ariaLabel, /Lantern/);
  assert.equal(s.fallbackShown, false);
  await assertClean(page, problems);
});

test('touch: a tap shows and keeps the tooltip, a second tap on the same item dismisses it', async () => {
  const { page, problems } = await env.open('/test/blank.html', { touch: true, dpr: 2 });
  await addChart(page, { id: 'c', view: 'summary', width: 600, data: lantern() });
  // Find a point over an item through the keyboard API's first item anchor.
  const anchor = await page.evaluate(() => {
    const el = document.getElementById('c');
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    // Probe a grid to find an item, as a finger would.
    for (let y = 2; y < r.height; y += 6) for (let x = 2; x < r.width; x += 6) {
      const ev = new PointerEvent('pointermove', { pointerType: 'mouse', clientX: r.left + x, clientY: r.top + y, bubbles: true });
      el.shadowRoot.querySelector('canvas').dispatchEvent(ev);
      if (el.hoveredItem) {
        el.shadowRoot.querySelector('canvas').dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
        return { x: r.left + x, y: r.top + y };
      }
    }
    return null;
  });
  assert.ok(anchor, 'an item exists under some point');
  await page.touchscreen.tap(anchor.x, anchor.y);
  await page.waitForTimeout(100);
  const shown = await inspect(page, 'c');
  assert.ok(shown.tooltip, 'a tap shows the tooltip');
  await page.waitForTimeout(300);
  assert.ok((await inspect(page, 'c')).tooltip, 'and it stays');
  await page.touchscreen.tap(anchor.x, anchor.y);
  await page.waitForTimeout(100);
  assert.equal((await inspect(page, 'c')).tooltip, null, 'a second tap on the same item dismisses it');
  await assertClean(page, problems);
});

test('keyboard: arrow keys step through the items and fire charthover', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await addChart(page, { id: 'c', view: 'timeline', width: 600, data: lantern() });
  await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const hovers = await events(page, 'c', 'charthover');
  assert.equal(hovers.length, 2);
  assert.ok(hovers.every((h) => h.item && h.item.label));
  assert.notEqual(hovers[0].item.index, hovers[1].item.index);
  assert.ok((await inspect(page, 'c')).tooltip);
  await page.keyboard.press('Escape');
  assert.equal((await events(page, 'c', 'charthover')).at(-1).item, null);
  await assertClean(page, problems);
});

test('theme: an ancestor class="dark" re-renders an auto chart; an explicit theme wins', async () => {
  const { page, problems } = await env.open('/test/blank.html', { colorScheme: 'light' });
  await addChart(page, { id: 'auto', view: 'summary', width: 400, data: lantern() });
  await addChart(page, { id: 'light', view: 'summary', width: 400, data: lantern(), theme: 'light' });
  const px = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('canvas').toDataURL(), id);
  const autoBefore = await px('auto');
  const lightBefore = await px('light');
  await page.evaluate(() => document.body.classList.add('dark'));
  await waitForEvent(page, 'auto', 'chartready', 2);
  assert.notEqual(await px('auto'), autoBefore, 'the auto chart turned dark');
  await page.waitForTimeout(100);
  assert.equal((await events(page, 'light', 'chartready')).length, 1, 'the explicit light chart did not re-render');
  assert.equal(await px('light'), lightBefore);
  await assertClean(page, problems);
});

test('theme: an auto chart inside another component\'s shadow root follows a class or data-theme outside it', async () => {
  const { page, problems } = await env.open('/test/blank.html', { colorScheme: 'light' });
  await page.waitForFunction(() => customElements.get('operation-chart'));
  await page.evaluate((doc) => {
    const host = document.createElement('div');
    host.id = 'host';
    host.style.width = '400px';
    document.getElementById('stage').append(host);
    const inner = document.createElement('section');
    host.attachShadow({ mode: 'open' }).append(inner);
    const el = document.createElement('operation-chart');
    window.__ready = 0;
    el.addEventListener('chartready', () => { window.__ready++; });
    inner.append(el);
    el.data = doc;
    window.__chart = el;
  }, lantern());
  const readies = (n) => page.waitForFunction((n) => window.__ready >= n, n);
  const dark = () => page.evaluate(() => window.__chart.shadowRoot.querySelector('.frame').classList.contains('dark'));
  await readies(1);
  assert.equal(await dark(), false);
  await page.evaluate(() => document.getElementById('host').classList.add('dark'));
  await readies(2);
  assert.equal(await dark(), true, 'a class on the shadow host, outside the shadow root');
  await page.evaluate(() => {
    document.getElementById('host').classList.remove('dark');
    document.documentElement.dataset.theme = 'dark';
  });
  await page.waitForTimeout(200);
  assert.equal(await dark(), true, 'data-theme on <html>, further out');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  await page.waitForFunction(() => !window.__chart.shadowRoot.querySelector('.frame').classList.contains('dark'));
  await assertClean(page, problems);
});
