// The alert beside the chart: what is wrong with the data, each problem with its JSON path.
// Texts from the data are set with textContent, never as markup.

/** Problems listed in the alert; the rest are counted ("…and 3 more"). */
const MAX_LISTED_ERRORS = 12;

/** Shows `message` and up to a dozen `{ path, message }` problems in `alert`. */
export function showProblems(alert, message, errors) {
  const p = document.createElement('p');
  p.textContent = message;
  const parts = [p];
  if (errors.length) {
    const ul = document.createElement('ul');
    for (const e of errors.slice(0, MAX_LISTED_ERRORS)) {
      const li = document.createElement('li');
      if (e.path) {
        const code = document.createElement('code');
        code.textContent = e.path;
        li.append(code, document.createTextNode(`: ${e.message}`));
      } else {
        li.textContent = e.message;
      }
      ul.append(li);
    }
    if (errors.length > MAX_LISTED_ERRORS) {
      const li = document.createElement('li');
      li.textContent = `…and ${errors.length - MAX_LISTED_ERRORS} more`;
      ul.append(li);
    }
    parts.push(ul);
  }
  alert.replaceChildren(...parts);
  alert.hidden = false;
}

/** Empties and hides the alert. */
export function clearProblems(alert) {
  alert.hidden = true;
  alert.replaceChildren();
}
