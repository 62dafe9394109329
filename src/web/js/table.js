// "Show data": each view as a real table with the same numbers as the chart, hidden until the
// reader asks for it. The core writes the table; this builds its DOM.

function cell(tag, text) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = String(text);
  return n;
}

/** One chart's data table and its "Show data" button. */
export class DataTable {
  /** `showData`: the button; `data`: the container it controls. */
  constructor(showData, data) {
    this._button = showData;
    this._data = data;
    this._key = null;
  }

  /**
   * Rebuilds the table when `key` (data version and view) changed; `read()` returns the core's
   * `{ caption, columns, rows }`, or null when it has none.
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
    for (const c of t.columns ?? []) {
      const th = cell('th', c);
      th.scope = 'col';
      headRow.append(th);
    }
    thead.append(headRow);
    const tbody = cell('tbody');
    for (const row of t.rows ?? []) {
      const tr = cell('tr');
      row.forEach((text, i) => {
        const c = cell(i === 0 ? 'th' : 'td', text);
        if (i === 0) c.scope = 'row';
        tr.append(c);
      });
      tbody.append(tr);
    }
    table.append(caption, thead, tbody);
    this._data.replaceChildren(table);
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
