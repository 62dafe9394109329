// Touch readers on a phone: a 390 px viewport at devicePixelRatio 3, with touch. A tap shows an
// item and keeps it; a tap on the same item again, elsewhere in the chart or anywhere on the
// page dismisses it; the tooltip never covers the finger; nothing stays highlighted after.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, findItem, inspect, setup } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
let page;
let problems;
before(async () => {
  env = await setup();
  ({ page, problems } = await env.open('/test/blank.html', { width: 390, height: 844, dpr: 3, touch: true, mobile: true }));
  await addChart(page, { id: 'sum', view: 'summary', width: 358, data: lantern() });
  await addChart(page, { id: 'tl', view: 'timeline', width: 358, src: '/data/operation-cayman.json' });
});
after(async () => { await env?.close(); });

const lastHover = async (id) => (await events(page, id, 'charthover')).at(-1);
const FINGER = 24; // CSS px around the touch point that the tooltip must leave free (a fingertip)

async function tipBox(id) {
  return page.evaluate((id) => {
    const tip = document.getElementById(id).shadowRoot.querySelector('[role="tooltip"]');
    if (tip.hidden) return null;
    const r = tip.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: tip.textContent };
  }, id);
}

test('a tap shows the item and keeps it, clear of the finger, inside the chart and the screen', async () => {
  for (const [id, match] of [['sum', '^Charged: 4'], ['tl', 'Derby Street'], ['tl', '^London']]) {
    const found = await findItem(page, id, { match, step: 3 });
    assert.ok(found, `an item matching ${match} in ${id}`);
    // Tap where the item points (its anchor), as a reader aims for the mark itself.
    const box0 = await inspect(page, id);
    const spot = { x: box0.left + found.item.anchor.x, y: box0.top + found.item.anchor.y, item: found.item };
    await page.touchscreen.tap(spot.x, spot.y);
    await page.waitForTimeout(80);
    const h = await lastHover(id);
    assert.equal(h.item?.label, spot.item.label, `the tap on ${id} focuses ${match}`);
    const tip = await tipBox(id);
    assert.ok(tip, 'the tooltip is shown');
    assert.equal(tip.text, spot.item.label);
    const covers = spot.x >= tip.left - FINGER && spot.x <= tip.right + FINGER && spot.y >= tip.top - FINGER && spot.y <= tip.bottom + FINGER;
    assert.equal(covers, false, `the tooltip ${JSON.stringify(tip)} leaves the tap point (${spot.x}, ${spot.y}) free`);
    const box = await inspect(page, id);
    assert.ok(tip.left >= box.left - 0.5 && tip.right <= box.left + box.cssWidth + 0.5, 'inside the chart');
    // The screen: the visual viewport, in the page's CSS px (this test page sets no viewport
    // meta, so a phone shows it zoomed out to the layout width).
    const vp = await page.evaluate(() => ({ x: visualViewport.offsetLeft, y: visualViewport.offsetTop, w: visualViewport.width, h: visualViewport.height }));
    assert.ok(tip.top >= vp.y - 0.5 && tip.bottom <= vp.y + vp.h + 0.5 && tip.left >= vp.x - 0.5 && tip.right <= vp.x + vp.w + 0.5, 'inside the screen');
    await page.waitForTimeout(400);
    assert.ok(await tipBox(id), 'the tooltip stays after the finger lifts');
    // The same item again: dismissed.
    await page.touchscreen.tap(spot.x, spot.y);
    await page.waitForTimeout(80);
    assert.equal(await tipBox(id), null, 'a second tap on the same item dismisses it');
    assert.equal((await lastHover(id)).item, null, 'charthover item: null');
  }
  await assertClean(page, problems);
});

test('a tap outside the chart, on the page, or on nothing in the chart dismisses it; nothing sticks', async () => {
  const spot = await findItem(page, 'sum', { match: '^Arrests: 9' });
  const box = await inspect(page, 'sum');
  // Outside the chart: the page margin beside it.
  await page.touchscreen.tap(spot.x, spot.y);
  await page.waitForTimeout(60);
  assert.ok(await tipBox('sum'));
  await page.touchscreen.tap(4, box.top + 20);
  await page.waitForTimeout(80);
  assert.equal(await tipBox('sum'), null, 'a tap on the page outside the chart dismisses it');
  assert.equal((await lastHover('sum')).item, null);

  // Elsewhere in the chart, on no item (the title area).
  await page.touchscreen.tap(spot.x, spot.y);
  await page.waitForTimeout(60);
  assert.ok(await tipBox('sum'));
  await page.touchscreen.tap(box.left + box.cssWidth - 6, box.top + 4);
  await page.waitForTimeout(80);
  assert.equal(await tipBox('sum'), null, 'a tap on nothing in the chart dismisses it');

  // Another item: moves there.
  const other = await findItem(page, 'sum', { match: '^Raids: 5' });
  await page.touchscreen.tap(spot.x, spot.y);
  await page.touchscreen.tap(other.x, other.y);
  await page.waitForTimeout(80);
  assert.match((await tipBox('sum'))?.text ?? '', /^Raids: 5/, 'a tap on another item shows that one');
  await page.touchscreen.tap(other.x, other.y);
  await page.waitForTimeout(300);
  const s = await inspect(page, 'sum');
  assert.equal(s.tooltip, null);
  assert.equal(s.marks, 0, 'no highlight is left behind after the finger leaves');
  assert.equal(await page.evaluate(() => document.getElementById('sum').hoveredItem), null, 'and no hover state');
  await assertClean(page, problems);
});
