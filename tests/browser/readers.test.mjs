// The readers' second pass (the Chartability audit): what a reader gets from the tooltip, the
// legend, the data table, the chart's role and visible keyboard hint, updates, and the table's
// sorting and CSV download. Each test asserts the reader's outcome: text, focus, attributes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { a11yState, addChart, assertClean, events, findItem, inspect, setup, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const lastHover = async (page, id) => (await events(page, id, 'charthover')).at(-1);

describe('the tooltip (WCAG 1.4.13)', () => {
  test('hoverable, dismissable with Escape, and persistent until the pointer leaves both', async () => {
    const { page, problems } = await env.open('/test/blank.html', { width: 800, height: 900 });
    await addChart(page, { id: 'c', view: 'summary', width: 640, data: lantern() });
    const tipBox = () => inspect(page, 'c').then((s) => s.tooltip);
    const hoverArrests = async () => {
      const spot = await findItem(page, 'c', { match: '^Arrests' });
      assert.ok(spot, 'the arrests stage can be hovered');
      await page.mouse.move(spot.x, spot.y);
      const tip = await tipBox();
      assert.equal(tip?.text, spot.item.label, 'hovering shows the tooltip');
      return { spot, tip };
    };
    const ontoTip = async (spot, tip) => {
      // From the item straight onto the middle of the tooltip, in small steps.
      await page.mouse.move((tip.left + tip.right) / 2, (tip.top + tip.bottom) / 2, { steps: 12 });
    };

    // Hoverable: moving onto the tooltip keeps it, with the same item, and moving within it too.
    let { spot, tip } = await hoverArrests();
    const hovers = (await events(page, 'c', 'charthover')).length;
    await ontoTip(spot, tip);
    await page.mouse.move(tip.left + 3, tip.top + 3, { steps: 4 });
    assert.equal((await tipBox())?.text, spot.item.label, 'the tooltip stays while the pointer is on it');
    assert.equal((await events(page, 'c', 'charthover')).length, hovers, 'and the hovered item does not change');
    const picked = await page.evaluate(() => {
      const el = document.getElementById('c');
      const tipEl = el.shadowRoot.querySelector('[role="tooltip"]');
      const r = tipEl.getBoundingClientRect();
      const hit = el.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit === tipEl;
    });
    assert.ok(picked, 'the pointer is over the tooltip itself (its text can be selected)');

    // Dismissable: Escape closes it while the pointer is still on it.
    await page.keyboard.press('Escape');
    assert.equal(await tipBox(), null, 'Escape closes the tooltip');
    assert.equal((await lastHover(page, 'c')).item, null, 'charthover says nothing is shown');

    // Persistent: it closes when the pointer leaves both the chart and the tooltip.
    await page.mouse.move(2, 2);
    ({ spot, tip } = await hoverArrests());
    await ontoTip(spot, tip);
    await page.waitForTimeout(600);
    assert.equal((await tipBox())?.text, spot.item.label, 'no timeout closes it');
    const box = await inspect(page, 'c');
    await page.mouse.move((tip.left + tip.right) / 2, box.top + box.cssHeight + 40, { steps: 8 });
    assert.equal(await tipBox(), null, 'leaving the tooltip and the chart closes it');
    assert.equal((await lastHover(page, 'c')).item, null);

    // Back from the tooltip onto another item: the tooltip follows the pointer again.
    const raids = await findItem(page, 'c', { match: '^Raids' });
    assert.ok(raids, 'the raids stage can be hovered');
    ({ spot, tip } = await hoverArrests());
    await ontoTip(spot, tip);
    await page.mouse.move(raids.x, raids.y, { steps: 6 });
    assert.equal((await tipBox())?.text, raids.item.label, 'from the tooltip onto another item, it shows that item');
    await assertClean(page, problems);
  });
});

