// "Show data": each view as a real table with the same numbers as the chart, hidden until the
// reader asks for it, sortable by any column, and downloadable as CSV. Each row that shows a
// mark is focusable, and focusing it highlights that mark on the chart. The core writes the
// table (and says how each column sorts); this builds its DOM. Text from the data is only ever
// set with textContent.

import { downloadCsv } from './csv.js';

function cell(tag, text) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = String(text);
  return n;
}

/** A cell's number for sorting ("1,234" and "44%" read as numbers), or NaN. */
const numberIn = (text) => (/\d/.test(text) ? Number(text.replace(/[,%]/g, '')) : NaN);

/** One chart's data table and its "Show data" button. */
export class DataTable {
  /**
   * `showData`: the button; `data`: the container it controls; `onRow(link)`: a row linked to
   * a mark took the focus (`link`, the core's `{ kind, datum }`) or the rows lost it (null).
   */
  constructor(showData, data, onRow = () => {}) {
    this._onRow = onRow;
    this._button = showData;
    this._data = data;
    this._key = null;
    // (Buttons in a shadow root belong to no form, so they need no type="button".)
    this._csv = cell('button', 'Download CSV');
    this._csv.className = 'csv';
    this._csv.addEventListener('click', () => {
      const table = this._data.querySelector('table');
      if (table) downloadCsv(table);
    });
  }

  /**
   * Rebuilds the table when `key` (data version and view) changed; `read()` returns the core's
   * `{ caption, columns, rows, sort, foot }`, or null when it has none.
   */
  update(key, read) {
    if (key === this._key) return;
    const t = read();
    if (!t) return;
    this._key = key;
    const table = cell('table');
    const caption = cell('caption', t.caption ?? '');
    const thead = cell('thead');
    const headRow = cell('tr');
    const tbody = cell('tbody');
    // Each row with its place in the core's order; the last `foot` rows (totals) stay last.
    const links = new Map(); // row → the mark it shows
    const rows = (t.rows ?? []).map((row, at) => {
      const tr = cell('tr');
      const link = t.links?.[at];
      if (link) {
        tr.tabIndex = 0;
        links.set(tr, link);
      }
      row.forEach((text, i) => {
        const c = cell(i ? 'td' : 'th', text);
        if (!i) c.scope = 'row';
        tr.append(c);
      });
      tbody.append(tr);
      return { tr, row, at };
    });
    const foot = rows.splice(rows.length - (t.foot || 0));
    // A focused row shows its mark; moving from row to row moves it, leaving the rows clears it.
    tbody.addEventListener('focusin', (e) => { const link = links.get(e.target); if (link) this._onRow(link); });
    tbody.addEventListener('focusout', (e) => { if (!links.has(e.relatedTarget)) this._onRow(null); });
    (t.columns ?? []).forEach((name, i) => {
      const th = cell('th');
      th.scope = 'col';
      const sort = cell('button', name);
      sort.addEventListener('click', () => {
        // First press ascending, then each press the other way. How a column sorts is the
        // core's to say: by number (n), by text (t), or back to its own order (time, stages).
        const up = th.getAttribute('aria-sort') !== 'ascending';
        for (const h of headRow.children) h.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        const kind = t.sort?.[i];
        const key = (r) => (kind === 'n' ? numberIn(r.row[i] ?? '') : kind === 't' ? r.row[i] ?? '' : r.at);
        rows.sort((a, b) => {
          const x = key(a);
          const y = key(b);
          // Cells without a number sort last either way.
          if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y);
          return (up ? 1 : -1) * (kind === 't' ? x.localeCompare(y) : x - y) || a.at - b.at;
        });
        tbody.append(...rows.map((r) => r.tr), ...foot.map((r) => r.tr));
      });
      th.append(sort);
      headRow.append(th);
    });
    thead.append(headRow);
    table.append(caption, thead, tbody);
    this._data.replaceChildren(this._csv, table);
    if (this._data.hasAttribute('role')) this._data.setAttribute('aria-label', caption.textContent || 'Data');
  }

  /**
   * Shows or hides the table ("Show data"). Collapsed, it is `hidden` from every reader, so
   * what assistive technology gets matches what `aria-expanded` says; expanded, it is the next
   * thing in the tab order after the button.
   */
  toggle() {
    const data = this._data;
    const open = this._button.getAttribute('aria-expanded') !== 'true';
    this._button.setAttribute('aria-expanded', String(open));
    data.hidden = !open;
    // Shown, it may scroll sideways on a phone: then it is a focusable, named region.
    if (open) {
      data.setAttribute('role', 'region');
      data.setAttribute('aria-label', data.querySelector('caption')?.textContent || 'Data');
      data.tabIndex = 0;
    } else {
      for (const a of ['role', 'aria-label', 'tabindex']) data.removeAttribute(a);
    }
  }

  /** Forgets the table built, so the next update builds it again. */
  reset() {
    this._key = null;
  }
}
