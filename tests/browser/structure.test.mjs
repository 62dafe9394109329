// The chart's structure for keyboard readers (the Chartability audit): in the areas view every
// single bar is reached with Left and Right, announced with its area and series; and each row of
// the data table is linked to its mark: focusing the row highlights the mark where the core puts
// it and shows its tooltip, and the focus leaving clears it. Real keys, real clicks, real Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { a11yState, addChart, assertClean, events, findItem, setup } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
let page;
let problems;
before(async () => {
  env = await setup();
  ({ page, problems } = await env.open('/test/blank.html', { width: 900, height: 1400 }));
  await addChart(page, { id: 'areas', view: 'areas', width: 640, src: '/data/operation-cayman.json' });
  await addChart(page, { id: 'tl', view: 'timeline', width: 700, data: lantern() });
});
after(async () => { await env?.close(); });

const press = (key) => page.keyboard.press(key);
const lastHover = async (id) => (await events(page, id, 'charthover')).at(-1);

/** The highlight boxes drawn over the canvas (CSS px from its top left), and the tooltip. */
const overlay = (id) => page.evaluate((id) => {
  const root = document.getElementById(id).shadowRoot;
  const c = root.querySelector('canvas').getBoundingClientRect();
  const marks = [...root.querySelectorAll('.mark')].filter((m) => !m.hidden).map((m) => {
    const r = m.getBoundingClientRect();
    return { x: r.left - c.left, y: r.top - c.top, width: r.width, height: r.height, className: m.className };
  });
  const tip = root.querySelector('[role="tooltip"]');
  return { marks, tooltip: tip.hidden ? null : tip.textContent };
}, id);

const near = (a, b, why) => assert.ok(Math.abs(a - b) < 0.6, `${why}: ${a} vs ${b}`);

describe('areas: every bar', () => {
  test('Left and Right reach each bar of a series, Up and Right the other series; each says its area and series', async () => {
    await page.evaluate(() => document.getElementById('areas').shadowRoot.querySelector('canvas').focus());
    const seen = new Map();
    const bar = async (key, live) => {
      await press(key);
      const { item } = await lastHover('areas');
      assert.ok(item, `${key}: a bar is focused`);
      const st = await a11yState(page, 'areas');
      assert.equal(st.live.text.trim().split('. ')[0], live, `${key}: announced with its area, series and place`);
      // The highlight is exactly the bar the core says, and only it.
      const o = await overlay('areas');
      assert.equal(o.marks.length, 1, `${key}: one bar highlighted`);
      const [m] = item.marks;
      near(o.marks[0].x, m.x, 'the highlight is on the bar (x)');
      near(o.marks[0].y, m.y, 'the highlight is on the bar (y)');
      near(o.marks[0].width, m.width, 'the highlight is the bar\'s width');
      assert.match(o.marks[0].className, /focus/);
      seen.set(item.index, `${item.values.area} ${item.values.series}`);
      return item;
    };
    await bar('ArrowRight', 'Norfolk, people arrested, bar 1 of 2');
    await bar('ArrowRight', 'London, people arrested, bar 2 of 2');
    await press('ArrowUp');
    assert.match((await a11yState(page, 'areas')).live.text, /^People arrested, series 1 of 2: 33 across 2 areas\./);
    await press('ArrowRight');
    assert.match((await a11yState(page, 'areas')).live.text, /^People charged, series 2 of 2: 21 across 2 areas\./);
    const charged = await bar('ArrowDown', 'London, people charged, bar 2 of 2');
    assert.equal(charged.values.series, 'charged');
    await bar('ArrowLeft', 'Norfolk, people charged, bar 1 of 2');
    await bar('ArrowLeft', 'Norfolk, people charged, bar 1 of 2');
    assert.deepEqual([...seen.values()].sort(), ['London arrested', 'London charged', 'Norfolk arrested', 'Norfolk charged'], 'every bar reached');
    await press('Escape');
    assert.equal((await overlay('areas')).tooltip, null, 'Escape closes the details');
    // The pointer finds a single bar too: the charged bar of London, not the whole area.
    const spot = await findItem(page, 'areas', { match: '^London' });
    assert.ok(spot, 'London is hovered');
    assert.equal(spot.item.marks.length, 1, 'hovering highlights one bar');
    await page.evaluate(() => document.getElementById('areas').shadowRoot.activeElement?.blur());
    await assertClean(page, problems);
  });
});

