// operation-charts: the <operation-chart> custom element and the JS API (mount, validate).
// Importing this module waits for the WebAssembly core and defines the element.
//
// The Rust core (its wasm-bindgen glue and .wasm) parses, validates, lays out and paints; the
// modules beside this one are the browser glue around it, bundled with it into one file by
// scripts/build.sh:
//   engine.js   the one shared wasm instance (top-level await), VIEWS, `ready`
//   element.js  the element: attributes, lifecycle, loading data, rendering (see its header
//               for the modules it is built from: sources, scheduler, fade, legend, table,
//               interaction, alert, shadow)
//   tooltip.js  where the tooltip goes
//   styles.js   the constructable stylesheet shared by every element
//   theme.js    the page's theme (ancestor classes, media queries) and colour normalising
//   report.js   data in (object or JSON text), validation reports out
//   api.js      validate() and mount()

import { OperationChartElement } from './element.js';

export { VIEWS, ready } from './engine.js';
export { OperationChartElement } from './element.js';
export { mount, validate } from './api.js';

if (!customElements.get('operation-chart')) {
  customElements.define('operation-chart', OperationChartElement);
}

export default OperationChartElement;