describe('keyboard and screen readers', () => {
  let page;
  let problems;
  before(async () => {
    ({ page, problems } = await env.open('/test/a11y.html', { width: 900 }));
    await addChart(page, { id: 'cum', view: 'cumulative', width: 700, data: lantern() });
    await addChart(page, { id: 'sum', view: 'summary', width: 500, data: lantern() });
  });

  /** The accessible description of chart `id`'s canvas, as Chromium computes it. */
  const description = async (id) => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const label = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('canvas').getAttribute('aria-label'), id);
    const node = nodes.find((n) => n.name?.value === label);
    return node?.description?.value ?? null;
  };

  /** The element focused inside chart `id`'s shadow root, by its name or text, or null. */
  const focused = async (id) => (await a11yState(page, id)).focused;

  test('toggling a legend button keeps the focus on that button', async () => {
    const button = page.locator('#cum').getByRole('button', { name: 'Hide Charged' });
    await button.focus();
    let n = (await events(page, 'cum', 'chartready')).length;
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'cum', 'chartready', n + 1);
    let s = await a11yState(page, 'cum');
    assert.deepEqual(s.legend.map((b) => b.pressed), ['false', 'true'], 'Charged is hidden');
    assert.equal(s.focused, 'Hide Charged', 'the focus stays on the button pressed (not <body>)');
    n += 1;
    await page.keyboard.press('Space');
    await waitForEvent(page, 'cum', 'chartready', n + 1);
    s = await a11yState(page, 'cum');
    assert.deepEqual(s.legend.map((b) => b.pressed), ['false', 'false'], 'Charged is shown again');
    assert.equal(s.focused, 'Hide Charged', 'and the focus is still there');
    n += 1;
    await button.click();
    await waitForEvent(page, 'cum', 'chartready', n + 1);
    assert.equal(await focused('cum'), 'Hide Charged', 'a click keeps it there too');
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'cum', 'chartready', n + 2);
    await assertClean(page, problems);
  });

  test('the data table is hidden from assistive technology until "Show data" expands it', async () => {
    const snap = () => page.locator('#sum').ariaSnapshot();
    let s = await a11yState(page, 'sum');
    assert.equal(s.showData.expanded, 'false');
    assert.doesNotMatch(await snap(), /table|Stage|Itemised/, 'collapsed: no table in the accessibility tree');
    assert.equal(await page.evaluate(() => document.getElementById('sum').shadowRoot.getElementById('data').hidden), true);

    const showData = page.locator('#sum').getByRole('button', { name: 'Show data' });
    await showData.focus();
    await page.keyboard.press('Enter');
    s = await a11yState(page, 'sum');
    assert.equal(s.showData.expanded, 'true');
    assert.equal(s.table.shown, true);
    const open = await snap();
    assert.match(open, /region "Operation Lantern \(test data\): raids, arrests and charges"/, open);
    assert.match(open, /table "Operation Lantern \(test data\): raids, arrests and charges"/, open);
    assert.match(open, /rowheader "Arrests"/, open);
    await page.keyboard.press('Tab');
    assert.equal(await focused('sum'), 'Operation Lantern (test data): raids, arrests and charges',
      'expanded, Tab goes from the button into the table region');

    await showData.focus();
    await page.keyboard.press('Enter');
    assert.equal((await a11yState(page, 'sum')).showData.expanded, 'false');
    assert.doesNotMatch(await snap(), /table/, 'collapsed again: gone from the tree');
    await page.keyboard.press('Tab');
    assert.equal(await focused('sum'), null, 'and from the tab order: Tab leaves the chart');
    await assertClean(page, problems);
  });

  test('the focusable chart is an application named by its story, not an image holding items', async () => {
    const attrs = await page.evaluate(() => {
      const c = document.getElementById('sum').shadowRoot.querySelector('canvas');
      return { role: c.getAttribute('role'), roledescription: c.getAttribute('aria-roledescription'), label: c.getAttribute('aria-label'), tabindex: c.tabIndex };
    });
    assert.equal(attrs.role, 'application');
    assert.equal(attrs.roledescription, 'interactive chart');
    assert.equal(attrs.tabindex, 0);
    assert.match(attrs.label, /^Operation Lantern \(test data\)\. 5 raids/);
    const snap = await page.locator('#sum').ariaSnapshot();
    assert.match(snap, /application "Operation Lantern \(test data\)\. 5 raids/, snap);
    assert.doesNotMatch(snap, /\bimg\b/, `no img role left: ${snap}`);
    // One tab stop, and the keys still move through the items.
    await page.focus('#before');
    await page.keyboard.press('Tab');
    assert.equal(await focused('cum'), 'canvas', 'one Tab lands on the first chart');
    await page.keyboard.press('End');
    assert.match((await lastHover(page, 'cum')).item.label, /So far: 9 arrested/);
    await page.keyboard.press('Escape');
    await assertClean(page, problems);
  });

  test('keyboard focus shows the hint as visible text; a click does not; Escape and blur hide it; its button puts it away', async () => {
    const cue = () => page.evaluate(() => {
      const root = document.getElementById('cum').shadowRoot;
      const n = root.querySelector('.hint');
      const r = n.getBoundingClientRect();
      return { visible: !n.hidden && r.width > 0 && r.height > 0, text: n.querySelector('span').textContent, full: root.getElementById('hint').textContent };
    });
    await page.focus('#before');
    assert.equal((await cue()).visible, false, 'nothing before the chart has focus');
    await page.keyboard.press('Tab');
    let c = await cue();
    assert.equal(c.visible, true, 'Tab onto the chart shows the hint');
    assert.equal(c.text, 'Arrows move; Up for series and summary; Enter to go in; Esc to close', 'the keys, briefly');
    assert.match(c.full, /^Arrow keys move between the \d+ items of the chart: Left and Right among neighbours, Up to the series and then to the summary, Down or Enter back in; Home and End/);
    const described = await description('cum');
    assert.ok(described?.endsWith(c.full), `the keys in full end the description a screen reader gets: ${described}`);
    await page.keyboard.press('ArrowRight');
    assert.equal((await cue()).visible, true, 'it stays while the reader moves');
    await page.keyboard.press('Escape');
    assert.equal((await cue()).visible, false, 'Escape dismisses it');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused('cum'), 'canvas');
    assert.equal((await cue()).visible, true, 'back by keyboard: shown again');
    await page.keyboard.press('Tab');
    assert.equal((await cue()).visible, false, 'the focus leaving hides it');

    const box = await inspect(page, 'cum');
    await page.mouse.click(box.left + 40, box.top + 20);
    assert.equal(await focused('cum'), 'canvas', 'a click focuses the chart');
    assert.equal((await cue()).visible, false, 'but shows no keyboard hint');

    // Its button (a click or tap; no tab stop of its own) puts it away for good.
    await page.focus('#before');
    await page.keyboard.press('Tab');
    const close = await page.evaluate(() => {
      const b = document.getElementById('cum').shadowRoot.querySelector('.hint .close');
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, tabIndex: b.tabIndex, title: b.title };
    });
    assert.equal(close.tabIndex, -1, 'the close button adds no tab stop');
    assert.equal(close.title, 'Hide the keyboard help');
    await page.mouse.click(close.x, close.y);
    assert.equal((await cue()).visible, false, 'the close button hides it');
    assert.equal(await focused('cum'), 'canvas', 'and the focus stays on the chart');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await cue()).visible, false, 'back by keyboard: it stays away');
    await page.focus('#before');
    await assertClean(page, problems);
  });
});

