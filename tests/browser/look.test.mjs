// How the chart looks and moves: light/dark/auto with a site's own toggle, brand custom
// properties, forced colours, the change transition and reduced motion, the pointer (highlight,
// guide line, tooltip kept inside chart and viewport), and phones down to 320 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, findItem, inspect, pixel, setup, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const dark = ([r, g, b]) => r + g + b < 150;
const light = ([r, g, b]) => r + g + b > 600;
const readyCount = async (page, id) => (await events(page, id, 'chartready')).length;

test('auto follows the site toggle (class on <html>, nearest data-theme wins) and the OS; explicit themes win', async () => {
  const { page, problems } = await env.open('/test/blank.html', { colorScheme: 'light' });
  await addChart(page, { id: 'auto', view: 'summary', width: 400, data: lantern() });
  await addChart(page, { id: 'light', view: 'summary', width: 400, data: lantern(), theme: 'light' });
  await addChart(page, { id: 'dark', view: 'summary', width: 400, data: lantern(), theme: 'dark' });
  assert.ok(light(await pixel(page, 'auto', 2, 2)), 'auto starts light on a light page');
  assert.ok(dark(await pixel(page, 'dark', 2, 2)), 'theme="dark" is dark on a light page');

  // The site's own toggle flips a class on <html>.
  let n = await readyCount(page, 'auto');
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await waitForEvent(page, 'auto', 'chartready', n + 1);
  assert.ok(dark(await pixel(page, 'auto', 2, 2)), 'auto turned dark with the site');
  assert.ok(light(await pixel(page, 'light', 2, 2)), 'theme="light" ignores the site toggle');
  const panel = await page.evaluate(() => getComputedStyle(document.getElementById('auto').shadowRoot.querySelector('.tools button')).backgroundColor);
  assert.ok(dark(panel.match(/\d+/g).map(Number)), `the DOM parts follow too: ${panel}`);

  // A nearer ancestor says light: it wins over <html class="dark">.
  n = await readyCount(page, 'auto');
  await page.evaluate(() => document.getElementById('auto-box').setAttribute('data-theme', 'light'));
  await waitForEvent(page, 'auto', 'chartready', n + 1);
  assert.ok(light(await pixel(page, 'auto', 2, 2)), 'the nearest data-theme wins');
  n = await readyCount(page, 'auto');
  await page.evaluate(() => document.getElementById('auto-box').removeAttribute('data-theme'));
  await waitForEvent(page, 'auto', 'chartready', n + 1);
  assert.ok(dark(await pixel(page, 'auto', 2, 2)), 'without it, the site class again');
  n = await readyCount(page, 'auto');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await waitForEvent(page, 'auto', 'chartready', n + 1);
  assert.ok(light(await pixel(page, 'auto', 2, 2)), 'back to light with the site');

  // No class anywhere: the reader's prefers-color-scheme.
  n = await readyCount(page, 'auto');
  await page.emulateMedia({ colorScheme: 'dark' });
  await waitForEvent(page, 'auto', 'chartready', n + 1);
  assert.ok(dark(await pixel(page, 'auto', 2, 2)), 'auto follows prefers-color-scheme: dark');
  assert.ok(light(await pixel(page, 'light', 2, 2)), 'theme="light" still light');
  assert.equal(await readyCount(page, 'light'), 1, 'the explicit light chart never re-rendered');
  await assertClean(page, problems);
});

test('brand: --operation-chart-accent colours the main series; a low-contrast accent is refused with a warning', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await addChart(page, { id: 'c', view: 'summary', width: 500, data: lantern() });
  const count = (rgb) => page.evaluate(({ rgb }) => {
    const c = document.getElementById('c').shadowRoot.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let k = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - rgb[0]) < 6 && Math.abs(data[i + 1] - rgb[1]) < 6 && Math.abs(data[i + 2] - rgb[2]) < 6) k++;
    }
    return k;
  }, { rgb });
  const purple = [0x6a, 0x1b, 0x9a];
  assert.equal(await count(purple), 0);
  let n = await readyCount(page, 'c');
  await page.evaluate(() => {
    const el = document.getElementById('c');
    el.style.setProperty('--operation-chart-accent', 'rgb(106, 27, 154)');
    el.style.setProperty('--operation-chart-font', 'Georgia, serif');
    el.setAttribute('view', 'summary'); // no change; a resize re-renders:
    document.getElementById('c-box').style.width = '480px';
  });
  await waitForEvent(page, 'c', 'chartready', n + 1);
  assert.ok(await count(purple) > 200, 'the accent is drawn');
  n = await readyCount(page, 'c');
  await page.evaluate(() => {
    document.getElementById('c').style.setProperty('--operation-chart-accent', '#f4f4f4');
    document.getElementById('c-box').style.width = '460px';
  });
  await waitForEvent(page, 'c', 'chartready', n + 1);
  assert.equal(await count(purple), 0, 'a refused accent leaves the default colours');
  assert.ok(warnings.some((w) => /--operation-chart-accent/.test(w) && /contrast/.test(w)), `a console warning says why: ${warnings}`);
  await assertClean(page, problems);
});

