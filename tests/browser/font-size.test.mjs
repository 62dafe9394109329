// The chart's text follows the reader's font size (Chartability: "user style change not
// respected", "text adjustments not respected"): the element's computed font size over 16 px
// scales every text on the canvas and the chart grows taller to hold it; the tooltip, hint,
// buttons, table and alerts are sized in em of it. Read from what the canvas is asked to draw
// (fillText and the font it is drawn in) and from computed styles.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, a11yState, assertClean, events, findItem, inspect, setup, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/**
 * Opens `pathname` with every fillText on a chart's canvas recorded, per chart id, for the
 * last render only (a render starts by filling the whole canvas): the text, its font size in
 * device px, where it is anchored and how wide it is.
 */
async function openRecorded(pathname, options) {
  const opened = await env.open(pathname, options);
  await opened.context.addInitScript(() => {
    window.__drawn = {};
    const proto = CanvasRenderingContext2D.prototype;
    const { fillRect, fillText } = proto;
    const chartOf = (ctx) => ctx.canvas.getRootNode?.().host?.id;
    proto.fillRect = function (x, y, w, h) {
      const id = chartOf(this);
      if (id && x === 0 && y === 0 && w === this.canvas.width && h === this.canvas.height) window.__drawn[id] = [];
      return fillRect.call(this, x, y, w, h);
    };
    proto.fillText = function (text, x, y, ...rest) {
      const id = chartOf(this);
      if (id) {
        const px = Number((/(\d+(?:\.\d+)?)px/.exec(this.font) ?? [])[1]);
        (window.__drawn[id] ??= []).push({
          text: String(text), px, x, y, align: this.textAlign, baseline: this.textBaseline,
          width: this.measureText(text).width, canvas: [this.canvas.width, this.canvas.height],
        });
      }
      return fillText.call(this, text, x, y, ...rest);
    };
  });
  await opened.page.reload({ waitUntil: 'load' });
  await opened.page.waitForFunction(() => customElements.get('operation-chart'));
  return opened;
}

const drawn = (page, id) => page.evaluate((id) => window.__drawn[id] ?? [], id);
const sizeOf = (texts, text) => texts.find((t) => t.text === text)?.px;
const TITLE = 'Operation Lantern (test data)';

/** A text's box in device px, from its anchor, alignment, baseline, width and size. */
function box(t) {
  const left = t.align === 'center' ? t.x - t.width / 2 : t.align === 'end' || t.align === 'right' ? t.x - t.width : t.x;
  const top = t.baseline === 'middle' ? t.y - t.px / 2 : t.baseline === 'bottom' ? t.y - t.px : t.y;
  return { left, top, right: left + t.width, bottom: top + t.px };
}

/** Problems with the drawn texts: one leaving the canvas, or two overlapping. */
function textProblems(texts) {
  const out = [];
  const shown = texts.filter((t) => t.text.trim());
  const boxes = shown.map(box);
  shown.forEach((t, i) => {
    const b = boxes[i];
    const [w, h] = t.canvas;
    if (b.left < -1 || b.top < -1 || b.right > w + 1 || b.bottom > h + 1) out.push(`${JSON.stringify(t.text)} leaves the ${w} × ${h} canvas: ${JSON.stringify(b)}`);
    for (let j = i + 1; j < shown.length; j++) {
      const o = boxes[j];
      const overlap = Math.min(b.right, o.right) - Math.max(b.left, o.left) > 0.5 && Math.min(b.bottom, o.bottom) - Math.max(b.top, o.top) > 0.5;
      if (overlap) out.push(`${JSON.stringify(t.text)} overlaps ${JSON.stringify(shown[j].text)}`);
    }
  });
  return out;
}

/** The computed font size, px, of each of the element's DOM parts. */
const domSizes = (page, id) => page.evaluate((id) => {
  const root = document.getElementById(id).shadowRoot;
  const px = (sel) => {
    const n = root.querySelector(sel);
    return n ? Math.round(100 * Number.parseFloat(getComputedStyle(n).fontSize)) / 100 : null;
  };
  return {
    tooltip: px('[role="tooltip"]'), hint: px('.hint'), showData: px('.tools button'), legend: px('.legend button'),
    table: px('.data'), cell: px('.data td'), heading: px('.data th button'), csv: px('.data .csv'), alert: px('[role="alert"]'),
  };
}, id);

