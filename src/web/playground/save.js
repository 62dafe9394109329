// Downloads without a server: a Blob saved under a file name through a temporary link, and the
// PNG of a chart as drawn (its canvas, at the device pixel ratio).

/** Saves `blob` as `name` (the browser's own download). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The PNG of the chart `element` (an <operation-chart>) as drawn. */
export function chartPng(element) {
  const canvas = element.shadowRoot?.querySelector('canvas');
  if (!canvas || !canvas.width) return Promise.reject(new Error('the chart has not been drawn yet'));
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be exported as PNG'))), 'image/png');
  });
}
