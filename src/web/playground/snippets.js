// The four ready-to-copy embeds of the current document in the chosen view: the element with
// inline JSON, the element with `src`, the iframe, and the JS API's mount(). Every text from the
// document is escaped for where it goes, so pasting a snippet never runs anything.

/** Where the snippets assume the widget's files are served (as in the README's examples). */
export const MODULE_URL = '/charts/operation-charts.js';

/** `text` safe inside an HTML attribute value in double quotes, or as element text. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * The document as JSON that is safe inside `<script type="application/json">`: every `<` is
 * written `\u003c` (the same string to a JSON reader), so no `</script` or `<!--` can end or
 * bend the block, and U+2028/U+2029 are escaped for older JavaScript readers.
 */
export function scriptSafeJson(doc) {
  return JSON.stringify(doc, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A file name from the operation's name: "Operation Cayman" → "operation-cayman". */
export function slugOf(doc) {
  const name = doc?.operation?.name ?? doc?.title ?? 'operation';
  const slug = String(name).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'operation';
}

/** The chart's title as a reader sees it (what the fallback and the iframe's title say). */
function titleOf(doc) {
  return String(doc?.title ?? doc?.operation?.name ?? 'Operation chart');
}

/**
 * The four snippets for `doc` (the parsed document) in `view`. `origin` is where embed.html is
 * served; `height` the preview's height in CSS px (for the iframe's first height).
 * Returns `{ inline, src, iframe, mount }`, each the text to copy.
 */
export function snippetsFor(doc, view, { origin, height }) {
  const slug = slugOf(doc);
  const title = escapeHtml(titleOf(doc));
  const dataUrl = `/data/${slug}.json`;
  const v = escapeHtml(view);
  const moduleTag = `<script type="module" src="${MODULE_URL}"></script>`;
  const inline = [
    moduleTag,
    '',
    `<operation-chart view="${v}">`,
    '  <script type="application/json">',
    scriptSafeJson(doc),
    '  </script>',
    `  <p>${title}</p>`,
    '</operation-chart>',
  ].join('\n');
  const src = [
    moduleTag,
    '',
    `<!-- the document saved (Download JSON) as ${escapeHtml(dataUrl)} on your server -->`,
    `<operation-chart src="${escapeHtml(dataUrl)}" view="${v}">`,
    `  <p>${title}</p>`,
    '</operation-chart>',
  ].join('\n');
  // The slug and the view are letters, digits and hyphens: nothing in the query needs encoding.
  const query = `src=${dataUrl}&view=${encodeURIComponent(view)}&id=${slug}-${encodeURIComponent(view)}`;
  const iframe = [
    `<iframe class="chart-frame" title="${title}"`,
    `        src="${escapeHtml(`${origin}/embed.html?${query}`)}"`,
    `        height="${Math.max(120, Math.round(height || 420))}" scrolling="no"></iframe>`,
  ].join('\n');
  const mount = [
    `import { mount } from '${MODULE_URL}';`,
    '',
    `const data = ${scriptSafeJson(doc)};`,
    `const chart = await mount(document.getElementById('${slug}-chart'), data, { view: '${view.replace(/[^a-z]/g, '')}' });`,
  ].join('\n');
  return { inline, src, iframe, mount };
}