test('forced-colors: active renders with the system colours and no errors', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await addChart(page, { id: 'c', view: 'summary', width: 500, data: lantern() });
  const colours = () => page.evaluate(() => {
    const c = document.getElementById('c').shadowRoot.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const seen = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const k = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    return [...seen].filter(([, v]) => v > 150).map(([k]) => k.split(',').map(Number));
  });
  const near = (a, b) => b.every((v, i) => Math.abs(v - a[i]) < 8);
  const blue = [0x00, 0x72, 0xb2]; // the light theme's arrests colour
  assert.ok((await colours()).some((c) => near(c, blue)), 'normally the arrests bar is blue');
  const n = await readyCount(page, 'c');
  await page.emulateMedia({ forcedColors: 'active' });
  await waitForEvent(page, 'c', 'chartready', n + 1);
  const system = await page.evaluate(() => {
    const p = document.createElement('span');
    document.body.append(p);
    const read = (v) => { p.style.color = v; return getComputedStyle(p).color.match(/\d+/g).slice(0, 3).map(Number); };
    const out = { text: read('CanvasText'), background: read('Canvas'), highlight: read('Highlight') };
    p.remove();
    return out;
  });
  const after = await colours();
  assert.ok(!after.some((c) => near(c, blue)), 'the theme colours are gone');
  const bg = await pixel(page, 'c', 2, 2);
  assert.ok(near(bg, system.background), `the background ${bg} is the system Canvas colour ${system.background}`);
  // Every colour that covers an area is a system colour or a blend of two (faint grid lines).
  const sys = [system.text, system.background, system.highlight];
  const blend = (c, a, b) => {
    const k = [0, 1, 2].reduce((m, i) => (Math.abs(b[i] - a[i]) > Math.abs(b[m] - a[m]) ? i : m), 0);
    if (a[k] === b[k]) return near(c, a);
    const t = (c[k] - a[k]) / (b[k] - a[k]);
    return t >= -0.05 && t <= 1.05 && near(c, a.map((v, i) => v + t * (b[i] - v)));
  };
  for (const c of after) {
    assert.ok(sys.some((a) => sys.some((b) => blend(c, a, b))),
      `every large area of colour is a system colour: ${c} vs ${JSON.stringify(system)}`);
  }
  assert.ok(after.some((c) => near(c, system.text)), 'text and marks in CanvasText');
  await page.emulateMedia({ forcedColors: 'none' });
  await assertClean(page, problems);
});

test('a data or view change fades the old chart out over 600–800 ms, long enough to follow; none under reduced motion', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  await addChart(page, { id: 'c', view: 'summary', width: 500, data: lantern() });
  // Change something and read what is animating right at the chartready that follows.
  const change = (how) => page.evaluate((how) => new Promise((resolve) => {
    const el = document.getElementById('c');
    el.addEventListener('chartready', () => {
      const anims = el.shadowRoot.getAnimations();
      const transitions = [...el.shadowRoot.querySelectorAll('*')].map((n) => getComputedStyle(n).transitionDuration)
        .filter((d) => d.split(',').some((x) => parseFloat(x) > 0));
      resolve({
        animations: anims.map((a) => ({ duration: a.effect.getTiming().duration, state: a.playState })),
        transitions, canvases: el.shadowRoot.querySelectorAll('canvas').length,
      });
    }, { once: true });
    if (how === 'view') el.setAttribute('view', el.getAttribute('view') === 'summary' ? 'areas' : 'summary');
    else {
      const d = JSON.parse(JSON.stringify(el.data));
      d.events.push({ type: 'charge', time: '2021-03-07', raid: 'r2', count: 1 });
      el.data = d;
    }
  }), how);

  const moving = await change('data');
  assert.ok(moving.animations.length >= 1, 'an update is shown as change');
  for (const a of moving.animations) assert.ok(a.duration >= 600 && a.duration <= 800, `long enough to follow, not slow: ${a.duration} ms`);
  const viewMove = await change('view');
  assert.ok(viewMove.animations.length >= 1, 'a view change too');
  await page.waitForTimeout(900);
  assert.equal(await page.evaluate(() => document.getElementById('c').shadowRoot.getAnimations().length), 0, 'and it ends');
  assert.equal(await page.evaluate(() => document.getElementById('c').shadowRoot.querySelectorAll('canvas').length), 1, 'leaving one canvas');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const how of ['data', 'view']) {
    const still = await change(how);
    assert.deepEqual(still.animations, [], `reduced motion: no animation on a ${how} change`);
    assert.deepEqual(still.transitions, [], 'and no CSS transitions');
    assert.equal(still.canvases, 1, 'no snapshot layered on top');
  }
  await assertClean(page, problems);
});

