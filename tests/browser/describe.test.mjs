// Chartability, per view: each view says what its own picture shows ("visually apparent features not
// described"): the accessible name and description of the chart differ per view, each after
// the operation's story, with the numbers a reader would read off that view; and the areas
// view's two series differ by more than colour ("colour alone").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, caymanText, findItem, setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** What assistive technology gets for the chart's focusable canvas: its name and description. */
const accessibleText = (page, id) => page.evaluate((id) => {
  const root = document.getElementById(id).shadowRoot;
  const canvas = root.querySelector('canvas');
  const described = (canvas.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    .map((ref) => root.getElementById(ref)?.textContent ?? '').join(' ');
  return `${canvas.getAttribute('aria-label') ?? ''} ${described}`.replace(/\s+/g, ' ').trim();
}, id);

test('each view has its own description, saying what its shape shows', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const data = JSON.parse(await caymanText());
  const expected = {
    summary: '17 raids, 33 arrests (1.9 per raid) and 21 charged (64% of those arrested)',
    timeline: 'the busiest day was Mon 16 Apr 2018, with',
    cumulative: 'arrests reached 33 on Thu 19 Apr 2018; the first charges came on Wed 18 Apr 2018, 2 days after the first arrests',
    areas: 'Norfolk had the most arrests, 23, and the most people charged, 14',
  };
  const texts = {};
  for (const view of Object.keys(expected)) {
    await addChart(page, { id: view, view, width: 640, data });
    texts[view] = await accessibleText(page, view);
    assert.ok(texts[view].includes(expected[view]), `${view}: ${texts[view]}`);
    assert.ok(texts[view].includes('17 raids over four days led to 33 arrests'), `${view} tells the story first`);
  }
  assert.equal(new Set(Object.values(texts)).size, 4, 'four views, four descriptions');
  await assertClean(page, problems);
});

test('hovering an item adds its tooltip to the description and takes nothing of it away', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 't', view: 'timeline', width: 640, data: JSON.parse(await caymanText()) });
  const before = await accessibleText(page, 't');
  assert.ok(before.includes('17 raids over four days led to 33 arrests'), before);
  const found = await findItem(page, 't', { match: 'arrested' });
  assert.ok(found, 'a raid to hover');
  await page.mouse.move(found.x, found.y);
  const during = await accessibleText(page, 't');
  const tip = found.item.label.replace(/\s+/g, ' ');
  assert.ok(during.startsWith(before), `the chart's description is all still there while its tooltip shows: ${during}`);
  assert.ok(during.endsWith(tip), `and the tooltip follows it: ${during}`);
  const box = await page.evaluate(() => document.getElementById('t').getBoundingClientRect().toJSON());
  await page.mouse.move(box.left + 5, box.bottom + 60);
  assert.equal(await accessibleText(page, 't'), before, 'the tooltip closed, the description is as it was');
  await assertClean(page, problems);
});

test('in the areas view, charged bars are striped and arrested bars are not: told apart without colour', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'areas', view: 'areas', width: 400, data: JSON.parse(await caymanText()) });
  const bars = await page.evaluate(() => {
    const canvas = document.getElementById('areas').shadowRoot.querySelector('canvas');
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const at = (x, y) => { const i = (y * width + x) * 4; return [data[i], data[i + 1], data[i + 2]]; };
    const saturated = ([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) > 60;
    // The Norfolk bars both cross the row just above the baseline: find the runs of colour there.
    let baseline = height - 1;
    while (baseline > 0 && !saturated(at(Math.round(width * 0.3), baseline))) baseline--;
    const y = baseline - 4;
    const runs = [];
    for (let x = 0; x < width; x++) {
      if (!saturated(at(x, y))) continue;
      const last = runs[runs.length - 1];
      if (last && last.end >= x - 1) last.end = x; else runs.push({ start: x, end: x });
    }
    // How many distinct colours a column through the middle of each bar crosses, over 40 px.
    return runs.filter((r) => r.end - r.start > 10).slice(0, 2).map((r) => {
      const x = Math.round((r.start + r.end) / 2);
      const colours = new Set();
      for (let dy = 0; dy < 40; dy++) colours.add(at(x, y - dy).map((c) => c >> 4).join());
      return colours.size;
    });
  });
  assert.equal(bars.length, 2, `two bars found: ${JSON.stringify(bars)}`);
  assert.equal(bars[0], 1, 'the arrested bar is plain');
  assert.ok(bars[1] >= 2, `the charged bar carries stripes: ${bars[1]} colours`);
  await assertClean(page, problems);
});

test('what the chart says only in pixels reaches a screen reader: subtitle, key, notes, source, what is illustrative', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  const cayman = JSON.parse(await caymanText());
  await addChart(page, { id: 'tl', view: 'timeline', width: 640, data: cayman });
  // The description Chromium computes for the canvas, as a screen reader gets it.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const label = await page.evaluate(() => document.getElementById('tl').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  const described = nodes.find((n) => n.name?.value === label)?.description?.value ?? '';
  for (const words of [
    cayman.subtitle,
    'Key: Circle area: people arrested.',
    'Each circle is a raid; its area shows the people arrested there, from none (an open ring) to',
    'Source: Eastern Daily Press, Norfolk Constabulary.',
    'The per-raid breakdown and the exact dates and times are illustrative',
    'Arrow keys move between',
  ]) {
    assert.ok(described.includes(words), `the description says "${words}": ${described}`);
  }
  // "Itemised" is explained where the reported totals differ from the data.
  const harbour = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('../fixtures/operation-harbour.json', import.meta.url), 'utf8'));
  await addChart(page, { id: 'h', view: 'summary', width: 640, data: harbour });
  const about = await page.evaluate(() => document.getElementById('h').shadowRoot.getElementById('about').textContent);
  assert.match(about, /Itemised means listed event by event in the data; reported totals are the figures the source gives\./);
  await assertClean(page, problems);
});
