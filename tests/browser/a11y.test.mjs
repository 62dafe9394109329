// Keyboard and screen-reader readers: one tab stop for the data, arrow keys through the chart's
// structure (via the core's navigate: items, Up to the lanes or series, Up to the summary,
// Down or Enter back in), Home/End/Escape, a polite live region, the accessible name and
// description written from the data, the data table behind "Show data", legend toggle buttons,
// and axe with no violations at all. One page, four charts, in the order the tests need.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { a11yState, addChart, assertClean, events, setup, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
let page;
let problems;
before(async () => {
  env = await setup();
  ({ page, problems } = await env.open('/test/a11y.html', { width: 900 }));
  await addChart(page, { id: 'tl', view: 'timeline', width: 700, data: lantern() });
  await addChart(page, { id: 'cum', view: 'cumulative', width: 700, src: '/data/operation-cayman.json' });
  await addChart(page, { id: 'sum', view: 'summary', width: 500, data: lantern() });
  await addChart(page, { id: 'areas', view: 'areas', width: 500, src: '/data/operation-cayman.json' });
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'after';
    b.textContent = 'After the charts';
    document.getElementById('stage').append(b);
  });
});
after(async () => { await env?.close(); });

const press = async (key) => { await page.keyboard.press(key); };
const lastHover = async (id) => (await events(page, id, 'charthover')).at(-1);
/** What the live region must say for a label: its lines joined into one sentence. */
const spoken = (label) => label.split('\n').map((l) => l.trim().replace(/\.+$/, '')).filter(Boolean).join('. ');