describe('updates', () => {
  test('new data: the live region says once, politely, what changed, decreases included', async () => {
    const { page, problems } = await env.open('/test/blank.html');
    await addChart(page, { id: 'u', view: 'timeline', width: 640, data: lantern() });
    const live = () => page.evaluate(() => {
      const n = document.getElementById('u').shadowRoot.querySelector('[aria-live]');
      return { text: n.textContent.trim(), politeness: n.getAttribute('aria-live'), said: window.__said ?? 0 };
    });
    assert.equal((await live()).text, '', 'the first data is told by the name, not announced');
    // Count what the live region says from here on.
    await page.evaluate(() => {
      const n = document.getElementById('u').shadowRoot.querySelector('[aria-live]');
      window.__said = 0;
      new MutationObserver(() => { window.__said += 1; }).observe(n, { childList: true, characterData: true, subtree: true });
    });
    const feed = async (doc, count) => {
      await page.evaluate((d) => { document.getElementById('u').data = d; }, doc);
      await waitForEvent(page, 'u', 'chartready', count);
      await page.waitForTimeout(300); // any second render or announcement would come by now
    };
    const more = lantern();
    more.events.push(
      { type: 'arrest', time: '2021-03-04T11:00:00Z', raid: 'r5', count: 2 },
      { type: 'charge', time: '2021-03-07', raid: 'r5', count: 1 },
    );
    await feed(more, 2);
    let s = await live();
    assert.equal(s.text, 'Updated: 5 raids, 11 arrests (2 more), 5 charged (1 more). 1 mark new or changed since the last update, ringed until you look at it.');
    assert.equal(s.politeness, 'polite');
    assert.equal(s.said, 1, 'said once');

    const fewer = lantern();
    fewer.events = fewer.events.filter((e) => !(e.type === 'charge' && e.raid === 'r4'));
    await feed(fewer, 3);
    s = await live();
    // r5 lost what the last update gave it, and r4 its charges: both read differently.
    assert.equal(s.text, 'Updated: 5 raids, 9 arrests (revised down by 2), 3 charged (revised down by 2). 2 marks new or changed since the last update, ringed until you look at them.');
    assert.equal(s.said, 2);

    // A view change or a resize is not new data: nothing is said.
    await page.evaluate(() => document.getElementById('u').setAttribute('view', 'areas'));
    await waitForEvent(page, 'u', 'chartready', 4);
    await page.evaluate(() => { document.getElementById('u-box').style.width = '560px'; });
    await waitForEvent(page, 'u', 'chartready', 5);
    assert.equal((await live()).said, 2, 'no announcement without new data');
    await assertClean(page, problems);
  });
});

