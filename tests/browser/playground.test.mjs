// The newsroom playground (www/playground.html), driven through what a person meets: the editor
// named "Chart data", the four live previews (the real <operation-chart> from dist/), the
// "Problems" list and its buttons, the view picker, the snippets and their Copy buttons, the
// downloads, and CSV files dropped or chosen. Under the demo server's strict policy; axe clean.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, caymanText, ROOT, setup } from './harness.mjs';

const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];
const DEBOUNCE_MS = 300;
const IMPORT_FIXTURES = path.join(ROOT, 'tests/fixtures/import');

let env;
let page;
let problems;
let context;
let cayman;

before(async () => {
  env = await setup();
  cayman = await caymanText();
  ({ page, problems, context } = await env.open('/playground.html', { width: 1280, height: 1000 }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  // Record every chart's events from the first moment (they bubble out of the shadow roots).
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ['chartready', 'charterror']) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
  });
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
});
after(async () => { await env?.close(); });

const editor = () => page.getByRole('textbox', { name: 'Chart data', exact: true });
const problemButtons = () => page.getByRole('list', { name: 'Problems' }).getByRole('button');
const eventsOf = (type, id) => page.evaluate(({ type, id }) => window.__events.filter((e) => e.type === type && e.id === id).length, { type, id });
const waitForEvents = (type, id, count, timeout = 10000) => page.waitForFunction(
  ({ type, id, count }) => window.__events.filter((e) => e.type === type && e.id === id).length >= count, { type, id, count }, { timeout });
const canvasOf = (view) => page.evaluate((view) => {
  const c = document.getElementById(`preview-${view}`).shadowRoot.querySelector('canvas');
  return { label: c.getAttribute('aria-label'), width: c.width, height: c.height, pixels: c.toDataURL() };
}, view);
/** Line and column (from 1) of `offset` in `text`, counted here independently of the page. */
const lineColumn = (text, offset) => {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1).length + 1 };
};
/** Replaces the editor's text as a person pasting would (a real input event), then waits for the debounce. */
async function paste(text) {
  await editor().fill(text);
  await page.waitForTimeout(DEBOUNCE_MS + 400);
}
async function selectInEditor(start, end) {
  await editor().focus();
  await editor().evaluate((el, [s, e]) => el.setSelectionRange(s, e), [start, end]);
}

