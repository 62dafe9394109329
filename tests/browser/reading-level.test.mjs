// Chartability's "reading level inappropriate" (critical): the sentences the chart writes itself
// (its description, what each view shows, how to read the marks, the keys) read at grade 9 or
// below on the Flesch–Kincaid scale, for the bundled Cayman data and the Lantern fixture, in
// every view. Sentences that carry the newsroom's own words (title, subtitle, source, notes)
// are theirs to write, and are left out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { addChart, assertClean, ROOT, setup } from './harness.mjs';
import { lantern } from './fixtures.mjs';

/** The highest grade a chart's own text may need. */
const MAX_GRADE = 9;
const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Flesch–Kincaid grade of `text`: sentences end at . ! ? or ;, words are runs of letters and digits. */
function grade(text) {
  const sentences = text.split(/(?<=[.!?;])\s+/).filter((s) => /\w/.test(s));
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’,.-]*/gu)?.map((w) => w.replace(/[,.]+$/, '')) ?? [];
  const syllables = words.reduce((n, w) => n + (/^\d/.test(w) ? 1 : syllable(w)), 0);
  return fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
}

/** Every string the document itself gives (its words are the newsroom's, not the chart's). */
function documentWords(doc) {
  const words = [];
  const walk = (v) => {
    if (typeof v === 'string' && v.trim().length > 3) words.push(v.trim());
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk({ title: doc.title, subtitle: doc.subtitle, operation: doc.operation, source: doc.source, annotations: doc.annotations });
  return words;
}

const documents = {
  cayman: JSON.parse(readFileSync(path.join(ROOT, 'www/data/operation-cayman.json'), 'utf8')),
  lantern: lantern(),
};

for (const [name, doc] of Object.entries(documents)) {
  test(`${name}: the chart's own sentences read at grade ${MAX_GRADE} or below, in every view`, async () => {
    const { page, problems } = await env.open('/test/blank.html', { width: 900 });
    const theirs = documentWords(doc);
    for (const view of VIEWS) {
      await addChart(page, { id: view, view, width: 700, data: doc });
      const text = await page.evaluate((id) => {
        const root = document.getElementById(id).shadowRoot;
        return [root.querySelector('canvas').getAttribute('aria-label'), root.getElementById('about').textContent, root.getElementById('hint').textContent];
      }, view);
      const own = text.join(' ').split(/(?<=[.!?])\s+/).filter((s) => s.trim() && !theirs.some((w) => s.includes(w) || w.includes(s.trim()))).join(' ');
      assert.ok(own.split(/\s+/).length > 20, `${view}: enough of the chart's own words to grade: ${own}`);
      const g = grade(own);
      assert.ok(g <= MAX_GRADE, `${name} ${view}: grade ${g.toFixed(1)} > ${MAX_GRADE}: ${own}`);
    }
    await assertClean(page, problems);
  });
}
