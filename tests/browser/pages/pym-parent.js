// What a pym.js Parent does (pym.js v1.3: new pym.Parent('pym-container', url)), without loading
// pym.js itself: it adds initialWidth, childId, parentTitle and parentUrl to the iframe URL, and
// accepts only messages matching ^pym xPYMx <childId> xPYMx (\S+) xPYMx (.*)$, then sets the
// iframe's height from a "height" message.
const DELIMITER = 'xPYMx';
const id = 'pym-container';
const container = document.getElementById(id);
const url = new URL('/embed.html?src=/data/operation-cayman.json&view=summary', location.href);
url.searchParams.set('initialWidth', String(container.offsetWidth));
url.searchParams.set('childId', id);
url.searchParams.set('parentTitle', document.title);
url.searchParams.set('parentUrl', location.href.split('#')[0]);
const frame = document.createElement('iframe');
frame.id = 'frame';
frame.title = 'Chart';
frame.src = url.href;
frame.setAttribute('width', '100%');
frame.setAttribute('scrolling', 'no');
frame.setAttribute('marginheight', '0');
frame.setAttribute('frameborder', '0');
container.append(frame);

const match = new RegExp(`^${['pym', id, '(\\S+)', '(.*)'].join(DELIMITER)}$`);
window.__messages = [];
window.__pymHeights = [];
window.addEventListener('message', (e) => {
  window.__messages.push(e.data);
  if (typeof e.data !== 'string') return;
  const m = e.data.match(match);
  if (!m || m[1] !== 'height') return;
  window.__pymHeights.push(m[2]);
  frame.setAttribute('height', `${parseInt(m[2], 10)}px`);
});