test('at a 32 px font size on the element, chart text is drawn twice as large, the chart grows, and every number and name stays', async () => {
  const { page, problems } = await openRecorded('/test/font-size.html', { width: 900, height: 1200 });
  const views = ['summary', 'cumulative', 'timeline', 'areas'];
  const seen = {};
  for (const view of views) {
    // font-size.css gives every chart whose id ends in "-big" a font size of 32 px.
    for (const id of [`${view}-plain`, `${view}-big`]) await addChart(page, { id, view, width: 640, data: lantern() });
  }
  for (const view of views) {
    const [plain, big] = [await drawn(page, `${view}-plain`), await drawn(page, `${view}-big`)];
    assert.equal(sizeOf(plain, TITLE), 18, `${view}: the title at 16 px`);
    assert.equal(sizeOf(big, TITLE), 36, `${view}: the title at 32 px is twice as large`);
    assert.equal(sizeOf(big, 'Fictional data for tests.'), 2 * sizeOf(plain, 'Fictional data for tests.'), `${view}: the source's note too`);
    assert.deepEqual(textProblems(plain), [], `${view} at 16 px: every text inside the canvas, none on another`);
    assert.deepEqual(textProblems(big), [], `${view} at 32 px: every text inside the canvas, none on another`);
    const [a, b] = [await inspect(page, `${view}-plain`), await inspect(page, `${view}-big`)];
    assert.equal(b.cssWidth, a.cssWidth, `${view}: the same width`);
    // Every view's title, legend, notes and axis room grow; the summary's rows and the
    // timeline's lanes, which hold labels, grow with the text too.
    const least = view === 'summary' || view === 'timeline' ? 1.6 : 1.2;
    assert.ok(b.cssHeight > a.cssHeight * least, `${view}: the chart grows taller for its text (${a.cssHeight} → ${b.cssHeight} px)`);
    assert.equal(b.ariaLabel, a.ariaLabel, `${view}: the same accessible name and story`);
    seen[view] = { plain, big };
  }
  // Axis labels: the summary's count axis and the running totals' time axis.
  const zero = (texts) => texts.filter((t) => t.text === '0').map((t) => t.px);
  assert.deepEqual(zero(seen.summary.big), zero(seen.summary.plain).map((px) => 2 * px), 'the summary axis labels are twice as large');
  // The time axis's labels are the texts centred under their ticks (at 32 px, fewer or shorter).
  const days = (texts) => texts.filter((t) => t.align === 'center' && t.baseline === 'top');
  assert.ok(days(seen.cumulative.plain).length >= 2 && days(seen.cumulative.plain).every((t) => t.px === 12));
  assert.ok(days(seen.cumulative.big).length >= 2 && days(seen.cumulative.big).every((t) => t.px === 24), 'the time axis labels are twice as large');
  // Legend entries are drawn whole, at twice the size, above the plot; their buttons follow.
  for (const label of ['Arrested', 'Charged']) {
    assert.equal(sizeOf(seen.cumulative.big, label), 2 * sizeOf(seen.cumulative.plain, label), `legend "${label}" twice as large`);
  }
  const legend = await page.evaluate(() => {
    const root = document.getElementById('cumulative-big').shadowRoot;
    const c = root.querySelector('canvas').getBoundingClientRect();
    return [...root.querySelectorAll('.legend button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { name: b.getAttribute('aria-label'), left: r.left - c.left, right: r.right - c.left, top: r.top - c.top, bottom: r.bottom - c.top, width: c.width };
    });
  });
  assert.equal(legend.length, 2);
  for (const b of legend) {
    assert.ok(b.left >= 0 && b.right <= b.width && b.top >= 0, `legend button inside the chart: ${JSON.stringify(b)}`);
    assert.ok(b.bottom - b.top >= 48, `a legend button is as tall as its larger text: ${JSON.stringify(b)}`);
  }
  const axisTop = Math.min(...seen.cumulative.big.filter((t) => /people$/.test(t.text)).map((t) => box(t).top));
  assert.ok(legend.every((b) => b.bottom <= axisTop), 'the legend sits above the plot');

  // The DOM parts: hover for the tooltip, open the table.
  for (const id of ['cumulative-plain', 'cumulative-big']) {
    const spot = await findItem(page, id, { match: 'So far: 6 arrested' });
    assert.ok(spot, `${id}: an item to hover`);
    await page.mouse.move(spot.x, spot.y);
    await page.waitForFunction((id) => !document.getElementById(id).shadowRoot.querySelector('[role="tooltip"]').hidden, id);
    assert.equal((await inspect(page, id)).tooltip?.text, spot.item.label, `${id}: the same tooltip text`);
    await page.mouse.move(5, 5);
    await page.locator(`#${id}`).getByRole('button', { name: 'Show data' }).click();
  }
  const [small, large] = [await domSizes(page, 'cumulative-plain'), await domSizes(page, 'cumulative-big')];
  assert.deepEqual(small, { tooltip: 13, hint: 12, showData: 12, legend: 16, table: 13, cell: 13, heading: 13, csv: 12, alert: 13 }, 'the sizes at 16 px are as before');
  for (const [part, px] of Object.entries(small)) {
    assert.ok(large[part] >= 2 * px - 0.1, `${part}: ${px} px → ${large[part]} px, at least twice`);
  }
  const [tableA, tableB] = [await a11yState(page, 'cumulative-plain'), await a11yState(page, 'cumulative-big')];
  assert.deepEqual(tableB.table, tableA.table, 'the table holds the same numbers');
  assert.deepEqual(tableB.legend, tableA.legend, 'the legend buttons have the same names');
  const totals = async (id) => (await a11yState(page, id)).table;
  await page.locator('#summary-plain').getByRole('button', { name: 'Show data' }).click();
  await page.locator('#summary-big').getByRole('button', { name: 'Show data' }).click();
  const [tA, tB] = [await totals('summary-plain'), await totals('summary-big')];
  assert.deepEqual(tB.rows.map((r) => r.slice(0, 2)), [['Raids', '5'], ['Arrests', '9'], ['Charged', '4']].map((r, i) => tA.rows[i].slice(0, 2)));
  assert.deepEqual(tA.rows.map((r) => r.slice(0, 2)), [['Raids', '5'], ['Arrests', '9'], ['Charged', '4']], 'the totals a reader reads');
  await assertClean(page, problems);
});