describe('screen readers', () => {
  test('the accessible name and description tell the story with the real numbers', async () => {
    const label = (id) => page.evaluate((id) => {
      const c = document.getElementById(id).shadowRoot.querySelector('canvas');
      return { label: c.getAttribute('aria-label'), role: c.getAttribute('role'), roledescription: c.getAttribute('aria-roledescription'), tabindex: c.tabIndex };
    }, id);
    const cayman = await label('cum');
    assert.match(cayman.label, /Operation Cayman/);
    for (const s of ['17 raids', '33 arrests', '21 of those arrested', '64%', 'Norfolk']) {
      assert.ok(cayman.label.includes(s), `Cayman's description says "${s}": ${cayman.label}`);
    }
    const lan = await label('sum');
    assert.match(lan.label, /Operation Lantern/);
    for (const s of ['5 raids', '9 arrests', '4 of those arrested', '44%', 'Eastbridge']) {
      assert.ok(lan.label.includes(s), `Lantern's description says "${s}": ${lan.label}`);
    }
    assert.equal(lan.role, 'application');
    assert.match(lan.roledescription, /chart/);
    assert.equal(lan.tabindex, 0, 'the data is a tab stop');
    // As assistive technology gets it (Playwright's accessibility snapshot, through the shadow root).
    const snap = await page.locator('#sum').ariaSnapshot();
    assert.match(snap, /application "Operation Lantern \(test data\)\. 5 raids over four days led to 9 arrests; 4 of those arrested \(44%\)/, snap);
  });

  test('the data table holds the same numbers, hidden until "Show data", rebuilt on change', async () => {
    let s = await a11yState(page, 'sum');
    assert.match(s.table.caption, /Operation Lantern/);
    assert.deepEqual(s.table.columns.map((c) => c.scope), s.table.columns.map(() => 'col'));
    assert.ok(s.table.rowHeaders.length === 3 && s.table.rowHeaders.every((x) => x === 'row'), 'each row has a row header');
    const byStage = Object.fromEntries(s.table.rows.map((r) => [r[0], r]));
    assert.equal(byStage.Raids[1], '5');
    assert.equal(byStage.Arrests[1], '9');
    assert.equal(byStage.Charged[1], '4');
    assert.ok(byStage.Charged.some((c) => c.includes('44%')), JSON.stringify(byStage.Charged));
    assert.equal(s.table.shown, false, 'visually hidden by default');
    assert.deepEqual(s.showData, { expanded: 'false', controls: s.showData.controls, controlsExists: true });

    const cum = await a11yState(page, 'cum');
    const last = cum.table.rows.at(-1);
    assert.ok(last.includes('33') && last.includes('21'), `the running totals end at 33 and 21: ${last}`);

    // The triangle drawn before the text (a CSS ::before) is decoration, not part of the name.
    const named = (expanded) => page.locator('#sum').getByRole('button', { name: 'Show data', exact: true, expanded }).count();
    assert.equal(await named(false), 1, 'the button is named exactly "Show data", without the ▸');
    await page.locator('#sum').getByRole('button', { name: 'Show data' }).click();
    s = await a11yState(page, 'sum');
    assert.equal(s.showData.expanded, 'true');
    assert.equal(await named(true), 1, 'open, it is still named exactly "Show data" (without the ▾), and expanded');
    assert.equal(s.table.shown, true, 'Show data makes the table visible');
    await page.locator('#sum').getByRole('button', { name: 'Show data' }).press('Enter');
    s = await a11yState(page, 'sum');
    assert.equal(s.showData.expanded, 'false');
    assert.equal(s.table.shown, false, 'and hides it again (keyboard)');

    // New data and a new view rebuild it.
    const doc = lantern();
    doc.events.push({ type: 'raid', id: 'r6', time: '2021-03-05T06:00:00Z', place: 'Quay Street, Westmoor', area: 'Westmoor' });
    await page.evaluate((d) => { document.getElementById('sum').data = d; }, doc);
    await waitForEvent(page, 'sum', 'chartready', 2);
    s = await a11yState(page, 'sum');
    assert.equal(s.table.rows.find((r) => r[0] === 'Raids')[1], '6', 'the table follows new data');
    await page.evaluate(() => document.getElementById('sum').setAttribute('view', 'areas'));
    await waitForEvent(page, 'sum', 'chartready', 3);
    s = await a11yState(page, 'sum');
    const westmoor = s.table.rows.find((r) => r[0] === 'Westmoor');
    assert.ok(westmoor, `the areas table has a Westmoor row: ${JSON.stringify(s.table.rows)}`);
    assert.ok(westmoor.includes('3') && westmoor.includes('4'), `Westmoor: 3 raids, 4 arrested: ${westmoor}`);
    await page.evaluate(() => document.getElementById('sum').setAttribute('view', 'summary'));
    await waitForEvent(page, 'sum', 'chartready', 4);
  });
});

describe('keyboard', () => {
  test('Tab enters the data, arrows move through a lane, Up to the lanes and the summary, Down back in, Escape, Tab leaves', async () => {
    await page.focus('#before');
    await press('Tab');
    let s = await a11yState(page, 'tl');
    assert.equal(s.focused, 'canvas', 'one Tab lands on the chart data');
    const hoversBefore = (await events(page, 'tl', 'charthover')).length;

    // An item: its tooltip, a focus ring, and the live region gives its lane and position first.
    const step = async (key, re, context, why) => {
      await press(key);
      const h = await lastHover('tl');
      assert.ok(h.item, `${key}: an item is focused`);
      assert.match(h.item.label, re, `${why}: ${h.item.label}`);
      const st = await a11yState(page, 'tl');
      assert.equal(st.tooltip, h.item.label, `${key}: the tooltip shows the same text as on hover`);
      assert.equal(st.live.text.trim(), `${context}. ${spoken(h.item.label)}`, `${key}: the live region gives the position, then the item as one sentence`);
      assert.ok(st.marks.some((c) => /\bfocus\b/.test(c)), `${key}: the focused item has a focus ring`);
      return h.item;
    };
    // A lane or the summary: no item (charthover says none), its sentence as the tooltip.
    const level = async (key, live, tooltip, why) => {
      await press(key);
      assert.equal((await lastHover('tl')).item, null, `${key}: ${why}: no item is focused`);
      const st = await a11yState(page, 'tl');
      assert.equal(st.live.text.trim(), live, `${key}: ${why}: announced`);
      assert.equal(st.tooltip, tooltip, `${key}: ${why}: the tooltip says it`);
      return st;
    };
    const first = await step('ArrowRight', /^Mill Lane, Westmoor\nMon 1 Mar 2021/, 'Westmoor, raid 1 of 2', 'the first raid in time, as before');
    assert.equal((await a11yState(page, 'tl')).live.politeness, 'polite');
    await step('ArrowRight', /^Dock Road, Westmoor/, 'Westmoor, raid 2 of 2', 'then the next raid of the lane');
    await step('ArrowRight', /^Dock Road, Westmoor/, 'Westmoor, raid 2 of 2', 'Right stays in the lane at its end');
    let st = await level('ArrowUp', 'Westmoor, lane 1 of 2: 2 raids, 4 people arrested. Down or Enter to go through them.',
      'Westmoor: 2 raids, 4 people arrested', 'Up rises to the lane');
    assert.deepEqual(st.marks.filter((c) => /focus/.test(c)).length, 1, `the lane is outlined: ${st.marks}`);
    await level('ArrowRight', 'Eastbridge, lane 2 of 2: 3 raids, 5 people arrested. Down or Enter to go through them.',
      'Eastbridge: 3 raids, 5 people arrested', 'Right moves among the lanes');
    const down = await step('ArrowDown', /^High Street, Eastbridge/, 'Eastbridge, raid 1 of 3', 'Down enters the lane near the raid left');
    assert.notEqual(down.lane, first.lane);
    await step('End', /^Station Yard, Eastbridge/, 'Eastbridge, raid 3 of 3', 'End goes to the lane\'s last raid');
    await step('Home', /^High Street, Eastbridge/, 'Eastbridge, raid 1 of 3', 'Home goes to its first');
    await step('ArrowLeft', /^High Street, Eastbridge/, 'Eastbridge, raid 1 of 3', 'Left at the first raid stays there');
    await press('ArrowUp');
    st = await a11yState(page, 'tl');
    await press('ArrowUp');
    st = await a11yState(page, 'tl');
    assert.match(st.live.text, /^About this chart, 1 of \d+: Operation Lantern|^About this chart, 1 of \d+: 5 raids over four days/, `Up, Up: the summary: ${st.live.text}`);
    assert.equal((await lastHover('tl')).item, null);
    assert.deepEqual(st.marks, [], 'the summary highlights no mark');
    assert.ok(st.tooltip && st.live.text.includes(st.tooltip), 'its sentence is the tooltip');
    await press('ArrowRight');
    st = await a11yState(page, 'tl');
    assert.match(st.live.text, /^About this chart, 2 of \d+: /, `Right reads the next sentence: ${st.live.text}`);
    await press('ArrowDown');
    assert.match((await a11yState(page, 'tl')).live.text, /^Eastbridge, lane 2 of 2/, 'Down goes back to the lane');
    await step('Enter', /^High Street, Eastbridge/, 'Eastbridge, raid 1 of 3', 'Enter goes in, to the raid left');
    const keyHovers = (await events(page, 'tl', 'charthover')).slice(hoversBefore);
    assert.ok(keyHovers.filter((h) => h.item?.label).length >= 6, 'charthover fired for each item reached');

    await press('Escape');
    assert.equal((await lastHover('tl')).item, null, 'Escape: charthover with item null');
    s = await a11yState(page, 'tl');
    assert.equal(s.tooltip, null, 'Escape closes the tooltip');
    assert.equal(s.focused, 'canvas', 'and keeps the focus on the chart');

    // The controls, then out of the chart: no trap.
    await press('ArrowRight');
    assert.ok((await a11yState(page, 'tl')).tooltip);
    await press('Tab');
    s = await a11yState(page, 'tl');
    assert.equal(s.focused, 'Hide Westmoor', 'Tab goes on to the legend buttons');
    assert.equal(s.tooltip, null, 'focus leaving the data clears the keyboard highlight');
    assert.deepEqual(s.marks, []);
    assert.equal((await lastHover('tl')).item, null);
    await press('Tab');
    assert.equal((await a11yState(page, 'tl')).focused, 'Hide Eastbridge');
    await press('Tab');
    assert.equal((await a11yState(page, 'tl')).focused, 'Show data');
    await press('Tab');
    assert.equal((await a11yState(page, 'tl')).focused, null, 'Tab leaves the chart');
    assert.equal((await a11yState(page, 'cum')).focused, 'canvas', 'and reaches the next chart');
    // Every chart lets go: tab on through all of them to the button after.
    for (let i = 0; i < 12; i++) {
      if (await page.evaluate(() => document.activeElement?.id === 'after')) break;
      await press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'after', 'Tab reaches the element after the charts');
    await assertClean(page, problems);
  });

  test('cumulative: Up to the series, Right to the charged series, Down into it, and back', async () => {
    await page.evaluate(() => document.getElementById('cum').shadowRoot.querySelector('canvas').focus());
    const live = async () => (await a11yState(page, 'cum')).live.text.trim();
    await press('End');
    const end = (await lastHover('cum')).item;
    assert.match(end.label, /So far: 33 arrested/, `End: the last moment of the series: ${end.label}`);
    assert.match(await live(), /^People arrested, change 16 of 16\. /);
    await press('Home');
    const a = (await lastHover('cum')).item;
    assert.match(a.label, /So far: 5 arrested, 0 charged/, a.label);
    await press('ArrowUp');
    assert.match(await live(), /^People arrested, series 1 of 3: 33 by Thu 19 Apr 2018, 06:50, in 16 changes\./);
    await press('ArrowRight');
    assert.match(await live(), /^People charged, series 2 of 3: 21 by Thu 19 Apr 2018, in 2 changes\./);
    await press('ArrowDown');
    const b = (await lastHover('cum')).item;
    assert.notEqual(b.lane, a.lane, 'Down enters the other series');
    assert.match(b.label, /\+\d+ charged/, `where someone was charged: ${b.label}`);
    assert.match(await live(), /^People charged, change 1 of 2\. /);
    for (const k of ['ArrowUp', 'ArrowLeft', 'ArrowDown']) await press(k);
    const c = (await lastHover('cum')).item;
    assert.equal(c.lane, a.lane, 'Up, Left, Down: back in the arrested series');
    assert.ok(Math.abs(c.anchor.x - b.anchor.x) <= Math.abs(a.anchor.x - b.anchor.x), 'at the arrested moment nearest in time to the charge left');
    assert.match(await live(), /^People arrested, change \d+ of 16\. /);
    // The focus ring is drawn for the focused item; the guide line marks its time.
    const s = await a11yState(page, 'cum');
    assert.ok(s.marks.some((m) => /guide/.test(m)), `a guide line at the moment: ${s.marks}`);
    assert.ok(s.marks.some((m) => /focus/.test(m)));
    await page.focus('#before');
    assert.equal((await a11yState(page, 'cum')).tooltip, null, 'blur clears it');
  });

  test('the focus ring contrasts with the chart in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.getElementById('sum').setAttribute('theme', t), theme);
      await page.waitForTimeout(50);
      await page.evaluate(() => document.getElementById('sum').shadowRoot.querySelector('canvas').focus());
      await press('Home');
      const ring = await page.evaluate(() => {
        const m = document.getElementById('sum').shadowRoot.querySelector('.mark.focus');
        const cs = getComputedStyle(m);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
      });
      assert.equal(ring.style, 'solid');
      assert.ok(ring.width >= 2);
      const rgb = ring.color.match(/\d+/g).map(Number);
      const lum = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      const L = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
      const bg = theme === 'dark' ? 0.0080 : 1; // the chart backgrounds #161616 and #ffffff
      const ratio = (Math.max(L, bg) + 0.05) / (Math.min(L, bg) + 0.05);
      assert.ok(ratio >= 3, `${theme}: focus ring ${ring.color} has ${ratio.toFixed(1)}:1 against the background`);
    }
    await page.evaluate(() => document.getElementById('sum').removeAttribute('theme'));
    await page.focus('#before');
  });
});

