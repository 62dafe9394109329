// The newsroom playground (www/playground.html): an editor for a document, the four views
// previewed live by the real <operation-chart> from dist/, every problem listed with where it
// is, the embeds ready to copy, and downloads (PNG, JSON, SVG). A CSV in the editor is made
// into a document by the same Rust code as `operation-charts import`, through this page's own
// wasm build (engine.js). Everything runs under the demo server's strict policy: no inline
// script or style, no markup from data, nothing from another origin.

import { copyText } from './copy.js';
import { engineReady, importSpreadsheet, svgOf } from './engine.js';
import { lineColumnOf, offsetOfLineColumn, offsetOfPath, syntaxErrorPlace } from './locate.js';
import { showProblems } from './problems.js';
import { chartPng, saveBlob } from './save.js';
import { slugOf, snippetsFor } from './snippets.js';
import { detailsFrom, importProblemPlace, looksLikeCsv } from './spreadsheet.js';

/** How long the editor waits after the last key before redrawing, in ms. */
export const DEBOUNCE_MS = 300;
const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];
const DEFAULT_DOCUMENT = 'data/operation-cayman.json';

const $ = (id) => document.getElementById(id);
const editor = $('chart-data');
const problemsList = $('problems');
const problemsStatus = $('problems-status');
const actionStatus = $('action-status');
const viewSelect = $('snippet-view');
const charts = Object.fromEntries(VIEWS.map((v) => [v, $(`preview-${v}`)]));

/** The last document every preview drew: its text and parsed value. */
let good = null;
/** The CSV file name messages use. */
let csvName = 'events.csv';
/** The last CSV imported and the document made of it, so a change of details re-imports it. */
let lastImport = null;
let timer = 0;

function say(text) {
  // A new text each time, so a second "Copied" after the first is announced again.
  actionStatus.textContent = '';
  requestAnimationFrame(() => { actionStatus.textContent = text; });
}

/** Puts the editor's cursor at `offset` and brings it into view. */
function focusEditorAt(offset) {
  editor.focus();
  editor.setSelectionRange(offset, offset);
  // Scroll the line into view: a textarea scrolls to its caret only while typing.
  const { line } = lineColumnOf(editor.value, offset);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
  editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/** A JSON problem (`{ path, message }`) as an item of the list, placed in `text`. */
function jsonItem(text, problem, kind) {
  const syntax = problem.path === '$' ? syntaxErrorPlace(problem.message) : null;
  const offset = syntax ? offsetOfLineColumn(text, syntax.line, syntax.column) : offsetOfPath(text, problem.path);
  const place = lineColumnOf(text, offset);
  return { text: `${problem.path}: ${problem.message}`, kind, place, go: () => focusEditorAt(offset) };
}

/** An import problem (`events.csv:5: column "time": …`) as an item, placed in the CSV. */
function csvItem(text, message, kind) {
  const where = importProblemPlace(message);
  if (where?.line) {
    const offset = offsetOfLineColumn(text, where.line, 1);
    return { text: message, kind, place: { line: where.line }, go: () => focusEditorAt(offset) };
  }
  if (where?.input) {
    return { text: message, kind, place: null, placeText: 'in the form below', go: () => { $('csv-details').open = true; $(where.input).focus(); } };
  }
  return { text: message, kind, place: null, go: () => focusEditorAt(0) };
}

/** Gives every preview `text` (JSON); returns the report of the core that read it. */
function draw(text) {
  let report = null;
  for (const v of VIEWS) {
    charts[v].data = text;
    report ??= charts[v].report;
  }
  return report ?? { ok: false, errors: [{ path: '$', message: 'the charts are not ready' }], warnings: [] };
}

/** The editor's text made into previews, problems and snippets. `extra`: import warnings. */
async function update({ extra = [] } = {}) {
  clearTimeout(timer);
  const text = editor.value;
  if (looksLikeCsv(text)) {
    await importCsv(text);
    return;
  }
  const report = draw(text);
  const items = [
    ...extra,
    ...report.errors.map((p) => jsonItem(text, p, 'error')),
    ...report.warnings.map((p) => jsonItem(text, p, 'warning')),
  ];
  showProblems(problemsList, problemsStatus, items, { stale: !report.ok && good !== null });
  if (report.ok) {
    good = { text, doc: JSON.parse(text) };
    $('snippet-note').textContent = '';
    renderSnippets();
  } else if (good) {
    $('snippet-note').textContent = 'The snippets and downloads hold the last good document.';
  }
}

/** A CSV in the editor: imported as the command-line tool does; a good one replaces the text. */
async function importCsv(text) {
  let answer;
  try {
    answer = await importSpreadsheet(text, csvName, detailsFrom(document));
  } catch (err) {
    showProblems(problemsList, problemsStatus, [{ text: `${csvName}: the importer could not run: ${err.message}`, kind: 'error', place: null, go: () => focusEditorAt(0) }]);
    return;
  }
  if (editor.value !== text) return; // typed over while importing: the next update handles it
  if (!answer.ok) {
    const items = [
      ...answer.errors.map((m) => csvItem(text, m, 'error')),
      ...answer.warnings.map((m) => csvItem(text, m, 'warning')),
    ];
    showProblems(problemsList, problemsStatus, items, { stale: good !== null });
    return;
  }
  editor.value = answer.document;
  lastImport = { csv: text, document: answer.document };
  say(`Imported ${csvName} as a document: the editor now holds it.`);
  const notes = answer.warnings.map((m) => csvItem(answer.document, m, 'warning'));
  await update({ extra: notes });
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => { update(); }, DEBOUNCE_MS);
}

