// operation-charts: the <operation-chart> custom element and the JS API (mount, validate).
// Importing this module waits for the WebAssembly core and defines the element.
//
// The Rust core (operation-charts-core.js + its .wasm, made by wasm-bindgen) parses, validates,
// lays out and paints; the modules beside this one are the browser glue around it:
//   engine.js   the one shared wasm instance (top-level await), VIEWS, `ready`
//   element.js  the element: data sources, sizing, rendering, hover/touch/keyboard, errors
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
