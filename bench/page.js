// The bench page: one library drawing the 800×400 cumulative chart (or, for operation-charts,
// any view) of one generated operation. bench/run.mjs opens it as
//   /bench/page.html?lib=L&n=N&view=V            draw at once; result in window.__bench.result
//   /bench/page.html?lib=operation-charts&mode=limit   draw nothing; window.bench.insert(src, view)
//
// The data is normally built by an init script the bench installs (bench/render.mjs), which runs
// before any script of the page and leaves window.__bench = { input, prepMs }; the bench takes
// prepMs off the render time. Opened by hand, the page builds the data itself.
//
// Render time = performance.now() (ms since navigation start) when the chart is drawn and one
// more animation frame has passed, minus the data preparation: it includes fetching, compiling
// and running the library and giving it the data.

const params = new URLSearchParams(location.search);
const lib = params.get('lib');
const view = params.get('view') || 'cumulative';
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

const COLOURS = { arrested: '#0072b2', charged: '#c24e00' };

function box() {
  const div = document.createElement('div');
  document.getElementById('stage').replaceChildren(div);
  return div;
}

/** Adds an <operation-chart> in the box; resolves to its canvas at its first chartready. */
async function operationChart(setup, chartView = view) {
  await customElements.whenDefined('operation-chart');
  const el = document.createElement('operation-chart');
  el.setAttribute('view', chartView);
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('chartready', resolve, { once: true });
    el.addEventListener('charterror', (e) => reject(new Error(`charterror: ${e.detail.message} ${JSON.stringify(e.detail.errors.slice(0, 3))}`)), { once: true });
  });
  el.addEventListener('charthover', () => { window.__bench.hovers += 1; });
  setup(el);
  box().append(el);
  await ready;
  return el.shadowRoot.querySelector('canvas');
}

/** Each library drawing the chart from its input (see libraryInput in bench/generate.mjs). */
const draw = {
  'operation-charts': (op) => operationChart((el) => { el.data = op; }),

  async 'Chart.js'([arrested, charged]) {
    const canvas = document.createElement('canvas');
    box().append(canvas);
    const line = (label, data, colour) => ({ label, data, stepped: true, pointRadius: 0, borderWidth: 1.5, borderColor: colour, backgroundColor: colour });
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: 'line',
      data: { datasets: [line('Arrested', arrested, COLOURS.arrested), line('Charged', charged, COLOURS.charged)] },
      options: {
        animation: false, maintainAspectRatio: false, parsing: false, normalized: true,
        scales: { x: { type: 'linear' } },
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: { title: { display: true, text: 'Operation Bench' }, decimation: { enabled: true, algorithm: 'min-max' } },
      },
    });
    return canvas;
  },

  async uPlot(columns) {
    const container = box();
    const stepped = window.uPlot.paths.stepped({ align: 1 });
    const plot = new window.uPlot({
      width: 800, height: 400, title: 'Operation Bench',
      series: [{}, { label: 'Arrested', stroke: COLOURS.arrested, paths: stepped }, { label: 'Charged', stroke: COLOURS.charged, paths: stepped }],
    }, columns, container);
    return plot.over; // the element that takes the pointer, over the plotting area
  },
};

const rect = (el) => {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
};

async function main() {
  window.__bench ??= {};
  const b = window.__bench;
  b.hovers = 0;
  if (params.get('mode') === 'limit') {
    window.bench = {
      /** Adds a chart of `view` fed by `src`; resolves at its first chartready + one frame, timed from here. */
      async insert(src, chartView) {
        const t0 = performance.now();
        let readyAt = 0;
        const canvas = await operationChart((el) => {
          el.addEventListener('chartready', () => { readyAt = performance.now(); }, { once: true });
          el.setAttribute('src', src);
        }, chartView);
        await frame();
        return { readyMs: readyAt - t0, drawnMs: performance.now() - t0, box: rect(canvas) };
      },
    };
    b.state = 'idle';
    return;
  }
  if (b.input === undefined) {
    // Opened by hand: build the data here (and so time it too).
    const { libraryInput } = await import('/bench/generate.mjs');
    b.input = libraryInput(lib, Number(params.get('n') || 50));
    b.prepMs = 0;
  }
  try {
    const target = await draw[lib](b.input);
    await frame();
    const drawnAt = performance.now();
    b.result = { drawnAt, render: drawnAt - (b.prepMs ?? 0), box: rect(target) };
  } catch (err) {
    b.result = { error: String(err?.message ?? err) };
  }
  b.input = undefined; // let the garbage collector have it
}

main();
