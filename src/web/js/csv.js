// The data table as a CSV download: exactly the cells the table shows, in the order it shows
// them, header row first. Built from the table's text (never parsed as markup) into a Blob, so
// it needs no inline script, no eval and no server.

/** One CSV field (RFC 4180). Text a spreadsheet would run as a formula starts with "'". */
function field(text) {
  const t = /^[=+\-@\t\r]/.test(text) && isNaN(text.replace(/,/g, '')) ? `'${text}` : text;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Downloads `table` (a <table>: its header row, then each body row as shown) as a CSV file
 * named after its caption. */
export function downloadCsv(table) {
  const text = [...table.rows].map((tr) => [...tr.cells].map((c) => field(c.textContent)).join(',')).join('\r\n');
  const a = document.createElement('a');
  // A byte-order mark, so spreadsheets read the text as UTF-8 (place names, "£").
  a.href = URL.createObjectURL(new Blob(['\ufeff', text, '\r\n'], { type: 'text/csv' }));
  a.download = `${table.caption.textContent.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'data'}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1e4);
}
