// Telling a spreadsheet's CSV from a JSON document in the editor, the details a CSV has no
// column for (from the form beside the editor), and where an import problem points.

/**
 * True when `text` is not a JSON document but looks like a CSV with a header row: it does not
 * start with `{` or `[`, and its first line names at least two columns, separated by `,` or `;`.
 */
export function looksLikeCsv(text) {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed || trimmed.startsWith('{') || trimmed.startsWith('[')) return false;
  const header = trimmed.split(/\r?\n/, 1)[0];
  const separator = header.includes(',') ? ',' : header.includes(';') ? ';' : null;
  if (!separator) return false;
  const cells = header.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  return cells.length >= 2 && cells.every((c) => /^[A-Za-z_][A-Za-z0-9_ -]*$/.test(c) || c === '');
}

/** The details form's inputs, by the command-line option each stands for. */
export const DETAIL_INPUTS = Object.freeze({
  '--name': 'csv-name',
  '--agency': 'csv-agency',
  '--title': 'csv-title',
  '--source': 'csv-source',
  '--reported-raids': 'csv-raids',
  '--reported-arrests': 'csv-arrests',
  '--reported-charged': 'csv-charged',
});

/** What the form says, as the import's details: `{ name, agency, title, source, reported }`. */
export function detailsFrom(doc) {
  const text = (option) => doc.getElementById(DETAIL_INPUTS[option]).value;
  const count = (option) => {
    const value = text(option).trim();
    if (!/^\d+$/.test(value)) return undefined;
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : undefined;
  };
  return {
    name: text('--name'),
    agency: text('--agency'),
    title: text('--title'),
    source: text('--source'),
    reported: { raids: count('--reported-raids'), arrests: count('--reported-arrests'), charged: count('--reported-charged') },
  };
}

/**
 * Where an import problem points: `{ line }` for `events.csv:5: …`, `{ input }` (an element id
 * of the form) for `--name: …`, or null for the file as a whole.
 */
export function importProblemPlace(message) {
  const line = /^[^:]*:(\d+):/.exec(message);
  if (line) return { line: Number(line[1]) };
  const option = /^(--[a-z-]+):/.exec(message);
  if (option && DETAIL_INPUTS[option[1]]) return { input: DETAIL_INPUTS[option[1]] };
  return null;
}
