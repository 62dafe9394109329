// The bench's data: one deterministic, generated operation with exactly N events, and the same
// numbers in the shapes Chart.js and uPlot take.
//
// Every function here is self-contained (no imports, no module-level state), because the bench
// ships them into the page as source text (fn.toString()) to build the data there, before the
// page's own scripts run. They also run in Node (the 500,000-event document) and can be imported
// by a page as an ES module.

/**
 * A valid operation document with exactly `n` events: raids, arrests and charges about 1 : 1 : 0.5
 * (an arrest at every raid, a charge at every other), over four days in four areas. The same `n`
 * and `seed` always give the same document; another seed puts the raids at other times.
 */
export function operation(n, seed = 42) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = Date.UTC(2018, 3, 16, 5, 0, 0);
  const areas = ['Norfolk', 'London', 'Suffolk', 'Essex'];
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const events = [];
  // Each raid comes before its arrest and charge, so stopping at exactly n keeps every reference valid.
  for (let i = 0; events.length < n; i += 1) {
    const t = start + Math.floor(random() * 4 * 86400) * 1000;
    const area = areas[i % areas.length];
    events.push({ type: 'raid', id: `r${i}`, time: iso(t), area, place: `Address ${i}, ${area}` });
    if (events.length < n) events.push({ type: 'arrest', raid: `r${i}`, time: iso(t + 600000), count: 1 + (i % 3) });
    if (events.length < n && i % 2 === 0) events.push({ type: 'charge', raid: `r${i}`, time: iso(t + 86400000 * 2) });
  }
  return { version: 1, operation: { name: 'Operation Bench' }, events, source: { name: 'Generated for the bench' } };
}

/**
 * Running totals of arrests and charges, one point per distinct time (seconds since the epoch,
 * sorted): the columns uPlot takes and the points Chart.js takes.
 */
export function cumulative(op) {
  const changes = [];
  for (const e of op.events) {
    if (e.type === 'arrest') changes.push([Date.parse(e.time) / 1000, e.count ?? 1, 0]);
    else if (e.type === 'charge') changes.push([Date.parse(e.time) / 1000, 0, e.count ?? 1]);
  }
  changes.sort((a, b) => a[0] - b[0]);
  const xs = []; const arrests = []; const charged = [];
  let a = 0; let c = 0;
  for (const [t, da, dc] of changes) {
    a += da; c += dc;
    if (xs.length && xs[xs.length - 1] === t) {
      arrests[arrests.length - 1] = a; charged[charged.length - 1] = c;
    } else {
      xs.push(t); arrests.push(a); charged.push(c);
    }
  }
  return { xs, arrests, charged };
}

/**
 * The input each library is given, built from the same operation:
 *   operation-charts: the document object (set as the element's `data` property);
 *   Chart.js: two datasets of {x, y} points (parsing: false wants exactly this);
 *   uPlot: the columns [xs, arrests, charged].
 */
export function libraryInput(lib, n, seed) {
  const op = operation(n, seed);
  if (lib === 'operation-charts') return op;
  const s = cumulative(op);
  if (lib === 'Chart.js') {
    return [s.xs.map((x, i) => ({ x, y: s.arrests[i] })), s.xs.map((x, i) => ({ x, y: s.charged[i] }))];
  }
  return [s.xs, s.arrests, s.charged];
}

/** The document as JSON text, one event per line (the 500,000-event file fed by `src`). */
export function documentText(n, seed) {
  const { events, ...rest } = operation(n, seed);
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}
