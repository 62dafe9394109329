// The JS API: validate(data) without drawing, and mount(container, data, options) for newsroom
// code that wants a handle (update, setView, toPNG, destroy) instead of the element.
// mount() creates <operation-chart>, which the entry module (operation-charts.js) defines.

import { coreError, coreFailedMessage, coreValidate } from './engine.js';
import { documentProblem, errorMessage, normaliseReport, toJsonText } from './report.js';

/**
 * Checks data without drawing it. Accepts an object or a JSON string.
 * @returns {{ok: boolean, errors: {path: string, message: string}[], warnings: {path: string, message: string}[]}}
 */
export function validate(data) {
  if (coreError) throw new Error(coreFailedMessage());
  let text;
  try {
    text = toJsonText(data);
  } catch (err) {
    return { ok: false, errors: documentProblem(errorMessage(err)), warnings: [] };
  }
  try {
    return normaliseReport(JSON.parse(coreValidate(text)));
  } catch (err) {
    // The core stopped (CoreCrash): it has been rebuilt for the charts; this document is refused.
    console.error('operation-charts: validate() stopped the chart engine:', err);
    return { ok: false, errors: documentProblem(`the chart engine stopped while checking this document: ${errorMessage(err)}`), warnings: [] };
  }
}

/**
 * Creates an <operation-chart> in `container` showing `data` and resolves, once it is drawn,
 * to a handle. Rejects (and removes the element) when the data is invalid; the Error carries
 * `errors: [{path, message}]`.
 */
export function mount(container, data, { view = 'summary', theme = 'auto' } = {}) {
  if (!container || typeof container.append !== 'function') {
    return Promise.reject(new TypeError('mount(container, data, options): container must be a DOM element'));
  }
  // The chart draws (and so settles this promise) only once it is connected: a detached
  // container would leave the caller waiting forever.
  if (!container.isConnected) return Promise.reject(new Error('mount: the container is not in the document'));
  if (coreError) return Promise.reject(new Error(coreFailedMessage()));
  const el = document.createElement('operation-chart');
  el.setAttribute('view', view);
  el.setAttribute('theme', theme);
  let destroyed = false;

  const handle = Object.freeze({
    element: el,
    update(newData) {
      if (destroyed) throw new Error('this chart was destroyed');
      el.data = newData;
      return el.report;
    },
    setView(v) {
      if (destroyed) throw new Error('this chart was destroyed');
      el.setAttribute('view', String(v));
    },
    toPNG() {
      if (destroyed) return Promise.reject(new Error('this chart was destroyed'));
      const canvas = el.shadowRoot.querySelector('canvas');
      return new Promise((resolve, reject) => {
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be exported as PNG'))), 'image/png');
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      el.remove(); // disconnectedCallback removes listeners and frees the wasm memory
    },
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (ok, value) => {
      if (settled) return;
      settled = true;
      el.removeEventListener('chartready', onReady);
      el.removeEventListener('charterror', onError);
      if (ok) resolve(value);
      else { handle.destroy(); reject(value); }
    };
    const onReady = () => finish(true, handle);
    const onError = (e) => {
      const err = new Error(e.detail?.message || 'the chart data is invalid');
      err.errors = e.detail?.errors ?? [];
      finish(false, err);
    };
    el.addEventListener('chartready', onReady);
    el.addEventListener('charterror', onError);
    container.append(el);
    el.data = data;
    // A container with no size yet (display:none, collapsed) draws only once it has one: settle
    // now rather than hang. A chart with a size draws (a first render may take a frame or two
    // of the render queue), and chartready or charterror settles it.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (settled || !el.report?.ok) return;
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) finish(true, handle);
    }));
  });
}
