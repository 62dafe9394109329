// Keyboard and screen-reader readers: one tab stop for the data, arrow keys through the items
// (via the core's navigate), Home/End/Escape, a polite live region, the accessible name and
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
  test('Tab enters the data, arrows move through raids and lanes, Home/End, Escape, Tab leaves', async () => {
    await page.focus('#before');
    await press('Tab');
    let s = await a11yState(page, 'tl');
    assert.equal(s.focused, 'canvas', 'one Tab lands on the chart data');
    const hoversBefore = (await events(page, 'tl', 'charthover')).length;

    const step = async (key, re, why) => {
      await press(key);
      const h = await lastHover('tl');
      assert.ok(h.item, `${key}: an item is focused`);
      assert.match(h.item.label, re, `${why}: ${h.item.label}`);
      const st = await a11yState(page, 'tl');
      assert.equal(st.tooltip, h.item.label, `${key}: the tooltip shows the same text as on hover`);
      assert.equal(st.live.text.trim(), spoken(h.item.label), `${key}: the live region announces the item as one sentence`);
      assert.ok(st.marks.some((c) => /\bfocus\b/.test(c)), `${key}: the focused item has a focus ring`);
      return h.item;
    };
    const first = await step('ArrowRight', /^Mill Lane, Westmoor\nMon 1 Mar 2021/, 'the first raid in time');
    assert.equal((await a11yState(page, 'tl')).live.politeness, 'polite');
    await step('ArrowRight', /^Dock Road, Westmoor/, 'then the next raid in time');
    const down = await step('ArrowDown', /Area: Eastbridge/, 'Down moves to the Eastbridge lane');
    assert.notEqual(down.lane, first.lane);
    await step('ArrowUp', /Area: Westmoor/, 'Up moves back to the Westmoor lane');
    await step('End', /^Station Yard, Eastbridge/, 'End goes to the last raid');
    await step('Home', /^Mill Lane, Westmoor/, 'Home goes to the first raid');
    await step('ArrowLeft', /^Mill Lane, Westmoor/, 'Left at the first raid stays there');
    const keyHovers = (await events(page, 'tl', 'charthover')).slice(hoversBefore);
    assert.ok(keyHovers.length >= 5 && keyHovers.every((h) => h.item?.label), 'charthover fired for each keyboard move');

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

  test('cumulative: Up/Down switch between the arrested and charged series', async () => {
    await page.evaluate(() => document.getElementById('cum').shadowRoot.querySelector('canvas').focus());
    await press('End');
    const end = (await lastHover('cum')).item;
    assert.match(end.label, /So far: 33 arrested/, `End: the last moment of the series: ${end.label}`);
    await press('Home');
    const a = (await lastHover('cum')).item;
    assert.match(a.label, /So far: 5 arrested, 0 charged/, a.label);
    await press('ArrowDown');
    const b = (await lastHover('cum')).item;
    assert.notEqual(b.lane, a.lane, 'Down changes series');
    assert.match(b.label, /charged/, `a moment of the charged series: ${b.label}`);
    assert.match(b.label, /\+\d+ charged/, `where someone was charged: ${b.label}`);
    await press('ArrowUp');
    const c = (await lastHover('cum')).item;
    assert.equal(c.lane, a.lane, 'Up goes back to the arrested series');
    assert.match(c.label, /\+\d+ arrested/, c.label);
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