function renderSnippets() {
  if (!good) return;
  const view = viewSelect.value;
  const height = charts[view]?.getBoundingClientRect().height;
  const snippets = snippetsFor(good.doc, view, { origin: location.origin, height });
  for (const [name, text] of Object.entries(snippets)) {
    $(`snippet-${name}`).querySelector('code').textContent = text;
  }
}

/** Reads a dropped or chosen file into the editor and redraws at once. */
async function openFile(file) {
  const text = await file.text();
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') csvName = file.name;
  editor.value = text;
  say(`Opened ${file.name}.`);
  await update();
}

// --- wiring ------------------------------------------------------------------------------------

editor.addEventListener('input', schedule);
editor.addEventListener('dragover', (e) => {
  if ([...(e.dataTransfer?.types ?? [])].includes('Files')) {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }
});
editor.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files?.[0];
  if (!file) return; // dropped text: the textarea inserts it, and `input` follows
  e.preventDefault();
  openFile(file);
});
$('chart-file').addEventListener('change', (e) => {
  const file = e.target.files?.[0];
  if (file) openFile(file);
});
for (const input of document.querySelectorAll('#csv-details input')) {
  input.addEventListener('input', () => {
    // The document made from a CSV and not edited since: made again with the new details.
    if (lastImport && editor.value === lastImport.document) editor.value = lastImport.csv;
    if (looksLikeCsv(editor.value)) schedule();
  });
}
viewSelect.addEventListener('change', renderSnippets);
// The iframe's first height is the chosen preview's, known once it has drawn (and after a resize).
document.addEventListener('chartready', (e) => { if (e.target === charts[viewSelect.value]) renderSnippets(); });

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const code = $(`snippet-${button.dataset.snippet}`).querySelector('code').textContent;
    const heading = $(`snippet-${button.dataset.snippet}-heading`).textContent;
    say(await copyText(code, heading));
  });
}

for (const button of document.querySelectorAll('button.png')) {
  button.addEventListener('click', async () => {
    const view = button.dataset.view;
    try {
      saveBlob(await chartPng(charts[view]), `${slugOf(good?.doc)}-${view}.png`);
      say(`Saved the ${view} as PNG.`);
    } catch (err) {
      say(`Could not save the PNG: ${err.message}.`);
    }
  });
}

$('download-json').addEventListener('click', () => {
  if (!good) { say('There is no valid document to save yet.'); return; }
  const formatted = `${JSON.stringify(JSON.parse(good.text), null, 2)}\n`;
  saveBlob(new Blob([formatted], { type: 'application/json' }), `${slugOf(good.doc)}.json`);
  say('Saved the document as JSON.');
});

$('download-svg').addEventListener('click', async () => {
  if (!good) { say('There is no valid document to draw yet.'); return; }
  const view = viewSelect.value;
  const width = Math.round(charts[view]?.getBoundingClientRect().width || 640);
  try {
    const svg = await svgOf(good.text, view, width);
    saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `${slugOf(good.doc)}-${view}.svg`);
    say(`Saved the ${view} as SVG.`);
  } catch (err) {
    say(`Could not draw the SVG: ${err.message ?? err}.`);
  }
});

// --- start ---------------------------------------------------------------------------------------

engineReady.catch((err) => {
  console.warn(`playground: the import and SVG engine could not start (${err.message}); CSV import and SVG download are off.`);
});

await customElements.whenDefined('operation-chart');
try {
  const response = await fetch(DEFAULT_DOCUMENT);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  editor.value = await response.text();
} catch (err) {
  problemsStatus.textContent = `Could not load the example document (${err.message}); paste one in.`;
}
await update();
document.body.dataset.ready = 'true';
