// Pages that make life hard for an embedded chart: containers that are hidden, empty or tiny;
// host CSS that resets everything; right-to-left pages. The chart draws what it would draw on a
// plain page, waits (drawing nothing, dividing by nothing) while it has no room, and its own
// styles stay inside its shadow root.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, findItem, inkFraction, inspect, setup, sleep, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];

/**
 * Opens `pathname` with every CanvasRenderingContext2D method and numeric setter watched: a call
 * with NaN or ±Infinity (a division by a zero width, say) is recorded in window.__nonFinite.
 */
async function openWatched(pathname, options) {
  const opened = await env.open(pathname, options);
  await opened.context.addInitScript(() => {
    window.__nonFinite = [];
    const bad = (v) => typeof v === 'number' && !Number.isFinite(v);
    const proto = CanvasRenderingContext2D.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (typeof d.value === 'function' && name !== 'constructor') {
        const f = d.value;
        Object.defineProperty(proto, name, { ...d, value: function (...args) {
          if (args.some(bad)) window.__nonFinite.push(`${name}(${args.join(', ')})`);
          return f.apply(this, args);
        } });
      } else if (d.set) {
        const set = d.set;
        Object.defineProperty(proto, name, { ...d, set(v) {
          if (bad(v)) window.__nonFinite.push(`${name} = ${v}`);
          set.call(this, v);
        } });
      }
    }
  });
  await opened.page.reload({ waitUntil: 'load' });
  await opened.page.waitForFunction(() => customElements.get('operation-chart'));
  return opened;
}

const nonFinite = (page) => page.evaluate(() => window.__nonFinite);

/**
 * Adds a chart with `data` in a box styled by `box` (CSSOM, allowed by the CSP) without waiting
 * for it to draw; events are recorded as addChart records them.
 */
