// The playground's own WebAssembly build (cargo feature `playground`, src/web/playground.rs):
// the spreadsheet import of `operation-charts import` and the SVG export of
// `operation-charts render`. A second engine beside the widget's, loaded only by this page, so
// its weight is never the widget's.

import init, { importCsv, renderSvg } from './operation-charts-playground.js';

const WASM_URL = new URL('operation-charts-playground_bg.wasm', import.meta.url);

/** Resolves once the engine is ready; rejects with the reason it could not start. */
export const engineReady = init({ module_or_path: WASM_URL }).then(() => undefined);

/**
 * A CSV (text) and its details made into a document, as the command-line tool does:
 * `{ ok, document, errors, warnings }`, each problem as the tool prints it
 * (`events.csv:5: column "time": …`).
 */
export async function importSpreadsheet(csvText, fileName, details) {
  await engineReady;
  return JSON.parse(importCsv(new TextEncoder().encode(csvText), fileName, JSON.stringify(details)));
}

/** `view` of the JSON document `text` as SVG text, `width` CSS px wide, as the tool draws it. */
export async function svgOf(text, view, width) {
  await engineReady;
  return renderSvg(text, view, width, 'light');
}