describe('what an update changed, on the chart', () => {
  /** The rings shown (CSS px from the canvas's top left, page centre too) and the visible note. */
  const rings = (page, id) => page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const c = root.querySelector('canvas').getBoundingClientRect();
    const note = root.querySelector('.changed-note');
    return {
      rings: [...root.querySelectorAll('.changed')].map((n) => {
        const r = n.getBoundingClientRect();
        return { x: r.left + r.width / 2 - c.left, y: r.top + r.height / 2 - c.top, pageX: r.left + r.width / 2, pageY: r.top + r.height / 2, round: n.classList.contains('round') };
      }),
      note: note.hidden ? null : note.textContent,
    };
  }, id);

  test('the raid an update changed is ringed, with a note, until the reader hovers it', async () => {
    const { page, problems } = await env.open('/test/blank.html');
    await addChart(page, { id: 'r', view: 'timeline', width: 640, data: lantern() });
    assert.deepEqual(await rings(page, 'r'), { rings: [], note: null }, 'the first data marks nothing');

    const more = lantern();
    more.events.push({ type: 'arrest', time: '2021-03-04T11:00:00Z', raid: 'r5', count: 2 });
    await page.evaluate((d) => { document.getElementById('r').data = d; }, more);
    await waitForEvent(page, 'r', 'chartready', 2);
    let shown = await rings(page, 'r');
    assert.equal(shown.rings.length, 1, 'one raid changed');
    assert.equal(shown.note, '1 mark new or changed since the last update, ringed until you look at it.');
    assert.ok(shown.rings[0].round, 'a raid is a circle, so is its ring');

    // A resize is not new data: the ring stays, on its raid's new place.
    await page.evaluate(() => { document.getElementById('r-box').style.width = '560px'; });
    await waitForEvent(page, 'r', 'chartready', 3);
    shown = await rings(page, 'r');
    assert.equal(shown.rings.length, 1, 'still ringed after a resize');

    // The ring is on r5, the raid that got the arrests: hovering its centre shows r5's numbers.
    await page.mouse.move(shown.rings[0].pageX, shown.rings[0].pageY, { steps: 4 });
    const hover = await lastHover(page, 'r');
    assert.equal(hover?.item?.values?.id, 'r5', 'the ringed mark is the changed raid');
    assert.equal(hover.item.values.arrests, 3, 'with its new count (1 + 2)');
    assert.deepEqual(await rings(page, 'r'), { rings: [], note: null }, 'looked at: the ring and the note go');

    // It stays gone across renders, and the same data again rings nothing.
    await page.mouse.move(5, 5);
    await page.evaluate(() => { document.getElementById('r-box').style.width = '600px'; });
    await waitForEvent(page, 'r', 'chartready', 4);
    assert.deepEqual(await rings(page, 'r'), { rings: [], note: null });
    await page.evaluate((d) => { document.getElementById('r').data = d; }, more);
    await waitForEvent(page, 'r', 'chartready', 5);
    assert.deepEqual(await rings(page, 'r'), { rings: [], note: null }, 'unchanged data marks nothing');
    await assertClean(page, problems);
  });

  test('in the cumulative view only the new moment is ringed, not the totals it moved', async () => {
    const { page, problems } = await env.open('/test/blank.html');
    await addChart(page, { id: 'm', view: 'cumulative', width: 640, data: lantern() });
    const more = lantern();
    more.events.push({ type: 'arrest', time: '2021-03-02T11:00:00Z', raid: 'r1', count: 1 });
    await page.evaluate((d) => { document.getElementById('m').data = d; }, more);
    await waitForEvent(page, 'm', 'chartready', 2);
    const shown = await rings(page, 'm');
    assert.equal(shown.rings.length, 1, 'one new moment');
    await page.mouse.move(shown.rings[0].pageX, shown.rings[0].pageY, { steps: 4 });
    const hover = await lastHover(page, 'm');
    assert.equal(hover?.item?.values?.time, '2021-03-02T11:00:00Z', 'the ring is on the new arrest');
    await assertClean(page, problems);
  });
});

