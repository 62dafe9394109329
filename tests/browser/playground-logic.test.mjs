// The playground's logic without a browser (node): JSON paths to offsets through jsonc-parser,
// a syntax error's line and column (counted in bytes by the core) to an offset, CSV detection,
// where an import problem points, and the escaping of the snippets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineColumnOf, offsetOfLineColumn, offsetOfPath, pathSegments, syntaxErrorPlace } from '../../src/web/playground/locate.js';
import { escapeHtml, scriptSafeJson, slugOf, snippetsFor } from '../../src/web/playground/snippets.js';
import { importProblemPlace, looksLikeCsv } from '../../src/web/playground/spreadsheet.js';

test('paths read as the core writes them', () => {
  assert.deepEqual(pathSegments('$'), []);
  assert.deepEqual(pathSegments('events[12].time'), ['events', 12, 'time']);
  assert.deepEqual(pathSegments('source["odd key"].x'), ['source', 'odd key', 'x']);
  assert.deepEqual(pathSegments('events[0][""]'), ['events', 0, '']);
  assert.equal(pathSegments('events[x]'), null);
});

test('a path finds its value, a missing field its object', () => {
  const text = '{\n  "events": [\n    { "type": "raid", "time": "2024-13-40" }\n  ],\n  "source": { "odd key": 1 }\n}';
  assert.equal(offsetOfPath(text, 'events[0].time'), text.indexOf('"2024-13-40"'));
  assert.deepEqual(lineColumnOf(text, offsetOfPath(text, 'events[0].time')), { line: 3, column: 31 });
  assert.equal(offsetOfPath(text, 'events[0].place'), text.indexOf('{ "type"'), 'missing: its object');
  assert.equal(offsetOfPath(text, 'operation.name'), 0, 'missing parent too: the document');
  assert.equal(offsetOfPath(text, 'source["odd key"]'), text.indexOf('1 }'));
  assert.equal(offsetOfPath('not json at all', 'events[0]'), 0);
});

test('a syntax error\'s line and column (bytes of UTF-8) become an offset', () => {
  const text = '{\n  "place": "Café", "x" 1\n}';
  const place = syntaxErrorPlace('expected valid JSON, found a syntax error at line 2, column 25: expected `:`');
  assert.deepEqual(place, { line: 2, column: 25 });
  // "é" is two bytes: column 25 in bytes is the 24th character, the "1".
  assert.equal(offsetOfLineColumn(text, 2, 25), text.indexOf('1'));
  assert.equal(offsetOfLineColumn(text, 99, 1), text.lastIndexOf('\n') + 1, 'past the end: the last line');
  assert.equal(offsetOfLineColumn('', 1, 0), 0);
});

test('a CSV is told from JSON by its header row', () => {
  assert.equal(looksLikeCsv('type,time,raid\nraid,2018-04-16,\n'), true);
  assert.equal(looksLikeCsv('\uFEFFtype;time\nraid;2018-04-16\n'), true);
  assert.equal(looksLikeCsv('"type","time"\n'), true);
  assert.equal(looksLikeCsv('{"version": 1}'), false);
  assert.equal(looksLikeCsv('  [1, 2]'), false);
  assert.equal(looksLikeCsv('hello world'), false);
  assert.equal(looksLikeCsv('2018-04-16, 12:00\n'), false, 'a header names columns');
});

test('an import problem points at its line, its detail, or the file', () => {
  assert.deepEqual(importProblemPlace('events.csv:5: column "time": expected …'), { line: 5 });
  assert.deepEqual(importProblemPlace('--name: expected some text'), { input: 'csv-name' });
  assert.equal(importProblemPlace('events.csv: expected a header row'), null);
});

test('the snippets escape what the data says for where it goes', () => {
  const doc = {
    version: 1,
    title: 'Raids & "arrests" <b>',
    operation: { name: 'Opération Ça va' },
    events: [],
    source: { name: 'x', note: '</script><script>alert(1)</script> <!-- \u2028' },
  };
  const json = scriptSafeJson(doc);
  assert.ok(!json.includes('<'), json);
  assert.ok(!json.includes('\u2028'));
  assert.deepEqual(JSON.parse(json), doc);
  assert.equal(escapeHtml('a & "b" <c>'), 'a &amp; &quot;b&quot; &lt;c&gt;');
  assert.equal(slugOf(doc), 'operation-ca-va');
  const s = snippetsFor(doc, 'areas', { origin: 'http://localhost:8080', height: 333.4 });
  assert.ok(s.inline.includes('<p>Raids &amp; &quot;arrests&quot; &lt;b&gt;</p>'), s.inline);
  assert.ok(s.iframe.includes('title="Raids &amp; &quot;arrests&quot; &lt;b&gt;"'));
  assert.ok(s.iframe.includes('src="http://localhost:8080/embed.html?src=/data/operation-ca-va.json&amp;view=areas&amp;id=operation-ca-va-areas"'), s.iframe);
  assert.ok(s.iframe.includes('height="333"'));
  assert.ok(s.src.includes('<operation-chart src="/data/operation-ca-va.json" view="areas">'));
  assert.ok(s.mount.includes("{ view: 'areas' }"));
});
