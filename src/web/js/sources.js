// Where a chart's data comes from, besides the `data` property: an inline
// <script type="application/json"> child, and `src`, fetched once or every `refresh` seconds.
// Only the newest request counts: an older answer arriving late is dropped. A chart has at most
// one request in flight, and a server that stops answering cannot hold it for ever.

import { sizeProblem } from './engine.js';
import { errorMessage } from './report.js';

/** The shortest `refresh` interval, in seconds: a live story needs no more. */
export const MIN_REFRESH_SECONDS = 30;

/**
 * How long, in seconds, a request waits for the server's answer, and then for each next part of
 * its body, before it is given up (the README states it). A wait, not a total: a large document
 * on a slow connection keeps arriving and is not cut off. Below MIN_REFRESH_SECONDS, so a
 * silent server is given up on before the next refresh is due.
 */
export const FETCH_TIMEOUT_SECONDS = 15;

/** The text of `host`'s inline JSON child, or null when it has none (or only whitespace). */
export function inlineJson(host) {
  for (const child of host.children) {
    if (child.localName === 'script' && (child.type || '').trim().toLowerCase() === 'application/json') {
      const text = child.textContent ?? '';
      return text.trim() ? text : null;
    }
  }
  return null;
}

/**
 * A fetched document up to this size is also kept in JavaScript, to show it again at once when
 * the element is moved in the page; a larger one is fetched again (through the HTTP cache).
 */
const KEEP_BYTES = 1 << 20;

/** How much of a body is read at a time where the stream can fill a buffer of ours. */
const PART_BYTES = 1 << 18;

/**
 * A reader of `body`'s parts, `{ read() }` as a stream reader's. Where the body is a byte stream
 * (fetch bodies are, in current browsers), each part is read into one buffer that is handed
 * back and refilled, so a 40 MB document leaves no 40 MB of parts behind for the garbage
 * collector; a part is only valid until the next read. Elsewhere, the stream's own parts.
 */
function partsOf(body) {
  let byob = null;
  try { byob = body.getReader({ mode: 'byob' }); } catch { /* not a byte stream */ }
  if (!byob) return body.getReader();
  let buffer = new ArrayBuffer(PART_BYTES);
  return {
    async read() {
      const result = await byob.read(new Uint8Array(buffer));
      if (result.value) buffer = result.value.buffer; // the same memory, handed back
      return result;
    },
  };
}

/** `parts` (Uint8Arrays of `size` bytes in all) as one. */
function concat(parts, size) {
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** Fetches `src` for one chart, with a refresh timer, one request at a time. */
export class SourceFetcher {
  constructor() {
    this._token = 0;
    this._abort = null;
    this._timer = 0;
  }

  /** Makes any request on its way stale: newer data arrived some other way. */
  supersede() {
    this._token++;
  }

  /** Aborts any request on its way and stops the timer (the chart went away). */
  cancel() {
    this._token++;
    this._abort?.abort();
    this._abort = null;
    this.stop();
  }

  /**
   * Fetches `url` (the first time through the HTTP cache, afterwards revalidated) into the core:
   * each part of the body goes to `sink.push(part)` as it arrives (after `sink.begin(bytes the
   * server announced, or 0)`), so a large document is never held whole in JavaScript, nor
   * decoded into a string. `push` returning false (over the size limit) stops the download.
   * Resolves to `{ copy }` once the body is in (`copy`: the bytes too, for a document of at most
   * KEEP_BYTES, else null), to `{ message, problem }` when it failed, or to null when a newer
   * request or data superseded it.
   */
  async fetch(url, { initial, sink }) {
    const token = ++this._token;
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    const timedOut = Object.assign(new Error(`nothing arrived for ${FETCH_TIMEOUT_SECONDS} seconds`), {
      problem: `timed out (nothing arrived for ${FETCH_TIMEOUT_SECONDS} s)`,
    });
    let timer = 0;
    const waitFor = () => { // the next answer or part of the body: starts the clock again
      clearTimeout(timer);
      timer = setTimeout(() => abort.abort(timedOut), FETCH_TIMEOUT_SECONDS * 1000);
    };
    let href = url;
    try {
      href = new URL(url, document.baseURI).href;
      waitFor();
      const res = await fetch(href, {
        signal: abort.signal,
        cache: initial ? 'default' : 'no-cache',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) {
        throw Object.assign(
          new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`),
          { problem: `HTTP ${res.status}` },
        );
      }
      // A document the core would refuse is not downloaded when the server says its size.
      const tooLarge = sizeProblem(Number(res.headers.get('Content-Length')) || 0);
      if (tooLarge) {
        abort.abort();
        return token === this._token ? { message: `The chart data at ${href} is too large.`, problem: tooLarge } : null;
      }
      waitFor();
      sink.begin(Number(res.headers.get('Content-Length')) || 0);
      const parts = [];
      let size = 0;
      const reader = res.body ? partsOf(res.body) : null;
      for (;;) {
        const { done, value } = reader ? await reader.read() : { done: true };
        if (done || token !== this._token) break;
        waitFor();
        size += value.length;
        if (!sink.push(value)) {
          abort.abort();
          break;
        }
        if (size <= KEEP_BYTES) parts.push(value.slice()); // the reader refills `value`
      }
      if (token !== this._token) return null;
      return { copy: size <= KEEP_BYTES ? concat(parts, size) : null };
    } catch (err) {
      const failure = abort.signal.reason === timedOut ? timedOut : err;
      if (token !== this._token || (abort.signal.aborted && failure !== timedOut)) return null;
      return {
        message: `Could not load the chart data from ${url}: ${errorMessage(failure)}`,
        problem: `could not load ${href}: ${failure?.problem ?? errorMessage(failure)}`,
      };
    } finally {
      clearTimeout(timer);
      if (this._abort === abort) this._abort = null;
    }
  }

  /**
   * Calls `tick` every `seconds` (at least MIN_REFRESH_SECONDS) while the page is visible and no
   * request is in flight: exactly one interval at a time, replaced by every call.
   */
  arm(seconds, tick) {
    this.stop();
    if (!seconds) return;
    this._timer = setInterval(() => {
      // Hidden: catch up on the next tick. Still loading (a slow server, a large body): let it
      // finish rather than abort it and ask again, which would never let it finish.
      if (document.visibilityState === 'hidden' || this._abort) return;
      tick();
    }, Math.max(MIN_REFRESH_SECONDS, seconds) * 1000);
  }

  /** Stops the refresh timer. */
  stop() {
    if (this._timer) clearInterval(this._timer);
    this._timer = 0;
  }
}