describe('legend', () => {
  test('legend entries are toggle buttons; hiding Charged redraws; the last visible one is refused', async () => {
    const canvas = () => page.evaluate(() => document.getElementById('cum').shadowRoot.querySelector('canvas').toDataURL());
    let s = await a11yState(page, 'cum');
    assert.deepEqual(s.legend, [{ name: 'Hide Arrested', pressed: 'false' }, { name: 'Hide Charged', pressed: 'false' }]);
    const before = await canvas();
    const n = (await events(page, 'cum', 'chartready')).length;
    // A real click where the canvas draws the legend entry.
    await page.locator('#cum').getByRole('button', { name: 'Hide Charged' }).click();
    await waitForEvent(page, 'cum', 'chartready', n + 1);
    await page.waitForTimeout(800); // past the change transition
    s = await a11yState(page, 'cum');
    assert.deepEqual(s.legend.map((b) => b.pressed), ['false', 'true'], 'Charged is now pressed (hidden)');
    const hidden = await canvas();
    assert.notEqual(hidden, before, 'the chart changed');

    // The last visible series cannot go: the core refuses, the button says so by not changing.
    await page.locator('#cum').getByRole('button', { name: 'Hide Arrested' }).focus();
    await press('Space');
    await page.waitForTimeout(150);
    s = await a11yState(page, 'cum');
    assert.deepEqual(s.legend.map((b) => b.pressed), ['false', 'true'], 'hiding the last one is refused');
    assert.match(s.live.text, /Arrested/, `the refusal is announced: ${s.live.text}`);
    assert.equal(await canvas(), hidden, 'nothing was redrawn');

    await page.locator('#cum').getByRole('button', { name: 'Hide Charged' }).press('Enter');
    await waitForEvent(page, 'cum', 'chartready', n + 2);
    s = await a11yState(page, 'cum');
    assert.deepEqual(s.legend.map((b) => b.pressed), ['false', 'false'], 'Charged is shown again');
    await page.focus('#before');
    await assertClean(page, problems);
  });
});

