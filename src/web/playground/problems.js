// The "Problems" list: every error and warning, each a button that starts with where the
// problem is (a JSON path, or the CSV line as the command-line tool writes it) and says the
// line and column it points at; activating one puts the editor's cursor there. Built with
// textContent only: a message quotes the document, which is never markup.

/**
 * Shows `items` in `list` and a one-line summary in `status`. Each item is
 * `{ text, kind: 'error' | 'warning', place: { line, column } | null, go() }`.
 */
export function showProblems(list, status, items, { stale = false } = {}) {
  const errors = items.filter((i) => i.kind === 'error').length;
  const warnings = items.length - errors;
  const count = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
  status.textContent = items.length === 0
    ? 'No problems.'
    : `${count(errors, 'error')}, ${count(warnings, 'warning')}.${stale ? ' The previews show the last good document.' : ''}`;
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement('li');
    li.className = `problem problem--${item.kind}`;
    const button = document.createElement('button');
    button.type = 'button';
    const text = document.createElement('span');
    text.className = 'problem__text';
    text.textContent = item.text;
    button.append(text);
    const where = document.createElement('span');
    where.className = 'problem__where';
    const place = item.place
      ? (item.place.column ? `line ${item.place.line}, column ${item.place.column}` : `line ${item.place.line}`)
      : (item.placeText ?? '');
    where.textContent = [place, item.kind === 'warning' ? 'warning' : ''].filter(Boolean).join(' · ');
    if (where.textContent) {
      button.append(' ', where);
    }
    button.addEventListener('click', () => item.go());
    li.append(button);
    return li;
  }));
}
