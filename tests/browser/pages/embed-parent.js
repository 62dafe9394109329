// Records what the embedded chart tells its parent, and resizes the iframe as a newsroom resizer would.
window.__messages = [];
window.addEventListener('message', (e) => {
  window.__messages.push(e.data);
  const h = e.data && e.data['datawrapper-height'];
  if (h) {
    const frame = document.getElementById('frame');
    for (const v of Object.values(h)) frame.height = String(v);
  }
});
