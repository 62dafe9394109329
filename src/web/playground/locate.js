// Where a problem is in the editor's text: the offset of the value at a JSON path
// (`events[12].time`), found with jsonc-parser's syntax tree rather than a tokenizer of our own;
// the offset of a syntax error's "line L, column C"; and an offset as the line and column a
// person reads (both counted from 1).

import { findNodeAtLocation, parseTree } from 'jsonc-parser';

/**
 * The segments of a path as the core writes it: `events[12].time` → ['events', 12, 'time'],
 * `source["odd key"]` → ['source', 'odd key'], `$` → []. Null for anything else.
 */
export function pathSegments(path) {
  if (path === '$' || path === '') return [];
  const segments = [];
  const token = /^(?:\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = path;
  while (rest) {
    const m = token.exec(rest);
    if (!m) return null;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else {
      // A long unknown key is cut short with "…" inside the quotes: it still parses.
      try { segments.push(JSON.parse(m[3]).replace(/…$/, '')); } catch { return null; }
    }
    rest = rest.slice(m[0].length);
  }
  return segments;
}

/**
 * The offset in `text` of the value at `path`, or, when there is none (a missing field), of
 * the nearest enclosing value that exists; 0 when the text has no tree at all.
 */
export function offsetOfPath(text, path) {
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  if (!root) return 0;
  const segments = pathSegments(path) ?? [];
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) return node.offset;
  }
  return root.offset;
}

/** The offset of the start of each line of `text` (1-based line L starts at starts[L - 1]). */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The offset of line `line`, column `column` as the core's JSON reader counts them (from 1;
 * columns in bytes of UTF-8, so a line with accents is measured as the reader measured it).
 */
export function offsetOfLineColumn(text, line, column) {
  const starts = lineStarts(text);
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end === -1 ? text.length : end);
  const bytes = new TextEncoder().encode(lineText).slice(0, Math.max(column - 1, 0));
  const chars = new TextDecoder().decode(bytes).replace(/\uFFFD$/, '').length;
  return start + Math.min(chars, lineText.length);
}

/** The line and column (from 1, in characters) of `offset` in `text`. */
export function lineColumnOf(text, offset) {
  const before = text.slice(0, Math.max(0, offset));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/** The line and column a syntax error message names ("at line 3, column 7"), or null. */
export function syntaxErrorPlace(message) {
  const m = /\bat line (\d+),? column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}