describe('the data table', () => {
  test('focusing a row highlights its mark where the core puts it and shows its text; leaving clears it', async () => {
    await page.locator('#areas').getByRole('button', { name: 'Show data' }).click();
    // The core's item for London's arrested bar, found by the pointer, independently of the table.
    const spot = await findItem(page, 'areas', { match: '^London', region: null });
    await page.mouse.move(1, 1);
    const rows = page.locator('#areas').locator('tbody tr');
    assert.equal(await rows.nth(0).getAttribute('tabindex'), '0', 'a row with a mark is focusable');
    const total = rows.filter({ hasText: 'Total' });
    assert.equal(await total.getAttribute('tabindex'), null, 'the totals row has no mark, and no tab stop');
    await rows.nth(0).focus();
    await press('Tab'); // a real key, from Norfolk's row to London's
    const focusedRow = await page.evaluate(() => document.getElementById('areas').shadowRoot.activeElement?.querySelector('th')?.textContent);
    assert.equal(focusedRow, 'London');
    const { item } = await lastHover('areas');
    assert.ok(item, 'charthover gives the row\'s item');
    assert.equal(item.values.area, 'London');
    const o = await overlay('areas');
    assert.equal(o.tooltip, item.label, 'the tooltip shows the item\'s text');
    assert.match(o.tooltip, /^London\n4 raids\n10 arrested, 7 charged/);
    assert.equal(o.marks.length, 1);
    // The highlight sits on the bar whose top the core's anchor points at.
    near(o.marks[0].x + o.marks[0].width / 2, item.anchor.x, 'centred on the anchor');
    near(o.marks[0].y, item.anchor.y, 'its top at the anchor');
    assert.ok(spot.item.index === item.index || spot.item.values.area === 'London', 'the same area the pointer finds');
    assert.match(o.marks[0].className, /focus/, 'the keyboard\'s focus ring');
    await press('Tab'); // on past the last row with a mark, out of the table
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'areas', 'the focus left the chart');
    const after = await overlay('areas');
    assert.equal(after.tooltip, null, 'blur clears the tooltip');
    assert.deepEqual(after.marks, [], 'and the highlight');
    assert.equal((await lastHover('areas')).item, null);
    await page.locator('#areas').getByRole('button', { name: 'Show data' }).click();
  });

  test('a timeline row rings its raid: the ring is centred under the core\'s anchor', async () => {
    await page.locator('#tl').getByRole('button', { name: 'Show data' }).click();
    const row = page.locator('#tl').locator('tbody tr').filter({ hasText: 'Canal Row, Eastbridge' });
    await row.focus();
    const { item } = await lastHover('tl');
    assert.match(item.label, /^Canal Row, Eastbridge/);
    const o = await overlay('tl');
    const ring = o.marks.find((m) => /round/.test(m.className));
    assert.ok(ring, `a ring: ${JSON.stringify(o.marks)}`);
    near(ring.x + ring.width / 2, item.anchor.x, 'the ring is centred on the anchor\'s x');
    assert.ok(ring.y < item.anchor.y && item.anchor.y < ring.y + ring.height / 2, 'the anchor is the top of the mark, inside the ring');
    assert.equal(o.tooltip, item.label);
    await page.evaluate(() => document.getElementById('tl').shadowRoot.activeElement?.blur());
    assert.equal((await overlay('tl')).tooltip, null, 'blur clears it');
    await assertClean(page, problems);
  });
});