async function place(page, { id, view = 'summary', box = {}, host = {}, data = lantern() }) {
  await page.evaluate(({ id, view, box, host, data }) => {
    const b = document.createElement('div');
    b.id = `${id}-box`;
    Object.assign(b.style, box);
    const el = document.createElement('operation-chart');
    el.id = id;
    el.setAttribute('view', view);
    Object.assign(el.style, host);
    window.__events ??= [];
    for (const type of ['chartready', 'charterror']) {
      el.addEventListener(type, (e) => window.__events.push({ type, id, detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
    const fallback = document.createElement('p');
    fallback.textContent = 'Fallback text';
    el.append(fallback);
    b.append(el);
    document.getElementById('stage').append(b);
    el.data = data;
  }, { id, view, box, host, data });
}

/** Lets a few frames pass (renders run in animation frames). */
const frames = (page, n = 4) => page.evaluate((n) => new Promise((done) => {
  const next = (k) => (k ? requestAnimationFrame(() => next(k - 1)) : done());
  next(n);
}), n);

const canvasImage = (page, id) => page.evaluate(
  (id) => document.getElementById(id).shadowRoot.querySelector('canvas.plot').toDataURL('image/png'), id);

test('a chart inside a display:none parent draws nothing while hidden, and draws when shown', async () => {
  const { page, problems } = await openWatched('/test/blank.html');
  await place(page, { id: 'h', view: 'timeline', box: { display: 'none', width: '520px' } });
  await frames(page);
  await sleep(150);
  assert.equal((await events(page, 'h', 'chartready')).length, 0, 'nothing is drawn while hidden');
  assert.equal((await events(page, 'h', 'charterror')).length, 0, 'hidden is not an error');
  assert.deepEqual(await page.evaluate(() => document.getElementById('h').report.ok), true);

  await page.evaluate(() => { document.getElementById('h-box').style.display = 'block'; });
  await waitForEvent(page, 'h', 'chartready', 1);
  const seen = await inspect(page, 'h');
  assert.equal(seen.width, 520, 'drawn at the width it was shown at');
  assert.ok(seen.height > 100);
  assert.ok(await inkFraction(page, 'h') > 0.01, 'something is drawn');
  assert.equal(seen.fallbackShown, false);

  // mount() into a hidden container resolves (it does not wait forever), and draws once shown.
  const shown = await page.evaluate(async (doc) => {
    const { mount } = await import('/dist/operation-charts.js');
    const box = document.createElement('div');
    box.style.display = 'none';
    box.style.width = '360px';
    document.getElementById('stage').append(box);
    const chart = await mount(box, doc, { view: 'areas' });
    const drawn = new Promise((done) => chart.element.addEventListener('chartready', done, { once: true }));
    box.style.display = '';
    await drawn;
    return chart.element.shadowRoot.querySelector('canvas').width;
  }, lantern());
  assert.equal(shown, 360);
  assert.deepEqual(await nonFinite(page), []);
  await assertClean(page, problems);
});

test('a 0×0 container, and a host of height 0: nothing drawn, nothing divided by zero; drawn once sized', async () => {
  const { page, problems } = await openWatched('/test/blank.html');
  await place(page, { id: 'zero', view: 'cumulative', box: { width: '0px', height: '0px' } });
  await place(page, { id: 'flat', view: 'timeline', box: { width: '500px' }, host: { height: '0px' } });
  await frames(page);
  await sleep(150);
  for (const id of ['zero', 'flat']) {
    assert.equal((await events(page, id, 'chartready')).length, 0, `${id}: nothing drawn without room`);
    assert.equal((await events(page, id, 'charterror')).length, 0, `${id}: no room is not an error`);
    assert.equal(await inkFraction(page, id), 0, `${id}: the canvas is blank`);
  }
  assert.deepEqual(await nonFinite(page), [], 'no NaN or Infinity reached the canvas');

  await page.evaluate(() => {
    document.getElementById('zero-box').style.width = '480px';
    document.getElementById('zero-box').style.height = '';
    document.getElementById('flat').style.height = '240px';
  });
  await waitForEvent(page, 'zero', 'chartready', 1);
  await waitForEvent(page, 'flat', 'chartready', 1);
  assert.equal((await inspect(page, 'zero')).width, 480);
  const flat = await inspect(page, 'flat');
  assert.equal(flat.height, 240, 'drawn at the height it was given');
  assert.ok(await inkFraction(page, 'zero') > 0.01);
  assert.ok(await inkFraction(page, 'flat') > 0.01);
  assert.deepEqual(await nonFinite(page), []);
  await assertClean(page, problems);
});

test('tiny containers (1 to 40 px wide, every view): finite drawing inside the box, no error', async () => {
  const { page, problems } = await openWatched('/test/blank.html');
  const widths = [1, 2, 5, 12, 40];
  for (const view of VIEWS) {
    for (const w of widths) await place(page, { id: `${view}-${w}`, view, box: { width: `${w}px` } });
  }
  for (const view of VIEWS) {
    for (const w of widths) {
      const id = `${view}-${w}`;
      await waitForEvent(page, id, 'chartready', 1);
      const s = await inspect(page, id);
      assert.equal(s.cssWidth, w, `${id}: the chart keeps to its container`);
      // The core lays out at least 120 CSS px (layout::SIZE_LIMITS); a narrower box shows that
      // layout scaled down to fit, never outside the box.
      assert.ok(s.width >= 1 && s.width <= 120 && Number.isFinite(s.height) && s.height >= 1, `${id}: ${s.width}×${s.height}`);
      assert.equal(s.alert, null, `${id}: no error shown`);
    }
  }
  assert.deepEqual(await nonFinite(page), [], 'no NaN or Infinity reached the canvas');
  await assertClean(page, problems);
});

test('host CSS (all: unset, !important canvas and tooltip rules) does not change the chart', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'before', view: 'timeline', width: 600, data: lantern() });
  const reference = await canvasImage(page, 'before');
  const refBox = await inspect(page, 'before');

  await page.evaluate(() => new Promise((loaded, failed) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/test/hostile.css' });
    link.onload = loaded;
    link.onerror = failed;
    document.head.append(link);
  }));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'inline', 'the hostile sheet applies');

  // A chart already on the page, redrawn under the hostile CSS, and one added under it.
  await page.evaluate((doc) => { document.getElementById('before').data = doc; }, lantern());
  await waitForEvent(page, 'before', 'chartready', 2);
  await addChart(page, { id: 'after', view: 'timeline', width: 600, data: lantern() });
  for (const id of ['before', 'after']) {
    const s = await inspect(page, id);
    assert.deepEqual([s.cssWidth, s.cssHeight, s.width, s.height], [refBox.cssWidth, refBox.cssHeight, refBox.width, refBox.height], `${id}: the same size`);
    assert.equal(await canvasImage(page, id), reference, `${id}: the same pixels`);
  }

  // The tooltip still shows, upright and in the widget's own type.
  const spot = await findItem(page, 'after', { match: 'Mill Lane' });
  assert.ok(spot, 'an item can be found under the pointer');
  await page.mouse.move(spot.x, spot.y);
  const tip = await page.evaluate(() => {
    const t = document.getElementById('after').shadowRoot.querySelector('[role="tooltip"]');
    const cs = getComputedStyle(t);
    const r = t.getBoundingClientRect();
    return { hidden: t.hidden, display: cs.display, width: r.width, height: r.height, text: t.textContent,
      direction: cs.direction, writingMode: cs.writingMode, textTransform: cs.textTransform, letterSpacing: cs.letterSpacing };
  });
  assert.equal(tip.hidden, false);
  assert.notEqual(tip.display, 'none');
  assert.ok(tip.width > 40 && tip.height > 10, `the tooltip has a box: ${tip.width}×${tip.height}`);
  assert.match(tip.text, /Mill Lane/);
  assert.deepEqual([tip.direction, tip.writingMode, tip.textTransform, tip.letterSpacing], ['ltr', 'horizontal-tb', 'none', 'normal']);
  await assertClean(page, problems);
});

