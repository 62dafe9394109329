// Churn: a page (a live blog, a single-page app) that mounts and destroys charts all day. After
// 1,000 mount/destroy cycles the wasm memory has stopped growing, and listeners, observers and
// chart elements are back at their baseline.
//
// How it is measured, without a hook in the widget:
// - wasm memory: an init script wraps WebAssembly.instantiate(Streaming) to keep the engine's
//   exported Memory; its buffer's byteLength only grows, so a leak in the core shows up as growth
//   (and the test first proves that the probe sees one, with charts that are never destroyed);
// - listeners: the init script wraps addEventListener/removeEventListener and counts the live
//   registrations on window, document, MediaQueryLists and connected nodes (a destroyed chart's
//   own nodes are garbage with their listeners);
// - observers: ResizeObserver and MutationObserver instances observing and not disconnected;
// - elements: Chromium's own heap, through CDP Runtime.queryObjects after a garbage collection.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, setup } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

function probes() {
  // Runs in the page before any of its scripts.
  window.__wasmMemories = [];
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      if (instance?.exports?.memory) window.__wasmMemories.push(instance.exports.memory);
      return result;
    };
  }

  const registry = new WeakMap(); // target → Set of "type|capture" + listener
  const targets = new Set();      // WeakRefs (nodes) or the targets themselves (others)
  const key = (type, options) => `${type}|${Boolean(typeof options === 'boolean' ? options : options?.capture)}`;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    // `once` and `signal` listeners remove themselves: not counted.
    if (listener && !(typeof options === 'object' && (options?.once || options?.signal))) {
      let entries = registry.get(this);
      if (!entries) {
        entries = new Map();
        registry.set(this, entries);
        targets.add(this instanceof Node ? new WeakRef(this) : this);
      }
      const k = key(type, options);
      if (!entries.has(k)) entries.set(k, new Set());
      entries.get(k).add(listener);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    registry.get(this)?.get(key(type, options))?.delete(listener);
    return remove.call(this, type, listener, options);
  };
  window.__liveListeners = () => {
    let n = 0;
    for (const t of targets) {
      const target = t instanceof WeakRef ? t.deref() : t;
      if (!target || (target instanceof Node && !target.isConnected)) continue;
      for (const set of registry.get(target)?.values() ?? []) n += set.size;
    }
    return n;
  };

  const observing = new Set();
  for (const name of ['ResizeObserver', 'MutationObserver']) {
    const proto = window[name].prototype;
    const { observe, disconnect } = proto;
    proto.observe = function (...args) { observing.add(this); return observe.apply(this, args); };
    proto.disconnect = function () { observing.delete(this); return disconnect.call(this); };
  }
  window.__liveObservers = () => observing.size;
}

/** Live instances of the chart element in the page's heap, after a full garbage collection. */
async function liveElements(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: "customElements.get('operation-chart').prototype" });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  return result.value;
}

/** Mounts and destroys `n` charts in one box, hovering and opening the table on the way. */
const cycles = (page, n) => page.evaluate(async ({ n, doc }) => {
  const { mount } = await import('/dist/operation-charts.js');
  const box = document.getElementById('churn-box');
  const views = ['summary', 'timeline', 'cumulative', 'areas'];
  for (let i = 0; i < n; i++) {
    const chart = await mount(box, doc, { view: views[i % views.length] });
    const root = chart.element.shadowRoot;
    const canvas = root.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new PointerEvent('pointermove', { pointerType: 'mouse', clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true }));
    if (i % 10 === 0) root.querySelector('.tools button').click();
    chart.destroy();
  }
}, { n, doc: lantern() });

const state = (page) => page.evaluate(() => ({
  memories: window.__wasmMemories.length,
  bytes: window.__wasmMemories.at(-1)?.buffer.byteLength,
  listeners: window.__liveListeners(),
  observers: window.__liveObservers(),
  charts: document.querySelectorAll('operation-chart').length,
}));

test('1,000 mount/destroy cycles leave wasm memory, listeners, observers and elements at their baseline', async (t) => {
  const { page, problems, context } = await env.open('/test/blank.html');
  await context.addInitScript(probes);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => customElements.get('operation-chart'));
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'churn-box';
    box.style.width = '520px';
    document.getElementById('stage').append(box);
  });
  const cdp = await context.newCDPSession(page);

  // Warm up (allocator, text-width cache, fonts), then the baseline.
  await cycles(page, 40);
  const baseline = await state(page);
  assert.equal(baseline.memories, 1, 'the probe holds the engine\'s memory');
  const baseElements = await liveElements(page, cdp);

  await cycles(page, 1000);
  const after = await state(page);
  assert.deepEqual(after, baseline, 'wasm memory, listeners, observers and charts are at their baseline');
  assert.equal(await liveElements(page, cdp), baseElements, 'no destroyed chart element stays alive');
  assert.ok(baseElements <= 1, `at most the last chart of the warm-up awaits collection: ${baseElements}`);

  // The probes can see a leak: 150 charts that are never destroyed grow all four.
  await page.evaluate(async (doc) => {
    const { mount } = await import('/dist/operation-charts.js');
    for (let i = 0; i < 150; i++) await mount(document.getElementById('churn-box'), doc, { view: 'timeline' });
  }, lantern());
  const kept = await state(page);
  t.diagnostic(`baseline ${JSON.stringify(baseline)}; after 1,000 cycles ${JSON.stringify(after)}; with 150 kept ${JSON.stringify(kept)}`);
  assert.ok(kept.bytes > baseline.bytes, `memory grows with charts kept: ${baseline.bytes} → ${kept.bytes}`);
  assert.ok(kept.listeners > baseline.listeners, 'listeners too');
  assert.ok(kept.observers > baseline.observers, 'observers too');
  assert.ok(await liveElements(page, cdp) >= 150, 'elements too');
  await assertClean(page, problems);
});
