// Each view says what its own picture shows (Chartability: "visually apparent features not
// described"): the accessible name and description of the chart differ per view, each after
// the operation's story, with the numbers a reader would read off that view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, caymanText, setup } from './harness.mjs';

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