describe('the playground', () => {
  test('the editor is named "Chart data" and holds the Cayman document', async () => {
    assert.equal(await editor().inputValue(), cayman);
    assert.equal(await page.locator('#problems-status').textContent(), 'No problems.');
  });

  test('all four views draw the document, named with its numbers', async () => {
    for (const view of VIEWS) {
      await waitForEvents('chartready', `preview-${view}`, 1);
      const c = await canvasOf(view);
      assert.ok(c.width > 100 && c.height > 100, `${view} drew at ${c.width}×${c.height}`);
      for (const s of ['Operation Cayman', '17 raids', '33 arrests', '21 of those arrested']) {
        assert.ok(c.label.includes(s), `the ${view} preview's name says "${s}": ${c.label}`);
      }
    }
    // The summary's table, as a reader opening "Show data" sees it.
    const rows = await page.evaluate(() => [...document.getElementById('preview-summary').shadowRoot.querySelectorAll('tbody tr')]
      .map((tr) => [...tr.children].map((c) => c.textContent)));
    const byStage = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    assert.deepEqual([byStage.Raids, byStage.Arrests, byStage.Charged], ['17', '33', '21']);

    // The iframe snippet for the view chosen at first (the timeline) starts at its drawn height.
    const height = await page.evaluate(() => Math.round(document.getElementById('preview-timeline').getBoundingClientRect().height));
    assert.match(await page.locator('#snippet-iframe code').textContent(), new RegExp(`view=timeline[^]*height="${height}"`));
  });

  test('a bad time is listed at its path within the debounce, and the previews keep their chart', async () => {
    const before = await canvasOf('timeline');
    const errorsBefore = await eventsOf('charterror', 'preview-timeline');
    const good = '2018-04-16T06:00:00+01:00';
    const at = cayman.indexOf(good);
    await selectInEditor(at, at + good.length);
    await page.keyboard.type('2024-13-40');
    const typedAt = Date.now();
    await problemButtons().first().waitFor({ timeout: 3000 });
    const waited = Date.now() - typedAt;
    assert.ok(waited < DEBOUNCE_MS + 1500, `listed ${waited} ms after the last key`);
    const texts = await problemButtons().allTextContents();
    assert.equal(texts.length, 1, texts.join('\n'));
    assert.match(texts[0], /^events\[0\]\.time: expected an ISO 8601 date or date-time with offset, found "2024-13-40"/);
    assert.match(await page.locator('#problems-status').textContent(), /^1 error, 0 warnings\. The previews show the last good document\./);

    await waitForEvents('charterror', 'preview-timeline', errorsBefore + 1);
    const kept = await canvasOf('timeline');
    assert.equal(kept.pixels, before.pixels, 'the timeline still shows the last good chart');
    assert.equal(kept.label, before.label);

    // By keyboard: Tab from the editor reaches the problem; Enter puts the cursor on the value.
    const text = await editor().inputValue();
    const offset = text.indexOf('"2024-13-40"');
    const { line, column } = lineColumn(text, offset);
    assert.ok(texts[0].endsWith(`line ${line}, column ${column}`), `${texts[0]} names line ${line}, column ${column}`);
    await editor().focus();
    await page.keyboard.press('Tab'); // the file input
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^events\[0\]\.time: /, 'the problem is the next tab stop');
    await page.keyboard.press('Enter');
    const caret = await editor().evaluate((el) => ({ focused: document.activeElement === el, start: el.selectionStart, end: el.selectionEnd }));
    assert.deepEqual(caret, { focused: true, start: offset, end: offset });
  });

  test('a missing field points at its object, and a syntax error at its line and column', async () => {
    const missing = cayman.replace('"name": "Operation Cayman", ', '');
    await paste(missing);
    const [entry] = await problemButtons().allTextContents();
    assert.match(entry, /^operation\.name: /);
    await problemButtons().first().click();
    const objectAt = missing.indexOf('{"agency"');
    assert.equal(await editor().evaluate((el) => el.selectionStart), objectAt);
    assert.ok(entry.endsWith(`line ${lineColumn(missing, objectAt).line}, column ${lineColumn(missing, objectAt).column}`), entry);

    const broken = cayman.replace('"version": 1,', '"version": 1');
    await paste(broken);
    const [syntax] = await problemButtons().allTextContents();
    const m = /^\$: expected valid JSON, found a syntax error at line (\d+), column (\d+)/.exec(syntax);
    assert.ok(m, syntax);
    await problemButtons().first().click();
    const caret = await editor().evaluate((el) => el.selectionStart);
    assert.deepEqual(lineColumn(broken, caret), { line: Number(m[1]), column: Number(m[2]) });
    assert.ok(syntax.endsWith(`line ${m[1]}, column ${m[2]}`), syntax);

    await paste(cayman);
    assert.equal(await page.locator('#problems-status').textContent(), 'No problems.');
  });

  test('the snippets hold the document and the chosen view, escaped, and Copy puts them on the clipboard', async () => {
    const hostile = JSON.parse(cayman);
    hostile.source.note = 'Closing tags </script><script>alert(1)</script> stay text';
    const hostileText = JSON.stringify(hostile, null, 2);
    await paste(hostileText);
    await page.getByRole('combobox', { name: 'View' }).selectOption('cumulative');
    const snippet = (name) => page.locator(`#snippet-${name} code`).textContent();

    const inline = await snippet('inline');
    assert.match(inline, /<operation-chart view="cumulative">/);
    assert.ok(!/<\/script><script>/i.test(inline), 'no closing tag from the data can end the JSON block');
    const block = /<script type="application\/json">\n([\s\S]*)\n {2}<\/script>/.exec(inline);
    assert.ok(block, inline.slice(0, 400));
    assert.equal((block[1].match(/<\/script/gi) ?? []).length, 0);
    assert.deepEqual(JSON.parse(block[1]), hostile, 'the inline JSON is the document');

    const src = await snippet('src');
    assert.match(src, /<operation-chart src="\/data\/operation-cayman\.json" view="cumulative">/);
    const iframe = await snippet('iframe');
    assert.match(iframe, /title="Operation Cayman: four days of raids"/);
    assert.ok(iframe.includes('/embed.html?src=/data/operation-cayman.json&amp;view=cumulative&amp;id=operation-cayman-cumulative'), iframe);
    const previewHeight = await page.evaluate(() => Math.round(document.getElementById('preview-cumulative').getBoundingClientRect().height));
    assert.ok(previewHeight > 200, `the running totals preview is ${previewHeight} px high`);
    assert.ok(iframe.includes(`height="${previewHeight}"`), `the iframe starts at the preview's height, ${previewHeight}: ${iframe}`);
    const mount = await snippet('mount');
    assert.match(mount, /mount\(document\.getElementById\('operation-cayman-chart'\), data, \{ view: 'cumulative' \}\)/);
    const literal = /const data = ([\s\S]*);\nconst chart/.exec(mount);
    assert.deepEqual(JSON.parse(literal[1]), hostile);

    for (const name of ['inline', 'iframe']) {
      await page.locator(`button.copy[data-snippet="${name}"]`).click();
      await page.waitForFunction(() => /^Copied/.test(document.getElementById('action-status').textContent));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(name));
    }
    assert.match(await page.getByRole('status').filter({ hasText: 'Copied' }).textContent(), /^Copied: An iframe/);
    await paste(cayman);
  });

  test('downloads: a real PNG of each view, the formatted JSON, and the SVG of the chosen view', async () => {
    const download = async (locator) => {
      const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    for (const view of ['summary', 'areas']) {
      const png = await download(page.getByRole('button', { name: new RegExp(`^Download PNG of the ${view === 'areas' ? 'areas' : 'summary'}`) }));
      const { width, height } = await canvasOf(view);
      assert.equal(png.name, `operation-cayman-${view}.png`);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.equal(png.bytes.subarray(12, 16).toString('latin1'), 'IHDR');
      assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [width, height]);
    }

    const json = await download(page.getByRole('button', { name: 'Download JSON' }));
    assert.equal(json.name, 'operation-cayman.json');
    assert.equal(json.bytes.toString('utf8'), `${JSON.stringify(JSON.parse(cayman), null, 2)}\n`);

    await page.getByRole('combobox', { name: 'View' }).selectOption('timeline');
    const svg = await download(page.getByRole('button', { name: 'Download SVG of this view' }));
    assert.equal(svg.name, 'operation-cayman-timeline.svg');
    const svgText = svg.bytes.toString('utf8');
    assert.ok(svgText.startsWith('<svg'), svgText.slice(0, 80));
    const texts = [...svgText.matchAll(/<text[^>]*>\s*([^<]*?)\s*<\/text>/g)].map((m) => m[1]);
    assert.ok(texts.includes('Operation Cayman: four days of raids'), `the title is text in the SVG: ${texts.slice(0, 5)}`);
    assert.ok(texts.includes('Norfolk') && texts.includes('London'), 'the timeline names its lanes');
  });

  test('a dropped CSV becomes a document and draws', async () => {
    const csv = await readFile(path.join(IMPORT_FIXTURES, 'events.csv'), 'utf8');
    const readyBefore = await eventsOf('chartready', 'preview-summary');
    await page.evaluate((csv) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'events.csv', { type: 'text/csv' }));
      const target = document.getElementById('chart-data');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, csv);
    await page.waitForFunction(() => document.getElementById('chart-data').value.startsWith('{'));
    const doc = JSON.parse(await editor().inputValue());
    assert.equal(doc.operation.name, 'Imported operation', 'the placeholder name from the form');
    assert.equal(doc.events.length, 6);
    assert.equal(doc.events[0].place, 'Orchard Street, Norwich');
    await waitForEvents('chartready', 'preview-summary', readyBefore + 1);
    const { label } = await canvasOf('summary');
    assert.ok(label.includes('2 raids') && label.includes('3 arrests'), label);
    const texts = await problemButtons().allTextContents();
    assert.ok(texts.some((t) => t.startsWith('--source: not given, so the credit line is the agency, "Police force"')), texts.join('\n'));

    // Details given after the drop make the same CSV again, with them.
    await page.getByText('For a CSV: what the spreadsheet has no column for').click();
    await page.getByRole('textbox', { name: 'Operation name (--name)' }).fill('Operation Lantern');
    await page.getByRole('textbox', { name: 'Reported arrests (--reported-arrests)' }).fill('4');
    await page.waitForFunction(() => {
      try { return JSON.parse(document.getElementById('chart-data').value).operation.name === 'Operation Lantern'; } catch { return false; }
    });
    const again = JSON.parse(await editor().inputValue());
    assert.deepEqual(again.reported, { arrests: 4 });
    assert.equal(again.events.length, 6);
  });

  test('a CSV with bad cells lists the command-line tool\'s messages, each taking the cursor to its line', async () => {
    const bytes = await readFile(path.join(IMPORT_FIXTURES, 'bad-cell.csv'));
    const before = await canvasOf('summary');
    await page.locator('#chart-file').setInputFiles({ name: 'bad-cell.csv', mimeType: 'text/csv', buffer: bytes });
    await page.waitForFunction(() => document.querySelectorAll('#problems button').length >= 3);
    const texts = await problemButtons().allTextContents();
    assert.ok(texts[0].startsWith('bad-cell.csv:5: column "time": expected an ISO 8601 date or date-time with offset, found "16/04/2018"'), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('bad-cell.csv:6: column "count": expected an integer ≥ 1, found "two"')), texts.join('\n'));
    assert.equal(await editor().inputValue(), bytes.toString('utf8'), 'the CSV stays in the editor to be fixed');
    assert.equal((await canvasOf('summary')).pixels, before.pixels, 'the previews keep the last good document');
    await problemButtons().first().click();
    const text = await editor().inputValue();
    assert.equal(await editor().evaluate((el) => el.selectionStart), text.indexOf('arrest,,16/04/2018'));
    assert.ok(texts[0].endsWith('line 5'), texts[0]);

    // Typed (or pasted) CSV text is imported too, named as the file it came from.
    await paste(text.replace('16/04/2018', '2018-04-16T06:20:00+01:00').replace(',two,', ',2,').replace('orchard-sf', 'orchard-st'));
    await page.waitForFunction(() => document.getElementById('chart-data').value.startsWith('{'));
    assert.equal(JSON.parse(await editor().inputValue()).events.length, 3);
  });

  test('a refused clipboard says how to copy by hand', async () => {
    const other = await env.open('/playground.html', { width: 1000 });
    // A browser that refuses, as one does without the permission or outside a user gesture.
    await other.context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await other.page.reload({ waitUntil: 'load' });
    await other.page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    await other.page.locator('button.copy[data-snippet="mount"]').click();
    const status = other.page.getByRole('status').filter({ hasText: 'did not allow' });
    await status.waitFor();
    assert.match(await status.textContent(), /^The browser did not allow copying The JS API: mount\(\): select the text above and copy it/);
    await assertClean(other.page, other.problems);
    await other.context.close();
  });

  test('axe finds nothing, and the page had no errors or policy violations', async () => {
    await paste(cayman.replace('"2018-04-16T06:00:00+01:00"', '"2024-13-40"'));
    assert.equal(await problemButtons().count(), 1);
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await assertClean(page, problems);
  });
});
