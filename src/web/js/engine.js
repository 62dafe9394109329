// The shared WebAssembly engine: one instance for the page, loaded by top-level await, so
// importing any module that needs it waits for it and validate() can be synchronous.

import init, { Chart, isMoveKey, validate as coreValidate, views } from './operation-charts-core.js';

export { Chart, coreValidate, isMoveKey };

let failure = null;
try {
  await init();
} catch (err) {
  failure = err instanceof Error ? err : new Error(String(err));
  console.error('operation-charts: the chart engine (WebAssembly) could not be loaded:', failure);
}

/** The views the core draws, as it names them (none when it could not be loaded). */
export const VIEWS = Object.freeze(failure ? [] : JSON.parse(views()));

/** Why the engine could not be loaded (an Error), or null when it is ready. */
export const coreError = failure;

/** Resolves when the wasm core is ready; rejects if it could not be loaded. */
export const ready = coreError ? Promise.reject(coreError) : Promise.resolve();
ready.catch(() => {}); // reported above; don't also surface as an unhandled rejection

export function coreFailedMessage() {
  return `The chart engine could not be loaded${coreError ? ` (${coreError.message})` : ''}.`;
}