test('a reader whose browser default is 32 px gets twice the text, inherited or in rem; a site pinning 16 px keeps it', async () => {
  const { page, problems } = await openRecorded('/test/font-size-default.html', { width: 900, height: 1000 });
  await addChart(page, { id: 'inherit', view: 'cumulative', width: 640, data: lantern() });
  await addChart(page, { id: 'rem', view: 'cumulative', width: 640, data: lantern() });
  await addChart(page, { id: 'px16', view: 'cumulative', width: 640, data: lantern() });
  const title = async (id) => sizeOf(await drawn(page, id), TITLE);
  assert.equal(await title('inherit'), 36, 'inherited from the root: twice as large');
  assert.equal(await title('rem'), 36, 'font-size: 1rem: twice as large');
  assert.equal(await title('px16'), 18, 'a chart the site pins at 16 px stays at the default');
  for (const id of ['inherit', 'rem', 'px16']) assert.deepEqual(textProblems(await drawn(page, id)), [], `${id}: every text inside, none overlapping`);
  const [big, pinned] = [await inspect(page, 'inherit'), await inspect(page, 'px16')];
  assert.ok(big.cssHeight > pinned.cssHeight * 1.3, `taller for larger text: ${pinned.cssHeight} → ${big.cssHeight} px`);
  assert.equal(big.ariaLabel, pinned.ariaLabel);
  const [a, b] = [await domSizes(page, 'px16'), await domSizes(page, 'inherit')];
  for (const part of ['tooltip', 'hint', 'showData', 'alert']) assert.equal(b[part], 2 * a[part], `${part} twice as large`);
  await assertClean(page, problems);
});

test('changing the font size after the first render redraws at the new size, even in a box of fixed height; 0.75–3 times', async () => {
  const { page, problems } = await openRecorded('/test/font-size.html', { width: 900, height: 1000 });
  await addChart(page, { id: 'fixed', view: 'summary', width: 600, height: 420, data: lantern() });
  await addChart(page, { id: 'free', view: 'summary', width: 600, data: lantern() });
  const before = await inspect(page, 'fixed');
  const grow = async (id, fontSize) => {
    const n = (await events(page, id, 'chartready')).length;
    await page.evaluate(({ id, fontSize }) => { document.getElementById(id).style.fontSize = fontSize; }, { id, fontSize });
    await waitForEvent(page, id, 'chartready', n + 1);
    // The first text drawn is the title's (first line, when it wraps).
    return (await drawn(page, id))[0]?.px;
  };
  assert.equal(await grow('fixed', '24px'), 27, 'the fixed-height chart redraws its title at 1.5 ×');
  const after24 = await inspect(page, 'fixed');
  assert.deepEqual([after24.cssWidth, after24.cssHeight], [before.cssWidth, before.cssHeight], 'its box did not change: the font size alone triggered the redraw');
  assert.equal(await grow('fixed', '80px'), 54, 'clamped at 3 ×');
  assert.equal(await grow('fixed', '10px'), 13.5, 'and at 0.75 ×');
  assert.equal(await grow('fixed', '16px'), 18, 'back to the default');

  const h16 = (await inspect(page, 'free')).cssHeight;
  assert.equal(await grow('free', '32px'), 36);
  await page.waitForFunction(({ h16 }) => document.getElementById('free').shadowRoot.querySelector('canvas').getBoundingClientRect().height > h16 * 1.6, { h16 });
  assert.deepEqual(textProblems(await drawn(page, 'free')), [], 'the taller chart holds its larger text');
  await assertClean(page, problems);
});