test("the widget's styles do not leak out of its shadow root", async () => {
  const { page, problems } = await env.open('/test/no-widget.html', { dpr: 1 });
  const styles = () => page.evaluate(() => [...document.querySelectorAll('#probes, #probes *')].map((n) => {
    const cs = getComputedStyle(n);
    const out = {};
    for (const prop of cs) out[prop] = cs.getPropertyValue(prop);
    return { node: `${n.localName}.${n.className}`, style: out };
  }));
  const sheets = () => page.evaluate(() => ({ adopted: document.adoptedStyleSheets.length, sheets: document.styleSheets.length,
    styles: document.querySelectorAll('style').length }));
  const plain = await styles();
  const plainSheets = await sheets();

  await page.evaluate(() => import('/dist/operation-charts.js'));
  await addChart(page, { id: 'c', view: 'summary', width: 500, data: lantern() });
  const spot = await findItem(page, 'c', { match: '' });
  await page.mouse.move(spot.x, spot.y); // a tooltip and highlight are up

  assert.deepEqual(await sheets(), plainSheets, 'no stylesheet was added to the document');
  const withWidget = await styles();
  for (let i = 0; i < plain.length; i++) {
    const changed = Object.keys(plain[i].style).filter((p) => plain[i].style[p] !== withWidget[i].style[p]);
    assert.deepEqual(changed.map((p) => `${p}: ${plain[i].style[p]} → ${withWidget[i].style[p]}`), [], `${plain[i].node} is styled as before`);
  }
  await assertClean(page, problems);
});

test('an RTL page (<html dir="rtl">): every view draws exactly what it draws on an LTR page', async () => {
  const ltr = await env.open('/test/blank.html', { dpr: 1 });
  const rtl = await env.open('/test/rtl.html', { dpr: 1 });
  assert.equal(await rtl.page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  for (const view of VIEWS) {
    for (const { page } of [ltr, rtl]) await addChart(page, { id: view, view, width: 640, data: lantern() });
    const [a, b] = [await canvasImage(ltr.page, view), await canvasImage(rtl.page, view)];
    if (a !== b) {
      // Say how much differs, to tell a mirrored chart from a stray pixel.
      const differ = await rtl.page.evaluate(async ({ a, b }) => {
        const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = src; });
        const [ia, ib] = await Promise.all([load(a), load(b)]);
        const read = (img) => {
          const c = new OffscreenCanvas(img.width, img.height);
          const ctx = c.getContext('2d');
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, img.width, img.height).data;
        };
        const [da, db] = [read(ia), read(ib)];
        let n = 0;
        for (let i = 0; i < da.length; i += 4) if (da[i] !== db[i] || da[i + 1] !== db[i + 1] || da[i + 2] !== db[i + 2] || da[i + 3] !== db[i + 3]) n++;
        return n / (da.length / 4);
      }, { a, b });
      assert.fail(`${view}: ${(differ * 100).toFixed(2)}% of pixels differ from the LTR page`);
    }
  }

  // The tooltip and the "Show data" row sit where they sit on the LTR page, and read left to
  // right (the widget's text is English); the page's own fallback keeps the page's direction.
  const hovered = async (page) => {
    const spot = await findItem(page, 'timeline', { match: 'Dock Road' });
    await page.mouse.move(spot.x, spot.y);
    return page.evaluate(() => {
      const el = document.getElementById('timeline');
      const root = el.shadowRoot;
      const c = root.querySelector('canvas').getBoundingClientRect();
      const rel = (n) => { const r = n.getBoundingClientRect(); return [r.left - c.left, r.top - c.top, r.width, r.height].map(Math.round); };
      return {
        tip: rel(root.querySelector('[role="tooltip"]')), text: root.querySelector('[role="tooltip"]').textContent,
        button: rel(root.querySelector('.tools button')),
        directions: ['[role="tooltip"]', '.tools', '.data', '[role="alert"]'].map((s) => getComputedStyle(root.querySelector(s)).direction),
        fallback: getComputedStyle(el.querySelector('p')).direction,
      };
    });
  };
  const [l, r] = [await hovered(ltr.page), await hovered(rtl.page)];
  assert.deepEqual(r.tip, l.tip, 'the tooltip is where it is on the LTR page');
  assert.equal(r.text, l.text);
  assert.deepEqual(r.button, l.button, '"Show data" is where it is on the LTR page');
  assert.deepEqual(r.directions, ['ltr', 'ltr', 'ltr', 'ltr']);
  assert.equal(r.fallback, 'rtl', "the page's own fallback text keeps the page's direction");
  await assertClean(ltr.page, ltr.problems);
  await assertClean(rtl.page, rtl.problems);
});
