// The shared WebAssembly engine: one instance for the page, loaded by top-level await, so
// importing any module that needs it waits for it and validate() can be synchronous.
//
// A Rust panic, or memory running out, traps that one instance in whatever state it was in (the
// core is built to abort at once, without a message: scripts/build.sh). callCore() catches the
// trap and rebuilds the instance from the module already compiled (wasm-bindgen's reset-state
// function: no download, no compile).
// Every chart hears of it through onEngineReset() and makes a new Chart in the new instance.

import { nextTask } from './scheduler.js';
import init, {
  __wbg_reset_state as resetState, Chart, isMoveKey, maxDocumentBytes, sizeReport, validate, views,
} from './operation-charts-core.js';

export { Chart, isMoveKey };

/** The engine's file, beside this module (where wasm-bindgen's glue would look for it too). */
const WASM_URL = new URL('operation-charts-core_bg.wasm', import.meta.url);

const messageOf = (err) => (err instanceof Error ? err.message : String(err));

/**
 * Fetches and starts the engine. Fetching it here, not in the glue, tells the failures apart,
 * so the error says what a host can do about it: the browser's own words ("Failed to fetch",
 * "section extends past end of the module") do not.
 */
async function load() {
  let response;
  try {
    response = await fetch(WASM_URL);
  } catch (err) {
    throw new Error(`${WASM_URL.href} could not be fetched: a network error, or the page's Content-Security-Policy does not allow it in connect-src (${messageOf(err)})`, { cause: err });
  }
  if (!response.ok) {
    throw new Error(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${WASM_URL.href}`);
  }
  try {
    // A wrong MIME type is no failure: the glue then compiles from the bytes (more slowly).
    await init({ module_or_path: response });
  } catch (err) {
    const message = messageOf(err);
    if (/Content.Security.Policy|\bCSP\b|unsafe-eval/i.test(message)) {
      throw new Error(`the page's Content-Security-Policy does not allow WebAssembly: script-src needs 'wasm-unsafe-eval' (${message})`, { cause: err });
    }
    if (err instanceof WebAssembly.CompileError) {
      throw new Error(`${WASM_URL.href} is not a complete WebAssembly module: it was cut short or changed on the way (${message})`, { cause: err });
    }
    throw err;
  }
}

let failure = null;
try {
  await load();
} catch (err) {
  failure = err instanceof Error ? err : new Error(String(err));
  console.error(`operation-charts: the chart engine (WebAssembly) could not be loaded: ${failure.message}`);
}
// When the engine's bytes were all there at once (preloaded, or from the HTTP cache), the task
// that finished compiling it was long already: the element is defined, and every chart on the
// page connects, in the next one.
await nextTask();

/** The views the core draws, as it names them (none when it could not be loaded). */
export const VIEWS = Object.freeze(failure ? [] : JSON.parse(views()));

/** The largest document the core reads, in bytes of UTF-8 (0 when it could not be loaded). */
export const MAX_DOCUMENT_BYTES = failure ? 0 : maxDocumentBytes();

/**
 * The core's report for a document (JSON text, or bytes) over MAX_DOCUMENT_BYTES, or null: so
 * an oversize document is refused before it is copied into the core. A text is measured in
 * UTF-8 without encoding it, and only when it could be too large.
 */
function oversizeReport(doc) {
  if (!MAX_DOCUMENT_BYTES) return null;
  if (typeof doc !== 'string') return doc.length > MAX_DOCUMENT_BYTES ? sizeReport(doc.length) ?? null : null;
  if (doc.length * 3 <= MAX_DOCUMENT_BYTES) return null; // at most 3 bytes per UTF-16 unit
  let bytes = 0;
  for (let i = 0; i < doc.length; i++) {
    const c = doc.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (doc.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; } // a pair
    else bytes += 3;
  }
  return bytes > MAX_DOCUMENT_BYTES ? sizeReport(bytes) ?? null : null;
}

const UTF8 = new TextEncoder();

/** The most bytes of a text encoded at a time (the buffer a load of text reuses). */
const TEXT_PART = 1 << 20;

/**
 * Has `chart` read JSON text: the browser's encoder writes its UTF-8 a part at a time into one
 * reused buffer, and each part is pushed into the core, so the bytes are made once, in the
 * core, with no whole copy of them in JavaScript. The text's size has been checked
 * (oversizeReport). Returns the report's JSON.
 */
function loadText(chart, text) {
  chart.beginBytes(text.length); // its UTF-8 size, when it is ASCII
  const part = new Uint8Array(Math.min(TEXT_PART, text.length + 4)); // room for any one character
  for (let rest = text; rest.length > 0;) {
    const { read, written } = UTF8.encodeInto(rest, part);
    if (!chart.pushBytes(part.subarray(0, written))) break; // over the limit: the report says so
    rest = rest.slice(read);
  }
  return chart.loadGiven();
}

/**
 * Has `chart` read a document, JSON text or UTF-8 bytes, and returns its report's JSON; a
 * document over MAX_DOCUMENT_BYTES is refused before it is copied into the core.
 */
export function coreLoad(chart, doc) {
  return oversizeReport(doc) ?? callCore(() => {
    if (typeof doc === 'string') return loadText(chart, doc);
    chart.beginBytes(doc.length);
    chart.pushBytes(doc);
    return chart.loadGiven();
  });
}

/** What the core says of a document of `bytes` bytes when that is over the limit, or null. */
export function sizeProblem(bytes) {
  const report = MAX_DOCUMENT_BYTES && bytes > MAX_DOCUMENT_BYTES ? sizeReport(bytes) : null;
  return report ? JSON.parse(report).errors?.[0]?.message ?? null : null;
}

/** Why the engine could not be loaded (an Error), or null when it is ready. */
export let coreError = failure;

/** Resolves when the wasm core is ready; rejects if it could not be loaded. */
export const ready = coreError ? Promise.reject(coreError) : Promise.resolve();
ready.catch(() => {}); // reported above; don't also surface as an unhandled rejection

export function coreFailedMessage() {
  return `The chart engine could not be loaded${coreError ? ` (${coreError.message})` : ''}.`;
}

/** The core stopped in a call (a panic, or memory exhausted); the engine has been rebuilt. */
export class CoreCrash extends Error {
  constructor(message) {
    super(message);
    this.name = 'CoreCrash';
  }
}

const resetListeners = new Set();

/**
 * Calls `fn()` at once whenever the engine is rebuilt, until the returned function is called.
 * Old `Chart` objects are dead from then on: each call on one throws.
 */
export function onEngineReset(fn) {
  resetListeners.add(fn);
  return () => resetListeners.delete(fn);
}

/**
 * Runs `fn`, a call into the core, and returns its answer. If the core traps, rebuilds the
 * engine, tells every chart, and throws a CoreCrash naming the trap. Other exceptions
 * pass through unchanged.
 */
export function callCore(fn) {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof WebAssembly.RuntimeError)) throw err;
    try {
      resetState();
    } catch (resetErr) {
      coreError = resetErr instanceof Error ? resetErr : new Error(String(resetErr));
    }
    for (const listener of [...resetListeners]) {
      try { listener(); } catch { /* one chart's trouble must not stop the others hearing */ }
    }
    throw new CoreCrash(`an internal error (${err.message})`);
  }
}

/** Checks a document's JSON text: the JSON text of the core's report. */
export function coreValidate(text) {
  return callCore(() => validate(text));
}
