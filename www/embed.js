// www/embed.html?src=URL&view=V[&theme=light|dark|auto][&id=ID]
// Shows one chart at full width and tells the parent page its height with postMessage, in the
// two shapes that newsroom iframe resizers already understand:
//   { "datawrapper-height": { "<id>": height } }     (Datawrapper's responsive embed)
//   "pymxPYMx<childId>xPYMxheightxPYMx<height>"      (pym.js: its _makeMessage joins
//                                                     ['pym', id, 'height', height] with the
//                                                     literal delimiter "xPYMx")
// A pym.js parent adds ?initialWidth=…&childId=…&parentTitle=…&parentUrl=… to the iframe URL and
// only accepts messages carrying that childId, so the pym message uses it; without one (a plain
// iframe, Datawrapper-style) both messages use `id`, then a name made from src and view.
const params = new URLSearchParams(location.search);
const root = document.getElementById('embed');
const src = params.get('src');
const view = params.get('view') || 'summary';
const theme = params.get('theme');
const fallbackId = `${src || 'chart'}#${view}`;
const chartId = params.get('id') || params.get('childId') || fallbackId;
const pymId = params.get('childId') || params.get('id') || fallbackId;
const PYM_DELIMITER = 'xPYMx';

function show(message) {
  const p = document.createElement('p');
  p.className = 'embed-error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  root.replaceChildren(p);
}

let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ 'datawrapper-height': { [chartId]: height } }, '*');
  window.parent.postMessage(['pym', pymId, 'height', String(height)].join(PYM_DELIMITER), '*');
}

if (!src) {
  show('No chart to show: add ?src=URL-of-the-data.json&view=summary to the address.');
} else {
  const chart = document.createElement('operation-chart');
  chart.setAttribute('src', src);
  chart.setAttribute('view', view);
  if (theme) chart.setAttribute('theme', theme);
  const refresh = params.get('refresh');
  if (refresh) chart.setAttribute('refresh', refresh);
  const fallback = document.createElement('p');
  fallback.textContent = 'Loading chart…';
  chart.append(fallback);
  root.replaceChildren(chart);
  chart.addEventListener('chartready', postHeight);
  chart.addEventListener('charterror', postHeight);
}

new ResizeObserver(postHeight).observe(document.documentElement);
postHeight();