describe('axe', () => {
  const check = async (what) => {
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`), [], `${what}: no axe violations`);
  };
  test('no violations with every view, light and dark, table shown and hidden, item focused', async () => {
    await check('light');
    await page.locator('#areas').getByRole('button', { name: 'Show data' }).click();
    await page.evaluate(() => document.getElementById('tl').shadowRoot.querySelector('canvas').focus());
    await press('ArrowRight');
    await check('light, a table shown and an item focused');
    await press('ArrowUp');
    await check('light, a lane focused');
    await page.locator('#tl').getByRole('button', { name: 'Show data' }).click();
    await page.locator('#tl').locator('tbody tr[tabindex="0"]').first().focus();
    await check('light, a table row focused and its mark shown');
    await page.locator('#tl').getByRole('button', { name: 'Show data' }).click();
    await page.focus('#before');
    await page.keyboard.press('Tab');
    await check('light, the keyboard cue shown');
    const n = await page.evaluate(() => {
      const ids = ['tl', 'cum', 'sum', 'areas'];
      const counts = ids.map((id) => (window.__events ?? []).filter((e) => e.id === id && e.type === 'chartready').length);
      document.documentElement.classList.add('dark');
      return counts;
    });
    for (const [i, id] of ['tl', 'cum', 'sum', 'areas'].entries()) await waitForEvent(page, id, 'chartready', n[i] + 1);
    await check('dark');
    await assertClean(page, problems);
  });
});
