// The bench's results as markdown tables, and the issue's targets checked against them — every
// comparison a ratio between figures taken in the same run.

/** Reading of "at most a few thousand canvas calls per paint". */
export const FEW_THOUSAND = 5000;

const en = (x, digits = 0) => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
// Decimal units, as the issue's baseline (212.9 KB = 212,900 bytes).
const kb = (b) => (b == null ? '–' : `${en(b / 1000, 1)} KB`);
const mb = (b) => (b == null ? '–' : `${en(b / 1e6, b < 10e6 ? 1 : 0)} MB`);
const ms = (x) => (x == null ? '–' : x >= 100 ? `${en(x)} ms` : x >= 10 ? `${en(x, 1)} ms` : `${en(x, 2)} ms`);
const ratio = (x) => (x == null || !Number.isFinite(x) ? '–' : `${en(x, 2)}×`);
const count = (x) => (x == null ? '–' : en(x));
const nLabel = (n) => (n === 50 ? 'N=50' : n >= 1000 ? `${en(n / 1000)}k` : `${n}`);
const table = (head, rows) => [
  `| ${head.join(' | ')} |`,
  `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

const find = (list, pred) => (list ?? []).find(pred);
const renderOf = (r, lib, n) => find(r.render, (x) => x.lib === lib && x.n === n)?.median ?? null;
const hoverOf = (r, lib, view, n) => find(r.hover, (x) => x.lib === lib && x.view === view && x.n === n)?.script ?? null;
const canvasOf = (r, lib, view, n) => find(r.canvas, (x) => x.lib === lib && x.view === view && x.n === n);
const VIEWS = ['summary', 'timeline', 'cumulative', 'areas'];

export function libraryLabel(r, lib) {
  if (lib === 'Chart.js') return `Chart.js ${r.weight?.['Chart.js']?.version ?? ''} (parsing off, decimation on)`.replace('  ', ' ');
  if (lib === 'uPlot') return `uPlot ${r.weight?.uPlot?.version ?? ''}`.trim();
  return lib;
}

/** Every table, as markdown text. */
export function tables(r) {
  const out = [];
  const sizes = r.options.sizes;
  const libs = ['operation-charts', 'Chart.js', 'uPlot'];

  if (r.weight) {
    const w = r.weight['operation-charts'];
    out.push('### Weight (gzip -9 of everything the page loads)\n');
    out.push(table(['library', 'files', 'raw', 'gzip'], libs.map((lib) => [libraryLabel(r, lib), String(r.weight[lib].files.length), kb(r.weight[lib].raw), kb(r.weight[lib].gzip)])));
    out.push(`\noperation-charts, file by file${w.checkedAgainstPage ? ' (the files the bench page requested)' : ' (every .js/.wasm/.css in dist/; not checked against a page load)'}:\n`);
    out.push(table(['file', 'raw', 'gzip'], w.files.map((f) => [f.file, kb(f.raw), kb(f.gzip)])));
    if (w.notLoaded.length) out.push(`\nIn dist/ but not loaded by the page (not counted): ${w.notLoaded.join(', ')}`);
  }

  if (r.render?.length || r.hover?.length) {
    out.push(`\n### Cumulative chart, 800×400 at DPR 2: cold render and hover (medians of ${r.options.runs})\n`);
    out.push('Render: navigation start → chart drawn + one frame, data preparation left out. Hover: main-thread script time per pointer move over 200 moves (CDP ScriptDuration).\n');
    const head = ['', 'gzip', ...sizes.map((n, i) => (i === 0 ? `render ${nLabel(n)}` : nLabel(n))), ...sizes.map((n, i) => (i === 0 ? `hover ${nLabel(n)}` : nLabel(n)))];
    out.push(table(head, libs.map((lib) => [
      libraryLabel(r, lib), kb(r.weight?.[lib]?.gzip),
      ...sizes.map((n) => ms(renderOf(r, lib, n))), ...sizes.map((n) => ms(hoverOf(r, lib, 'cumulative', n))),
    ])));
  }

  if (r.hover?.length) {
    out.push('\n### operation-charts, every view: hover script time per move, and canvas calls during the 200 moves\n');
    const big = sizes[sizes.length - 1];
    out.push(table(
      ['view', ...sizes.map((n, i) => (i === 0 ? `hover ${nLabel(n)}` : nLabel(n))), `${nLabel(big)} ÷ N=50`, ...sizes.map((n, i) => (i === 0 ? `canvas calls on hover ${nLabel(n)}` : nLabel(n))), 'charthover events (largest N)'],
      VIEWS.map((view) => {
        const h = sizes.map((n) => hoverOf(r, 'operation-charts', view, n));
        return [view, ...h.map(ms), ratio(h[h.length - 1] / h[0]),
          ...sizes.map((n) => count(canvasOf(r, 'operation-charts', view, n)?.hover?.total)),
          count(find(r.hover, (x) => x.lib === 'operation-charts' && x.view === view && x.n === big)?.hoverEvents)];
      }),
    ));
    out.push('\nTask time per move (CDP TaskDuration: script plus style, layout and paint of the tooltip):\n');
    out.push(table(['chart', ...sizes.map(nLabel)], [
      ...VIEWS.map((v) => [`operation-charts ${v}`, ...sizes.map((n) => ms(find(r.hover, (x) => x.lib === 'operation-charts' && x.view === v && x.n === n)?.task))]),
      ...['Chart.js', 'uPlot'].map((lib) => [`${lib} cumulative`, ...sizes.map((n) => ms(find(r.hover, (x) => x.lib === lib && x.n === n)?.task))]),
    ]));
  }

  if (r.canvas?.length) {
    out.push('\n### Canvas calls per paint (CanvasRenderingContext2D method calls, page start → chart drawn)\n');
    const rows = [...libs.map((lib) => ({ lib, view: 'cumulative' })), ...VIEWS.filter((v) => v !== 'cumulative').map((view) => ({ lib: 'operation-charts', view }))];
    out.push(table(['chart', ...sizes.map(nLabel), ...sizes.map((n, i) => (i === 0 ? `on hover, 200 moves ${nLabel(n)}` : nLabel(n)))], rows.map(({ lib, view }) => [
      `${lib} ${view}`, ...sizes.map((n) => count(canvasOf(r, lib, view, n)?.paint?.total)), ...sizes.map((n) => count(canvasOf(r, lib, view, n)?.hover?.total)),
    ])));
  }

  if (r.limit?.length) {
    const doc = r.limit[0].docBytes;
    out.push(`\n### At the limit: ${en(r.options.limitN)} events (${mb(doc)}) fed by src, 800×400 at DPR 2\n`);
    out.push('Ready: element inserted (library loaded) → first chartready. Memory: the page\'s renderer process (PSS from /proc), before inserting → after chartready; peak = VmHWM − RSS before.\n');
    out.push(table(['view', 'ready after', 'renderer memory growth', 'peak growth', 'hover per move', 'canvas calls per paint', 'canvas calls on hover'], r.limit.map((x) => (x.status !== 'ok'
      ? [x.view, x.status, x.memory?.after && x.memory?.before ? `(at the timeout: +${mb(x.memory.after.pss - x.memory.before.pss)})` : '–', '–', '–', '–', '–']
      : [x.view, ms(x.readyMs), `+${mb(x.growth.pss)} (${ratio(x.growthRatio.pss)} the document)`, `+${mb(x.growth.peak)} (${ratio(x.growthRatio.peak)})`, ms(x.hover.script), count(x.paintCalls?.total), count(x.hoverCalls?.total)]))));
  }

  if (r.article) {
    const a = r.article;
    out.push(`\n### The demo article (www/index.html, 4 charts), desktop Chromium 1280×800 at DPR 1, median of ${a.runs.length}\n`);
    out.push(table(['', 'longest main-thread task', 'Σ (task − 50 ms)', 'tasks over 50 ms', 'worst run\'s longest task'], [['article', ms(a.longest), ms(a.tbt), count(a.over50), ms(a.worst)]]));
    out.push('\nOf those, the tasks that ran the widget\'s code (its script or its wasm); the others are the page\'s own (navigation, the first layout of the article and its fonts):\n');
    out.push(table(['', 'longest task running the widget', 'worst run\'s'], [['article', ms(a.longestWidget), ms(a.worstWidget)]]));
  }

  if (r.lighthouse) {
    const l = r.lighthouse;
    out.push(`\n### The demo article in Lighthouse ${l.version ?? ''}, mobile (simulated slow 4G and a 4× slower CPU), median of ${l.okRuns}${l.runs.length > l.okRuns ? ` (and ${l.runs.length - l.okRuns} failed, made again)` : ''}\n`);
    out.push(table(['', 'total blocking time', 'worst run\'s', 'longest task', 'longest task running the widget', 'script time: the widget', 'all', 'largest contentful paint', 'interactive'],
      [['article', ms(l.tbt), ms(l.worstTbt), ms(l.longestTask), ms(l.longestWidgetTask), ms(l.widgetScript), ms(l.allScript), ms(l.lcp), ms(l.interactive)]]));
  }

  if (r.native) {
    const nv = r.native;
    out.push(`\n### Native CLI on the ${en(r.options.limitN)}-event file (${mb(nv.bytes)}), median of ${r.options.runs}\n`);
    out.push(table(['command', 'wall time', 'peak RSS', 'SVG', 'status'], [
      ['validate', ms(nv.validate.ms), mb(nv.validate.peakRss), '–', nv.validate.status],
      ...Object.entries(nv.render).map(([view, x]) => [`render --view ${view} --format svg (800×400)`, ms(x.ms), mb(x.peakRss), kb(x.svgBytes), x.status]),
    ]));
    const ns = [...new Set(nv.svgBytes.map((s) => s.n))];
    out.push('\nSVG size by N:\n');
    out.push(table(['view', ...ns.map(nLabel)], ['timeline', 'cumulative'].map((view) => [view, ...ns.map((n) => kb(find(nv.svgBytes, (s) => s.n === n && s.view === view)?.bytes))])));
  }
  return out.join('\n');
}

