// How the bench measures: Chrome DevTools Protocol metrics, the renderer's memory from /proc,
// canvas-call counters and long-task observers installed before any page script, and the
// pointer sweep used for hover. Nothing here knows which library is on the page.
import { readFileSync } from 'node:fs';

export const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** Rejects with a readable message when `promise` takes longer than `ms`. */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what}: timed out after ${ms / 1000} s`), { timedOut: true })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits for the page's next animation frame (a round trip through the page). */
export const frame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

/**
 * Main-thread time of the page's renderer so far, in ms, from CDP Performance.getMetrics:
 * `script` is ScriptDuration (JavaScript and WebAssembly), `task` is TaskDuration (every task:
 * script, style, layout, paint). Call `Performance.enable` on the session first.
 */
export async function mainThreadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

/**
 * An init script (runs in the page before any of its scripts) that counts every call of a
 * CanvasRenderingContext2D method: window.__canvas.total, .by[method], .reset().
 * Wrapping costs a little per call, so timed runs never install it.
 */
export function canvasCounter() {
  const counts = { total: 0, by: Object.create(null) };
  counts.reset = () => { counts.total = 0; counts.by = Object.create(null); };
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (name === 'constructor' || typeof d.value !== 'function') continue;
    const original = d.value;
    Object.defineProperty(proto, name, {
      ...d,
      value: function counted(...args) {
        counts.total += 1;
        counts.by[name] = (counts.by[name] ?? 0) + 1;
        return original.apply(this, args);
      },
    });
  }
  window.__canvas = counts;
}

/** Reads and resets the canvas counters: { total, top: [[method, calls], …] }. */
export async function takeCanvasCounts(page) {
  return page.evaluate(() => {
    const c = window.__canvas;
    if (!c) return null;
    const out = { total: c.total, top: Object.entries(c.by).sort((a, b) => b[1] - a[1]).slice(0, 8) };
    c.reset();
    return out;
  });
}

/** An init script recording main-thread long tasks (over 50 ms) from page start: window.__longTasks. */
export function longTaskRecorder() {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task API: the trace still has every task */ }
}

/**
 * Moves the real mouse (page.mouse.move, i.e. CDP Input.dispatchMouseEvent) `moves` times across
 * `box` (page CSS px): left to right, the height swept three times as a sine so that every kind
 * of mark is crossed. Returns main-thread script and task time per move (CDP Performance
 * metrics), the difference over the sweep divided by `moves`.
 *
 * No frame wait between moves: Chromium aligns mouse moves to animation frames and answers
 * dispatchMouseEvent only once the move has been handled, so every move costs one frame (about
 * 17 ms) and the work a library defers to requestAnimationFrame (Chart.js) runs in that frame,
 * before the next move. Checked: with and without an extra requestAnimationFrame round trip
 * after each move, Chart.js makes the same number of canvas calls and operation-charts fires
 * the same charthover events. One frame wait at the end lets the last move's work finish.
 */
export async function hoverSweep(page, cdp, box, { moves = 200 } = {}) {
  const at = (i) => ({
    x: box.x + 2 + ((box.width - 4) * i) / moves,
    y: box.y + box.height / 2 + box.height * 0.35 * Math.sin((i / moves) * Math.PI * 6),
  });
  const start = at(0);
  await page.mouse.move(start.x, start.y);
  await frame(page);
  await frame(page);

  const t0 = await mainThreadTime(cdp);
  const wall0 = performance.now();
  for (let i = 1; i <= moves; i += 1) {
    const p = at(i);
    await page.mouse.move(p.x, p.y);
  }
  await frame(page);
  const wall = performance.now() - wall0;
  const t1 = await mainThreadTime(cdp);
  // Leave the chart so the next measurement starts from nothing hovered.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60);
  return { moves, script: (t1.script - t0.script) / moves, task: (t1.task - t0.task) / moves, wallPerMove: wall / moves };
}

/** pids of Chromium's renderer processes, from the browser-level CDP session. */
export async function rendererPids(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/**
 * Memory of process `pid` in bytes from /proc: rss (VmRSS), peak (VmHWM, the resident high-water
 * mark since the process started) and pss (proportional set size, shared pages split between the
 * processes that map them). null if the process is gone.
 */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (text, key) => {
      const m = text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
      return m ? Number(m[1]) * 1024 : null;
    };
    let pss = null;
    try { pss = kb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss'); } catch { /* older kernels */ }
    return { rss: kb(status, 'VmRSS'), peak: kb(status, 'VmHWM'), pss };
  } catch {
    return null;
  }
}
