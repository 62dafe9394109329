// Bad data never costs the reader what they already saw: the last good chart stays, the error
// is shown beside it (role="alert") and reported (charterror), and another chart on the same
// page keeps working. Plain-text rule: markup in the data is shown as text, never parsed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, inspect, setup, sweep, waitForEvent } from './harness.mjs';
import { broken, lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const canvasPixels = (page, id) => page.evaluate(
  (id) => document.getElementById(id).shadowRoot.querySelector('canvas').toDataURL('image/png'), id);

test('invalid data after a good render: alert with paths, charterror, last chart kept, neighbour still hovers', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'a', view: 'timeline', width: 600, data: lantern() });
  await addChart(page, { id: 'b', view: 'areas', width: 600, data: lantern() });
  const before = await canvasPixels(page, 'a');
  const sizeBefore = await inspect(page, 'a');

  await page.evaluate((doc) => { document.getElementById('a').data = doc; }, broken());
  await waitForEvent(page, 'a', 'charterror', 1);

  const [err] = await events(page, 'a', 'charterror');
  assert.ok(typeof err.message === 'string' && err.message.length > 0, 'charterror has a message');
  const paths = err.errors.map((e) => e.path);
  assert.ok(paths.includes('events[1].time'), `errors name events[1].time: ${JSON.stringify(err.errors)}`);
  assert.ok(paths.some((p) => p.startsWith('events[2]')), `errors name the unknown field in events[2]: ${JSON.stringify(err.errors)}`);
  for (const e of err.errors) assert.ok(e.message.length > 0);

  const s = await inspect(page, 'a');
  assert.ok(s.alert, 'an alert is shown');
  assert.match(s.alert, /events\[1\]\.time/, 'the alert names the path');
  assert.match(s.alert, /12\/03\/2018/, 'the alert says what was found');
  assert.equal(s.width, sizeBefore.width, 'canvas size unchanged');
  assert.equal(await canvasPixels(page, 'a'), before, 'the last good chart stays on screen, pixel for pixel');
  assert.equal((await events(page, 'a', 'chartready')).length, 1, 'no re-render for bad data');

  // The other chart on the page is unaffected.
  const other = await inspect(page, 'b');
  assert.equal(other.alert, null);
  const { items } = await sweep(page, 'b', { stepX: 10, stepY: 16 });
  assert.ok(items.length >= 2, 'the healthy chart still shows tooltips');
  assert.ok(items.some((h) => /Westmoor/.test(h.item.label)), 'with its own data');

  // Good data again clears the alert and re-renders.
  await page.evaluate((doc) => { document.getElementById('a').data = JSON.stringify(doc); }, lantern({ place: 'New Place, Westmoor' }));
  await waitForEvent(page, 'a', 'chartready', 2);
  assert.equal((await inspect(page, 'a')).alert, null, 'valid data clears the alert');
  await assertClean(page, problems);
});

test('invalid data first: alert and fallback shown, no crash', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await page.waitForFunction(() => customElements.get('operation-chart'));
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('operation-chart');
    el.id = 'x';
    const p = document.createElement('p');
    p.textContent = 'Fallback: 5 raids';
    el.append(p);
    el.addEventListener('charterror', (e) => resolve(e.detail));
    document.getElementById('stage').append(el);
    el.data = '{"version": 2, "operation": {}, "events": [], "source": {"name": "x"}}';
  }));
  assert.ok(detail.errors.some((e) => e.path === 'version'), JSON.stringify(detail));
  const s = await inspect(page, 'x');
  assert.match(s.alert ?? '', /version/);
  assert.equal(s.fallbackShown, true, 'the fallback stays when nothing could be drawn');
  await assertClean(page, problems);
});

test('a src that fails to load: alert and charterror, no uncaught error', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await page.waitForFunction(() => customElements.get('operation-chart'));
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('operation-chart');
    el.id = 'x';
    el.addEventListener('charterror', (e) => resolve(e.detail));
    el.setAttribute('src', '/data/does-not-exist.json');
    document.getElementById('stage').append(el);
  }));
  assert.match(detail.message, /404/);
  // Hosts read errors[0]: one problem about the whole document, naming the URL and the status.
  const origin = new URL(page.url()).origin;
  assert.deepEqual(detail.errors, [{ path: '$', message: `could not load ${origin}/data/does-not-exist.json: HTTP 404` }]);
  assert.match((await inspect(page, 'x')).alert ?? '', /does-not-exist/);
  // The 404 itself shows up as a failed resource in the console; that is the only allowed noise.
  await assertClean(page, problems, { allow: [/404/] });
});

test('a render that fails: alert and charterror with one whole-document problem', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await page.waitForFunction(() => customElements.get('operation-chart'));
  const detail = await page.evaluate(async (doc) => {
    // Canvases inside this element's shadow root refuse a 2D context, so the core's render
    // fails (the page's other canvases, and the core's text measuring canvas, are unaffected).
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (...args) {
      return this.getRootNode()?.host?.id === 'x' ? null : getContext.apply(this, args);
    };
    return new Promise((resolve) => {
      const el = document.createElement('operation-chart');
      el.id = 'x';
      el.addEventListener('charterror', (e) => resolve(e.detail));
      document.getElementById('stage').append(el);
      el.data = doc;
    });
  }, lantern());
  assert.match(detail.message, /could not be drawn: the canvas has no 2D context/);
  assert.equal(detail.errors.length, 1, JSON.stringify(detail));
  assert.equal(detail.errors[0].path, '$');
  assert.match(detail.errors[0].message, /no 2D context/);
  assert.match((await inspect(page, 'x')).alert ?? '', /no 2D context/);
  await assertClean(page, problems);
});

test('a chart engine that failed to load: charterror with one whole-document problem', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await page.route(/operation-charts-core_bg\.wasm$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => customElements.get('operation-chart'));
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('operation-chart');
    el.id = 'x';
    el.addEventListener('charterror', (e) => resolve(e.detail));
    document.getElementById('stage').append(el);
  }));
  assert.match(detail.message, /chart engine could not be loaded/);
  assert.equal(detail.errors.length, 1, JSON.stringify(detail));
  assert.equal(detail.errors[0].path, '$');
  assert.match(detail.errors[0].message, /engine could not be loaded/);
  assert.match((await inspect(page, 'x')).alert ?? '', /engine could not be loaded/);
  // The module reports the failure on the console once; that is the expected noise.
  await assertClean(page, problems, { allow: [/could not be loaded/, /WebAssembly|wasm/i, /status of 404/] });
});

test('markup in a place name is shown as text and creates no element', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const evil = '<img src=x onerror=alert(1)>Quay';
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await addChart(page, { id: 'x', view: 'timeline', width: 600, data: lantern({ place: evil }) });
  const { items } = await sweep(page, 'x', { stepX: 6, stepY: 10 });
  const hit = items.find((h) => h.item.label.includes('Quay'));
  assert.ok(hit, `the raid at the marked-up place can be hovered: ${items.map((h) => h.item.label).join(' | ')}`);
  assert.ok(hit.tip.text.includes(evil), `the tooltip shows the markup as text: ${hit.tip.text}`);
  assert.equal(hit.tip.children, 0, 'the tooltip has no child elements');
  const imgs = await page.evaluate(() => document.querySelectorAll('img').length +
    document.getElementById('x').shadowRoot.querySelectorAll('img').length);
  assert.equal(imgs, 0, 'no <img> was created from the data');
  assert.equal(dialogs, 0, 'no script ran from the data');
  // Request to /x would show up as a failed request if an <img> had been created.
  await assertClean(page, problems);
});