describe('the data table', () => {
  /** The table as shown: header texts, aria-sort per header, and the body rows' texts. */
  const shown = (page, id) => page.evaluate((id) => {
    const t = document.getElementById(id).shadowRoot.querySelector('table');
    return {
      head: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      sort: [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort')),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
    };
  }, id);
  const num = (s) => Number(s.replace(/,/g, ''));

  test('columns sort with buttons in their headers and aria-sort; totals stay at the foot', async () => {
    const { page, problems } = await env.open('/test/blank.html');
    await addChart(page, { id: 'a', view: 'areas', width: 640, src: '/data/operation-cayman.json' });
    await page.locator('#a').getByRole('button', { name: 'Show data' }).click();
    const before = await shown(page, 'a');
    assert.deepEqual(before.sort, [null, null, null, null], 'unsorted at first');
    const total = before.rows.at(-1);
    assert.equal(total[0], 'Total');

    const arrested = page.locator('#a').getByRole('columnheader', { name: 'Arrested' }).getByRole('button');
    await arrested.click();
    let s = await shown(page, 'a');
    assert.deepEqual(s.sort, [null, null, 'ascending', null]);
    const areas = (rows) => rows.filter((r) => !/^(Total|Not itemised by area)$/.test(r[0]));
    let values = areas(s.rows).map((r) => num(r[2]));
    assert.deepEqual(values, [...values].sort((x, y) => x - y), `ascending by arrests: ${values}`);
    assert.deepEqual(s.rows.at(-1), total, 'the total stays last');
    assert.equal(s.rows.length, before.rows.length, 'no row lost');

    await arrested.press('Enter');
    s = await shown(page, 'a');
    assert.deepEqual(s.sort, [null, null, 'descending', null], 'a second press sorts the other way');
    values = areas(s.rows).map((r) => num(r[2]));
    assert.deepEqual(values, [...values].sort((x, y) => y - x), `descending: ${values}`);
    assert.equal(s.rows[0][0], 'Norfolk', 'the area with most arrests first');
    assert.deepEqual(s.rows.at(-1), total);

    await page.locator('#a').getByRole('columnheader', { name: 'Area' }).getByRole('button').click();
    s = await shown(page, 'a');
    assert.deepEqual(s.sort, ['ascending', null, null, null], 'only the sorted column has aria-sort');
    const names = areas(s.rows).map((r) => r[0]);
    assert.deepEqual(names, [...names].sort((x, y) => x.localeCompare(y)), `by name: ${names}`);

    // Time sorts by time, not by the text of the date.
    await page.evaluate(() => document.getElementById('a').setAttribute('view', 'timeline'));
    await waitForEvent(page, 'a', 'chartready', 2);
    const inTime = (await shown(page, 'a')).rows;
    const time = page.locator('#a').getByRole('columnheader', { name: 'Time' }).getByRole('button');
    await time.click();
    await time.click();
    s = await shown(page, 'a');
    assert.deepEqual(s.sort[0], 'descending');
    assert.deepEqual(s.rows, [...inTime].reverse(), 'newest first');
    await time.click();
    assert.deepEqual((await shown(page, 'a')).rows, inTime, 'oldest first');
    await assertClean(page, problems);
  });

  test('"Download CSV" gives exactly the cells the table shows, in its order, text never markup', async () => {
    const { page, problems } = await env.open('/test/blank.html');
    const doc = lantern({ place: '<b>Mill</b> Lane, "Westmoor"' });
    doc.events.find((e) => e.id === 'r2').place = '=HYPERLINK("x")';
    await addChart(page, { id: 't', view: 'timeline', width: 640, data: doc });
    await page.locator('#t').getByRole('button', { name: 'Show data' }).click();
    await page.locator('#t').getByRole('columnheader', { name: 'Arrested' }).getByRole('button').click();
    await page.locator('#t').getByRole('columnheader', { name: 'Arrested' }).getByRole('button').click();
    const table = await shown(page, 't');
    assert.equal(await page.evaluate(() => document.getElementById('t').shadowRoot.querySelectorAll('td b, th b').length), 0,
      'markup in the data stays text');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#t').getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^operation-lantern-test-data-raids-in-time-order\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(await download.path(), 'utf8');
    // A small RFC 4180 reader: quoted fields, doubled quotes, CRLF.
    const parse = (csv) => {
      const out = [];
      let row = [];
      let f = '';
      let q = false;
      for (let i = 0; i < csv.length; i++) {
        const ch = csv[i];
        if (q) {
          if (ch === '"' && csv[i + 1] === '"') { f += '"'; i++; } else if (ch === '"') q = false; else f += ch;
        } else if (ch === '"') q = true;
        else if (ch === ',') { row.push(f); f = ''; } else if (ch === '\r') { /* CRLF */ } else if (ch === '\n') { row.push(f); out.push(row); row = []; f = ''; } else f += ch;
      }
      return out;
    };
    const rows = parse(text.replace(/^\ufeff/, ''));
    assert.deepEqual(rows[0], table.head, 'the header row is the table\'s');
    const body = rows.slice(1);
    const formula = table.rows.findIndex((r) => r[1] === '=HYPERLINK("x")');
    assert.ok(formula >= 0);
    assert.equal(body[formula][1], '\'=HYPERLINK("x")', 'a formula-like text is kept from running in a spreadsheet');
    body[formula][1] = table.rows[formula][1];
    assert.deepEqual(body, table.rows, 'every other cell exactly as the table shows it, in its sorted order');
    assert.ok(body.some((r) => r[1] === '<b>Mill</b> Lane, "Westmoor"'), 'markup and quotes come through as text');
    await assertClean(page, problems);
  });
});
