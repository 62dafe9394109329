// The render scheduler shared by every chart on the page. Renders run in animation frames, and
// a frame stops taking charts once it has spent its budget: an article with ten charts draws
// them over a few frames instead of in one long task that blocks the reader's input.

/** Main-thread time a frame may spend on chart renders before the rest wait for the next. */
const FRAME_BUDGET_MS = 12;

const queue = new Set();
let frame = 0;

function run() {
  frame = 0;
  const start = performance.now();
  for (const render of queue) {
    queue.delete(render);
    render(); // at least one per frame, however long it takes
    if (performance.now() - start > FRAME_BUDGET_MS) break;
  }
  if (queue.size) frame = requestAnimationFrame(run);
}

/** Runs `render` in a coming animation frame (once, however often it is asked for). */
export function requestRender(render) {
  queue.add(render);
  if (!frame) frame = requestAnimationFrame(run);
}

/** Forgets a render asked for and not yet run (its chart went away). */
export function cancelRender(render) {
  queue.delete(render);
}
