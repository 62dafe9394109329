// Each view of the bundled Operation Cayman data renders crisply (backing store at the device
// pixel ratio), replaces the fallback, is labelled for screen readers, and its tooltips carry
// the reported numbers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addChart, assertClean, events, inkFraction, inspect, setup, sweep } from './harness.mjs';

const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** All integers in a text ("1,200" counts as 1200). */
const numbers = (text) => (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));

describe('Operation Cayman, each view at devicePixelRatio 2', () => {
  for (const view of VIEWS) {
    test(`${view}: renders at 2x, labelled, fallback hidden, ink on the canvas`, async () => {
      const { page, problems } = await env.open('/test/blank.html', { dpr: 2 });
      await addChart(page, { id: 'c', view, width: 640, src: '/data/operation-cayman.json' });
      const s = await inspect(page, 'c');
      assert.equal(s.cssWidth, 640, 'the chart takes its container width');
      assert.equal(s.width, 2 * s.cssWidth, 'backing store width = 2 x CSS width');
      assert.equal(s.height, Math.round(2 * s.cssHeight), 'backing store height = 2 x CSS height');
      assert.ok(s.cssHeight >= 150 && s.cssHeight <= 900, `a sensible height, got ${s.cssHeight}`);
      assert.equal(s.role, 'application');
      assert.match(s.ariaLabel ?? '', /Cayman|raid|arrest/i, 'the canvas has a meaningful accessible name');
      assert.equal(s.fallbackShown, false, 'the fallback <p> is hidden once the chart renders');
      assert.equal(s.alert, null, 'no error shown for good data');
      const ready = await events(page, 'c', 'chartready');
      assert.equal(ready[0].view, view);
      const ink = await inkFraction(page, 'c');
      assert.ok(ink > 0.01, `the canvas has something drawn on it (ink ${ink})`);
      await assertClean(page, problems);
    });
  }
});

// The sweeps run side by side: most of their time is Chromium waiting for the next frame.
describe('Operation Cayman tooltips, sweeping the pointer over each view', { concurrency: 4 }, () => {
  const sweepView = async (view, steps = { stepX: 8, stepY: 12 }) => {
    const { page, problems } = await env.open('/test/blank.html', { dpr: 2 });
    await addChart(page, { id: 'c', view, width: 640, src: '/data/operation-cayman.json' });
    const result = await sweep(page, 'c', steps);
    assert.ok(result.items.length > 0, `hovering ${view} found items`);
    for (const { item, tip, marks } of result.items) {
      assert.equal(typeof item.label, 'string');
      assert.ok(item.label.length > 0, 'charthover carries an item with a label');
      assert.equal(item.view, view);
      assert.ok(tip, `a tooltip is shown for ${item.kind} #${item.index}`);
      assert.equal(tip.text.replace(/\s+/g, ' ').trim(), item.label.replace(/\s+/g, ' ').trim(), 'the tooltip shows the label');
      assert.equal(tip.children, 0, 'the tooltip holds text only');
      assert.ok(tip.left >= -0.5 && tip.top >= -0.5 && tip.right <= result.box.cssWidth + 0.5 && tip.bottom <= result.box.cssHeight + 0.5,
        `the tooltip stays inside the chart: ${JSON.stringify(tip)} in ${result.box.cssWidth}x${result.box.cssHeight}`);
      assert.ok(marks >= 1, 'the hovered item is highlighted');
    }
    const last = result.hovers.at(-1);
    assert.equal(last.item, null, 'leaving the chart clears the hover (charthover item: null)');
    const after = await inspect(page, 'c');
    assert.equal(after.tooltip, null, 'the tooltip hides when the pointer leaves');
    await assertClean(page, problems);
    return result.items.map((h) => h.item);
  };

  test('summary: 17 raids, 33 arrests, 21 charged, 64% charged', async () => {
    const items = await sweepView('summary');
    const labels = items.map((i) => i.label);
    const all = labels.join('\n');
    assert.equal(items.length, 3, `three stages, got ${JSON.stringify(labels)}`);
    assert.ok(labels.some((l) => /raid/i.test(l) && numbers(l).includes(17)), `a raids stage with 17: ${all}`);
    assert.ok(labels.some((l) => /arrest/i.test(l) && numbers(l).includes(33)), `an arrests stage with 33: ${all}`);
    assert.ok(labels.some((l) => /charge/i.test(l) && numbers(l).includes(21) && /64\s?%/.test(l)), `a charged stage with 21 and 64%: ${all}`);
  });

  test('timeline: raids with their places, all 17 reachable', async () => {
    const items = await sweepView('timeline', { stepX: 6, stepY: 10 });
    const raids = items.filter((i) => i.kind === 'raid');
    const all = raids.map((i) => i.label).join('\n---\n');
    assert.ok(raids.length >= 12, `most of the 17 raids can be hovered, got ${raids.length}`);
    assert.match(all, /Orchard Street, Norwich/);
    assert.match(all, /Derby Street, Norwich/);
    assert.match(all, /Machete/i, 'the Derby Street raid lists its seizure');
    assert.match(all, /London/);
  });

  test('cumulative: the running totals end at 33 arrested and 21 charged', async () => {
    const all = await sweepView('cumulative');
    // The reporter's annotations are hovered too, on their labels above the lines.
    const notes = all.filter((i) => i.kind === 'annotation').map((i) => i.label.split('\n')[0]);
    assert.deepEqual(notes.sort(), ['Monday: about 40 officers briefed', 'Thursday afternoon: 17 raids, 33 arrested']);
    const items = all.filter((i) => i.kind !== 'annotation');
    assert.ok(items.length >= 2, 'several moments can be hovered');
    // "<n> arrested" and "<n> charged" as the reader sees them, left to right.
    const totals = items
      .map((i) => ({ x: i.anchor.x, label: i.label,
        arrested: Number(i.label.match(/(\d+)\s+arrested/)?.[1]), charged: Number(i.label.match(/(\d+)\s+charged/)?.[1]) }))
      .sort((a, b) => a.x - b.x);
    for (const t of totals) assert.ok(Number.isInteger(t.arrested) && Number.isInteger(t.charged), `running totals in ${JSON.stringify(t.label)}`);
    for (let k = 1; k < totals.length; k++) {
      assert.ok(totals[k].arrested >= totals[k - 1].arrested && totals[k].charged >= totals[k - 1].charged,
        `running totals never go down: ${totals[k - 1].label} -> ${totals[k].label}`);
    }
    const last = totals.at(-1);
    assert.equal(last.arrested, 33, `the last moment shows 33 arrested: ${last.label}`);
    assert.equal(last.charged, 21, `the last moment shows 21 charged: ${last.label}`);
  });

  test('areas: Norfolk and London, per-area numbers summing to the totals', async () => {
    const items = await sweepView('areas');
    // Each bar is an item of its own: an area's arrested and charged bars are both hovered, and
    // both tell the area's numbers; count each area once.
    const bars = items.filter((i) => i.kind === 'area');
    assert.deepEqual(bars.map((b) => `${b.values.area} ${b.values.series}`).sort(),
      ['London arrested', 'London charged', 'Norfolk arrested', 'Norfolk charged'], 'every bar is hovered on its own');
    const areas = bars.filter((b) => b.values.series === 'arrested');
    const byName = Object.fromEntries(areas.map((a) => [a.label.split('\n')[0].trim(), a.label]));
    assert.ok(Object.keys(byName).some((k) => /Norfolk/.test(k)), `a Norfolk area: ${Object.keys(byName)}`);
    assert.ok(Object.keys(byName).some((k) => /London/.test(k)), `a London area: ${Object.keys(byName)}`);
    // The number the reader sees right before the word ("13 raids", "23 arrested, 14 charged").
    const grab = (label, word) => {
      const m = label.match(new RegExp(`(\\d[\\d,]*)\\s+${word}`, 'i'));
      assert.ok(m, `"<n> ${word}" in ${JSON.stringify(label)}`);
      return Number(m[1].replace(/,/g, ''));
    };
    const sum = (word) => areas.reduce((s, a) => s + grab(a.label, word), 0);
    assert.equal(sum('raids?'), 17, 'raids per area sum to 17');
    assert.equal(sum('arrest(?:s|ed)'), 33, 'arrests per area sum to 33');
    assert.equal(sum('charged'), 21, 'charges per area sum to 21');
    for (const a of areas) {
      assert.equal(grab(a.label, 'arrest(?:s|ed)'), a.values.arrests, 'the label agrees with item.values');
    }
  });
});