test('pointer: highlight, a guide line at the hovered time, a tooltip inside chart and viewport; leaving clears', async () => {
  const { page, problems } = await env.open('/test/blank.html', { width: 800, height: 900 });
  await addChart(page, { id: 'cum', view: 'cumulative', width: 700, data: lantern() });
  await addChart(page, { id: 'tl', view: 'timeline', width: 700, data: lantern() });
  for (const [id, match] of [['cum', 'So far: 6 arrested'], ['tl', 'Canal Row']]) {
    const spot = await findItem(page, id, { match });
    assert.ok(spot, `${match} can be hovered`);
    await page.mouse.move(spot.x, spot.y);
    await page.waitForTimeout(50);
    const s = await inspect(page, id);
    assert.equal(s.tooltip?.text, spot.item.label);
    const guide = await page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('.mark.guide')]
      .filter((m) => !m.hidden).map((m) => m.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, x: r.left })), id);
    assert.equal(guide.length, 1, `${id}: one guide line`);
    assert.ok(guide[0].w <= 2 && guide[0].h > 100, `${id}: a thin full-height line: ${JSON.stringify(guide[0])}`);
    assert.ok(Math.abs(guide[0].x - (s.left + spot.item.anchor.x)) < 3, `${id}: at the hovered time`);
    assert.ok(s.marks >= 2, 'the item is highlighted');
    await page.mouse.move(spot.x, s.top + s.cssHeight + 30);
    await page.waitForTimeout(50);
    const gone = await inspect(page, id);
    assert.equal(gone.tooltip, null, 'leaving clears the tooltip');
    assert.equal(gone.marks, 0, 'and the highlight');
  }

  // The chart runs past the bottom of a short viewport: a tooltip near that edge flips up.
  await page.setViewportSize({ width: 800, height: 330 });
  const box = await inspect(page, 'cum');
  const low = await findItem(page, 'cum', { region: [0, 330 - box.top - 60, box.cssWidth, 330 - box.top - 5] });
  assert.ok(low, 'an item near the bottom of the viewport');
  await page.mouse.move(low.x, low.y);
  await page.waitForTimeout(50);
  const t = (await inspect(page, 'cum')).tooltip;
  assert.ok(t, 'tooltip shown');
  assert.ok(t.bottom <= 330 + 0.5 && t.top >= -0.5, `the tooltip stays in the viewport: ${JSON.stringify(t)}`);
  assert.ok(t.right <= box.left + box.cssWidth + 0.5 && t.left >= box.left - 0.5, 'and in the chart');
  await assertClean(page, problems);
});

test('320 px: every view renders without overflowing the page, table included', async () => {
  const { page, problems } = await env.open('/test/blank.html', { width: 320, height: 700, dpr: 2 });
  for (const view of ['summary', 'timeline', 'cumulative', 'areas']) {
    await addChart(page, { id: view, view, width: 288, src: '/data/operation-cayman.json' });
  }
  await page.locator('#timeline').getByRole('button', { name: 'Show data' }).click();
  const r = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('operation-chart')].map((el) => ({
      view: el.getAttribute('view'), scroll: el.scrollWidth, client: el.clientWidth,
      canvas: el.shadowRoot.querySelector('canvas').getBoundingClientRect().width,
      right: el.getBoundingClientRect().right,
    })),
  }));
  assert.ok(r.page <= 320, `the page does not scroll sideways: ${r.page}`);
  for (const c of r.charts) {
    assert.equal(c.canvas, 288, `${c.view} fills its 288 px container`);
    assert.ok(c.scroll <= c.client && c.right <= 320, `${c.view} does not overflow: ${JSON.stringify(c)}`);
  }
  await assertClean(page, problems);
});
