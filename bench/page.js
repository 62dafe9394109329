// The bench page: the same cumulative chart of one generated operation, drawn by
// <operation-chart>, Chart.js and uPlot, each timed from data in to pixels on screen.
// bench/run.mjs drives it; window.bench is its interface.
import { validate } from '/dist/operation-charts.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** A deterministic operation with `raids` raids, an arrest at each and a charge at every other. */
export function operation(raids, extraCharges = 0) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = Date.UTC(2018, 3, 16, 5, 0, 0);
  const areas = ['Norfolk', 'London', 'Suffolk', 'Essex'];
  const events = [];
  for (let i = 0; i < raids; i += 1) {
    const t = start + Math.floor(random() * 4 * 86400) * 1000;
    const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
    events.push({ type: 'raid', id: `r${i}`, time: iso(t), area: areas[i % areas.length], place: `Address ${i}` });
    events.push({ type: 'arrest', raid: `r${i}`, time: iso(t + 600000), count: 1 + (i % 3) });
    if (i % 2 === 0 || i < extraCharges * 2) events.push({ type: 'charge', raid: `r${i}`, time: iso(t + 86400000 * 2) });
  }
  return { version: 1, operation: { name: 'Operation Bench' }, events, source: { name: 'Generated for the bench' } };
}

/** Running totals of arrests and charges, as the columns Chart.js and uPlot take. */
function cumulative(op) {
  const changes = op.events
    .filter((e) => e.type === 'arrest' || e.type === 'charge')
    .map((e) => ({ t: Date.parse(e.time) / 1000, arrest: e.type === 'arrest' ? e.count ?? 1 : 0, charge: e.type === 'charge' ? 1 : 0 }))
    .sort((a, b) => a.t - b.t);
  const xs = []; const arrests = []; const charged = [];
  let a = 0; let c = 0;
  for (const ch of changes) {
    a += ch.arrest; c += ch.charge;
    xs.push(ch.t); arrests.push(a); charged.push(c);
  }
  return { xs, arrests, charged };
}

function box() {
  const stage = document.getElementById('stage');
  stage.replaceChildren();
  const div = document.createElement('div');
  stage.append(div);
  return div;
}

const libraries = {
  async 'operation-charts'(op) {
    const el = document.createElement('operation-chart');
    el.setAttribute('view', 'cumulative');
    const ready = () => new Promise((resolve) => el.addEventListener('chartready', resolve, { once: true }));
    const container = box();
    let t0 = performance.now();
    const first = ready();
    el.data = op;
    container.append(el);
    await first; await frame();
    const render = performance.now() - t0;
    return {
      render,
      target: el,
      async update(next) { const done = ready(); el.data = next; await done; await frame(); },
    };
  },
  async 'Chart.js'(op) {
    const container = box();
    const canvas = document.createElement('canvas');
    container.append(canvas);
    const toData = (o) => {
      const s = cumulative(o);
      return [
        { label: 'Arrested', data: s.xs.map((x, i) => ({ x, y: s.arrests[i] })), stepped: true, pointRadius: 0 },
        { label: 'Charged', data: s.xs.map((x, i) => ({ x, y: s.charged[i] })), stepped: true, pointRadius: 0 },
      ];
    };
    const t0 = performance.now();
    const chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: toData(op) },
      options: { animation: false, maintainAspectRatio: false, parsing: false, normalized: true, scales: { x: { type: 'linear' } }, interaction: { mode: 'nearest', axis: 'x', intersect: false } },
    });
    await frame();
    const render = performance.now() - t0;
    return { render, target: canvas, async update(next) { chart.data.datasets = toData(next); chart.update(); await frame(); } };
  },
  async uPlot(op) {
    const container = box();
    const toData = (o) => { const s = cumulative(o); return [s.xs, s.arrests, s.charged]; };
    const stepped = window.uPlot.paths.stepped({ align: 1 });
    const t0 = performance.now();
    const plot = new window.uPlot({
      width: 800, height: 400, title: 'Operation Bench',
      series: [{}, { label: 'Arrested', stroke: '#0072b2', paths: stepped }, { label: 'Charged', stroke: '#c24e00', paths: stepped }],
    }, toData(op), container);
    await frame();
    const render = performance.now() - t0;
    return { render, target: plot.over, async update(next) { plot.setData(toData(next)); await frame(); } };
  },
};

window.bench = {
  libraries: Object.keys(libraries),
  valid: (raids) => validate(operation(raids)).ok,
  /** Draws `raids` raids with `library`; times the first render and `updates` data updates. */
  async run(library, raids, updates) {
    const made = await libraries[library](operation(raids));
    const times = [];
    for (let i = 1; i <= updates; i += 1) {
      const t0 = performance.now();
      await made.update(operation(raids, i));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const box = made.target.getBoundingClientRect();
    return { render: made.render, update: times[Math.floor(times.length / 2)] ?? 0, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
  },
};
document.documentElement.dataset.ready = 'true';
