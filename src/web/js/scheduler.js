// The render scheduler shared by every chart on the page. A frame gives the go-ahead and the
// renders run in a task of their own just after it: drawn inside the frame, a chart's script
// and the browser's commit of the frame's new canvases made one long task. A task stops taking
// charts once it has spent its budget, so an article with ten charts draws them over a few
// frames instead of in one long task that blocks the reader's input. A hidden page draws
// nothing until it is shown (it has no frames).

/** Main-thread time one task may spend on chart renders before the rest wait for the next frame. */
const TASK_BUDGET_MS = 12;

const queue = new Set();
let frame = 0;
/** When the running renders' task started (0 outside it). */
let taskStart = 0;
/** The one channel nextTask() posts to (not one per call: the renders post every frame). */
let channel = null;
const waiting = [];

function run() {
  frame = 0;
  taskStart = performance.now();
  for (const render of queue) {
    queue.delete(render);
    render(); // at least one per task, however long it takes
    if (overBudget()) break;
  }
  taskStart = 0;
  if (queue.size && !frame) frame = requestAnimationFrame(afterFrame); // a render may have asked already
}

/** In the frame: post the renders' task, which runs once the frame is done. */
function afterFrame() {
  nextTask().then(run);
}

/**
 * Resolves in a task of its own, soon (for code that must not add to the task it runs in): a
 * message to ourselves, since timers are throttled.
 */
export function nextTask() {
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.(); // one message per waiter, in order
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Whether the renders' task running now has spent its budget: a render that can stop halfway
 * asks, and if so asks to be run again (`requestRender`), which puts it in a later task.
 */
export function overBudget() {
  return taskStart > 0 && performance.now() - taskStart > TASK_BUDGET_MS;
}

/** Runs `render` in a task after a coming animation frame (once, however often it is asked for). */
export function requestRender(render) {
  queue.add(render);
  if (!frame) frame = requestAnimationFrame(afterFrame);
}

/** Forgets a render asked for and not yet run (its chart went away). */
export function cancelRender(render) {
  queue.delete(render);
}
