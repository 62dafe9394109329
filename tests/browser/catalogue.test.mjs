// The bad-document catalogue (tests/catalogue/documents.json) through the element in Chromium,
// as tests/catalogue.rs runs it natively: each bad document gets `charterror` with an error at
// its path saying what the catalogue says, and each edge case listed as valid draws.
// Documents go in as a newsroom gives them: text through the `data` property, and bytes that
// are not UTF-8 through `src`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, ROOT, setup, waitForEvent } from './harness.mjs';

const DIR = path.join(ROOT, 'tests/catalogue');
const base = readFileSync(path.join(DIR, 'base.json'), 'utf8');
const catalogue = JSON.parse(readFileSync(path.join(DIR, 'documents.json'), 'utf8'));

/** The base document with `edit` applied to its parsed form, as JSON text. */
function edited(edit) {
  const doc = JSON.parse(base);
  edit(doc);
  return JSON.stringify(doc);
}

/** An entry's document: a string, or a Buffer for bytes that are not text. */
function documentOf(entry) {
  if (typeof entry.text === 'string') return entry.text;
  if (entry.replace) {
    const [from, to] = entry.replace;
    assert.ok(base.includes(from), `${entry.name}: base.json has no ${from}`);
    return base.replace(from, () => to);
  }
  switch (entry.generate) {
    case 'nesting': return '['.repeat(10_000) + ']'.repeat(10_000);
    case 'oversize': return base + ' '.repeat(50_000_001 - Buffer.byteLength(base));
    case 'too-many-events': {
      const events = new Array(1_000_001).fill('{"type":"raid","time":"2018-04-16"}').join(',');
      return `{"version":1,"operation":{"name":"X"},"events":[${events}],"source":{"name":"S"}}`;
    }
    case 'long-title': return edited((d) => { d.title = 'x'.repeat(1_001); });
    case 'long-word': return edited((d) => { d.events[0].place = 'w'.repeat(5_000); });
    case 'decomposed-accents': return edited((d) => { d.events[0].place = 'e\u0301'.repeat(1_000); });
    case 'too-many-annotations': return edited((d) => { d.annotations = new Array(51).fill({ time: '2018-04-16', text: 'Note' }); });
    case 'long-annotation': return edited((d) => { d.annotations = [{ time: '2018-04-16', text: 'n'.repeat(201) }]; });
    case 'no-events': return edited((d) => { delete d.events; });
    case 'no-source': return edited((d) => { delete d.source; });
    case 'events-object': return edited((d) => { d.events = {}; });
    case 'ref-not-raid': return edited((d) => { d.events[3].id = 'c1'; d.events[4].raid = 'c1'; });
    case 'invalid-utf8': {
      const bytes = Buffer.from(base, 'utf8');
      const at = bytes.indexOf('Orchard');
      bytes[at] = 0xff;
      bytes[at + 1] = 0xfe;
      return bytes;
    }
    default: throw new Error(`unknown generator ${entry.generate}`);
  }
}

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test(`every bad document in the catalogue (${catalogue.bad.length}) gets charterror at its path`, { timeout: 240_000 }, async () => {
  assert.ok(catalogue.bad.length >= 60);
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  // Bytes that are not text come through `src`, as from a newsroom's server.
  await page.route('**/catalogue/*.json', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop().replace(/\.json$/, ''));
    const entry = catalogue.bad.find((e) => e.name === name);
    return route.fulfill({ status: 200, contentType: 'application/json', body: documentOf(entry) });
  });
  await addChart(page, { id: 'c', view: 'timeline', width: 600, data: base });
  const failures = [];
  let seen = 0;
  for (const entry of catalogue.bad) {
    const doc = documentOf(entry);
    if (Buffer.isBuffer(doc)) {
      await page.evaluate((url) => { document.getElementById('c').src = url; }, `/catalogue/${encodeURIComponent(entry.name)}.json`);
    } else {
      await page.evaluate((text) => { document.getElementById('c').data = text; }, doc);
    }
    seen += 1;
    await waitForEvent(page, 'c', 'charterror', seen, 30_000);
    const errors = (await events(page, 'c', 'charterror'))[seen - 1].errors;
    if (!errors.some((e) => e.path === entry.path && e.message.includes(entry.gist))) {
      failures.push(`${entry.name}: expected ${entry.path}: …${entry.gist}…, got ${JSON.stringify(errors).slice(0, 300)}`);
    }
    if (Buffer.isBuffer(doc)) await page.evaluate(() => { document.getElementById('c').removeAttribute('src'); });
  }
  assert.deepEqual(failures, []);
  // The last good chart stayed through all of them.
  assert.equal((await events(page, 'c', 'chartready')).length, 1, 'no bad document was drawn');
  await assertClean(page, problems);
});

test('every edge case the catalogue lists as valid draws, and its text stays text', async () => {
  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await addChart(page, { id: 'v', view: 'timeline', width: 600, data: base });
  let ready = 1;
  for (const entry of catalogue.valid) {
    await page.evaluate((text) => { document.getElementById('v').data = text; }, documentOf(entry));
    ready += 1;
    await waitForEvent(page, 'v', 'chartready', ready);
    assert.equal((await events(page, 'v', 'charterror')).length, 0, entry.name);
    const created = await page.evaluate(() => document.getElementById('v').shadowRoot.querySelectorAll('img, b').length);
    assert.equal(created, 0, `${entry.name}: no markup from the data became an element`);
  }
  await assertClean(page, problems);
});