/** The issue's targets, each { target, measured, met: true | false | null (not measured) }. */
export function targets(r) {
  const rows = [];
  const add = (target, measured, met) => rows.push({ target, measured, met: met ?? null });
  const sizes = r.options.sizes;
  const ok = (x, limit) => (x == null || !Number.isFinite(x) ? null : x <= limit);

  if (r.weight) {
    const ours = r.weight['operation-charts'].gzip; const cj = r.weight['Chart.js'].gzip;
    add('Weight ≤ 64 KB gzip', kb(ours), ok(ours, 64000));
    add('Weight under Chart.js', `${ratio(ours / cj)} Chart.js`, ours < cj);
    add('Weight ≤ 48 KB gzip (stretch)', kb(ours), ok(ours, 48000));
  }
  for (const n of sizes) {
    if (!r.render?.length) break;
    const o = renderOf(r, 'operation-charts', n);
    add(`Cold render ${nLabel(n)} ≤ Chart.js`, `${ms(o)} = ${ratio(o / renderOf(r, 'Chart.js', n))} Chart.js`, ok(o / renderOf(r, 'Chart.js', n), 1));
    add(`Cold render ${nLabel(n)} ≤ 1.5× uPlot`, `${ratio(o / renderOf(r, 'uPlot', n))} uPlot`, ok(o / renderOf(r, 'uPlot', n), 1.5));
  }
  if (r.hover?.length) {
    for (const view of VIEWS) {
      const per = (lib) => sizes.map((n) => hoverOf(r, 'operation-charts', view, n) / hoverOf(r, lib, 'cumulative', n));
      const cj = per('Chart.js'); const up = per('uPlot');
      const worst = (xs) => (xs.some((x) => !Number.isFinite(x)) ? null : Math.max(...xs));
      add(`Hover ${view} ≤ ½ Chart.js (every N)`, `worst ${ratio(worst(cj))} (${cj.map(ratio).join(', ')})`, ok(worst(cj), 0.5));
      add(`Hover ${view} ≤ 1.5× uPlot (every N)`, `worst ${ratio(worst(up))} (${up.map(ratio).join(', ')})`, ok(worst(up), 1.5));
      const first = hoverOf(r, 'operation-charts', view, sizes[0]); const last = hoverOf(r, 'operation-charts', view, sizes[sizes.length - 1]);
      add(`Hover ${view} flat: ${nLabel(sizes[sizes.length - 1])} ≤ 1.5× N=50`, `${ratio(last / first)}`, ok(last / first, 1.5));
    }
    const ours = (r.canvas ?? []).filter((c) => c.lib === 'operation-charts' && c.hover);
    const total = ours.reduce((s, c) => s + c.hover.total, 0);
    add('Base chart never repainted on hover (canvas calls during the sweeps, every view and N)', ours.length ? `${count(total)} calls in ${ours.length} sweeps of 200 moves` : '–', ours.length ? total === 0 : null);
  }
  for (const x of r.limit ?? []) {
    const done = x.status === 'ok';
    add(`Limit ${x.view}: chartready ≤ 1.5 s`, done ? ms(x.readyMs) : x.status, done ? x.readyMs <= 1500 : false);
    add(`Limit ${x.view}: renderer memory growth ≤ 4× the document`, done ? `${ratio(x.growthRatio.pss)} after, ${ratio(x.growthRatio.peak)} at the peak` : '–', done ? Math.max(x.growthRatio.pss, x.growthRatio.peak) <= 4 : false);
    add(`Limit ${x.view}: hover < 1 ms per move`, done ? ms(x.hover.script) : '–', done ? x.hover.script < 1 : false);
  }
  const paints = [...(r.canvas ?? []).filter((c) => c.lib === 'operation-charts' && c.paint).map((c) => c.paint.total),
    ...(r.limit ?? []).filter((x) => x.paintCalls).map((x) => x.paintCalls.total)];
  if (paints.length) add(`Canvas calls per paint ≤ a few thousand (read as ≤ ${en(FEW_THOUSAND)}), any N and view`, `at most ${count(Math.max(...paints))}`, Math.max(...paints) <= FEW_THOUSAND);
  if (r.article) add('Demo article: no main-thread task over 50 ms', `longest ${ms(r.article.worst)} (worst run)`, r.article.worst <= 50);
  if (r.lighthouse) add('Demo article: Lighthouse mobile total blocking time < 200 ms', r.lighthouse.tbt == null ? 'no run finished' : `${ms(r.lighthouse.tbt)} (median), worst run ${ms(r.lighthouse.worstTbt)}`, r.lighthouse.tbt == null ? false : r.lighthouse.worstTbt < 200);
  if (r.native) {
    add('Native validate of the limit file < 0.5 s', ms(r.native.validate.ms), r.native.validate.status === 'ok' ? r.native.validate.ms < 500 : false);
    for (const [view, x] of Object.entries(r.native.render)) add(`Native render ${view} < 1 s`, ms(x.ms), x.status === 'ok' ? x.ms < 1000 : false);
    const svgs = r.native.svgBytes.map((s) => s.bytes);
    const missing = svgs.some((b) => b == null);
    add('Native SVG < 1 MB at any N', missing ? 'a render failed' : `largest ${kb(Math.max(...svgs))}`, missing ? false : Math.max(...svgs) < 1e6);
  }
  return rows;
}

export function targetsTable(rows) {
  return table(['target (from the issue)', 'measured in this run', ''], rows.map((t) => [t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : '**missed**']));
}