// Raids minutes apart are spread up and down within their lane (the dodge): each of Cayman's
// Monday morning raids in Norfolk can be hovered on its own, with the real pointer.
test('timeline: each of the Monday morning Norfolk raids is hovered on its own', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 2 });
  await addChart(page, { id: 'c', view: 'timeline', width: 640, src: '/data/operation-cayman.json' });
  // Where each raid is drawn: the ring the keyboard focus highlights, walked in time order.
  await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('Home');
  for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  const walked = (await events(page, 'c', 'charthover')).map((h) => h.item).filter((i) => i?.kind === 'raid');
  const monday = [...new Map(walked
    .filter((i) => i.values.area === 'Norfolk' && i.values.time.startsWith('2018-04-16'))
    .map((i) => [i.index, i])).values()];
  assert.equal(monday.length, 6, `six Norfolk raids on Monday morning: ${monday.map((i) => i.values.time)}`);
  const centre = (item) => {
    const ring = item.marks.find((m) => m.round);
    return { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
  };
  const centres = monday.map(centre);
  const ys = new Set(centres.map((c) => Math.round(c.y)));
  assert.ok(ys.size >= 3, `spread up and down, not on one line: ${JSON.stringify(centres)}`);
  // Move the real pointer onto each centre: each answers its own raid.
  const box = await inspect(page, 'c');
  const hovered = [];
  for (const [k, c] of centres.entries()) {
    await page.mouse.move(box.left + c.x, box.top + c.y, { steps: 4 });
    await page.waitForTimeout(60);
    const h = (await events(page, 'c', 'charthover')).at(-1);
    assert.equal(h.item?.index, monday[k].index, `the pointer on ${monday[k].values.time} finds that raid, got ${h.item?.label}`);
    assert.equal(h.tip?.text, monday[k].label, 'its tooltip shows');
    hovered.push(h.item.index);
  }
  assert.equal(new Set(hovered).size, 6, `six distinct raids: ${hovered}`);
  // The description says the marks were spread.
  const about = await page.evaluate(() => document.getElementById('c').shadowRoot.getElementById('about').textContent);
  assert.match(about, /Raids close in time are spread up and down within their lane so each can be seen; their position across still shows the time\./);
  await assertClean(page, problems);
});
