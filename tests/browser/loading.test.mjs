// How the widget loads on a real page, and what happens when it cannot: the WebAssembly engine
// answered with an error, truncated, cut off by the network or refused by the page's CSP; served
// with the wrong MIME type; and the module included twice under two URLs. A chart that cannot
// be drawn leaves the page's own fallback (the light DOM) in view and says why in charterror.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { a11yState, addChart, assertClean, events, inspect, setup, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const WASM = /\/operation-charts-core_bg\.wasm(\?.*)?$/;
const STATIC_PAGE = /\/test\/static\.html$/;

/**
 * Opens /test/static.html (a chart in the markup, with inline JSON and a fallback paragraph)
 * with `intercept(page)`'s routes in place from the first request on.
 */
async function openStatic(intercept) {
  // An empty page first, so that no copy of the widget is already fetching its engine when the
  // fault is put in place (that copy's failure would be logged too).
  const { page, problems } = await env.open('about:blank');
  await intercept(page);
  await page.goto(new URL('/test/static.html', env.server.url).href, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * Serves the test page as the server sends it, changed by `change(response)`: what it returns
 * (new `headers`, a new `body`) replaces the response's own.
 */
const servedWith = (change) => (page) => page.route(STATIC_PAGE, async (route) => {
  const response = await route.fetch();
  await route.fulfill({ response, ...(await change(response)) });
});

/** The test page with `csp` instead of the server's policy. */
const withPolicy = (csp) => servedWith((response) => ({ headers: { ...response.headers(), 'content-security-policy': csp } }));

/**
 * The test page with the module included a second time under another URL, as a CMS that adds
 * it again would: two module instances on one page.
 */
const withSecondCopy = servedWith(async (response) => ({
  body: (await response.text()).replace('</head>', '<script type="module" src="/dist/operation-charts.js?v=2"></script>\n</head>'),
}));

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

const FAULTS = [
  {
    name: 'the server answers 404',
    intercept: (page) => page.route(WASM, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })),
    why: /the server answered 404\b.* for .*operation-charts-core_bg\.wasm/,
  },
  {
    name: 'the server answers 500',
    intercept: (page) => page.route(WASM, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Oops' })),
    why: /the server answered 500\b.* for .*operation-charts-core_bg\.wasm/,
  },
  {
    name: 'the file arrives truncated',
    intercept: (page) => page.route(WASM, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
    }),
    why: /operation-charts-core_bg\.wasm is not a complete WebAssembly module/,
  },
  {
    name: 'the connection drops',
    intercept: (page) => page.route(WASM, (route) => route.abort('connectionreset')),
    why: /operation-charts-core_bg\.wasm could not be fetched/,
  },
  {
    name: "the page's CSP does not allow compiling WebAssembly",
    intercept: withPolicy(STRICT.replace(" 'wasm-unsafe-eval'", '')),
    why: /Content-Security-Policy does not allow WebAssembly: script-src needs 'wasm-unsafe-eval'/,
    csp: true,
  },
  {
    name: "the page's CSP does not allow fetching it",
    intercept: withPolicy(STRICT.replace("connect-src 'self'", "connect-src 'none'")),
    why: /operation-charts-core_bg\.wasm could not be fetched: .*connect-src/,
    csp: true,
  },
];

for (const fault of FAULTS) {
  test(`the engine cannot load (${fault.name}): the fallback stays, charterror says why, nothing is thrown`, async () => {
    const { page, problems } = await openStatic(fault.intercept);
    await waitForEvent(page, 'static', 'charterror', 1);
    const [detail] = await events(page, 'static', 'charterror');
    assert.match(detail.message, /The chart engine could not be loaded/);
    assert.match(detail.message, fault.why, 'the message says why');
    assert.equal(detail.errors.length, 1, JSON.stringify(detail));
    assert.equal(detail.errors[0].path, '$');
    assert.match(detail.errors[0].message, fault.why);

    const seen = await inspect(page, 'static');
    assert.equal(seen.fallbackShown, true, 'the page\'s own fallback stays in view');
    assert.match(seen.alert ?? '', fault.why, 'the alert beside it says why');
    assert.equal(seen.cssHeight, 0, 'no empty chart box is left in the article');
    assert.equal((await events(page, 'static', 'chartready')).length, 0);

    // The JS API says the same, without throwing anything uncaught.
    const api = await page.evaluate(async () => {
      const m = await import('/dist/operation-charts.js');
      const ready = await m.ready.then(() => 'resolved', (e) => e.message);
      const mounted = await m.mount(document.getElementById('stage'), {}).then(() => 'resolved', (e) => e.message);
      let validated;
      try { validated = m.validate({}); } catch (e) { validated = e.message; }
      return { ready, mounted, validated, views: m.VIEWS.length };
    });
    for (const [what, message] of Object.entries({ ready: api.ready, mount: api.mounted, validate: api.validated })) {
      assert.match(message, fault.why, `${what}() says why`);
    }
    assert.equal(api.views, 0);

    // Expected noise: the widget's one console.error, the browser's own report of a failed
    // resource, and the CSP violation that was the point of the test. No page error.
    const errors = problems.filter((p) => p.startsWith('pageerror'));
    assert.deepEqual(errors, [], 'no uncaught error');
    const ours = problems.filter((p) => /operation-charts: the chart engine/.test(p));
    assert.equal(ours.length, 1, `the failure is logged once: ${JSON.stringify(problems)}`);
    await assertClean(page, problems, {
      allow: [
        /operation-charts: the chart engine/,
        /Failed to load resource|status of [45]\d\d|net::ERR_CONNECTION_RESET/,
        ...(fault.csp ? [/Content Security Policy|script-src|connect-src/] : []),
      ],
    });
  });
}

for (const contentType of ['application/octet-stream', 'text/plain']) {
  test(`the engine served as ${contentType} (with nosniff) still draws the chart`, async () => {
    const { page, problems } = await openStatic((p) => p.route(WASM, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': contentType } });
    }));
    await waitForEvent(page, 'static', 'chartready', 1);
    const seen = await inspect(page, 'static');
    assert.equal(seen.alert, null);
    assert.equal(seen.fallbackShown, false, 'the chart replaced its fallback');
    assert.ok(seen.width > 100);
    assert.equal((await events(page, 'static', 'charterror')).length, 0);
    // wasm-bindgen's glue warns (console.warn) that it compiled the slower way; nothing worse.
    await assertClean(page, problems);
  });
}

test('the module included twice, under two URLs: nothing is thrown and every chart renders', async () => {
  const { page, problems } = await openStatic(withSecondCopy);
  await waitForEvent(page, 'static', 'chartready', 1);
  assert.equal(await page.evaluate(() => document.querySelectorAll('head script[type="module"]').length), 2, 'the markup includes the module twice');
  // Both copies finished loading: each exports its own class, and the first to finish defined
  // the element.
  const copies = await page.evaluate(async () => {
    const a = await import('/dist/operation-charts.js');
    const b = await import('/dist/operation-charts.js?v=2');
    await Promise.all([a.ready, b.ready]);
    const defined = customElements.get('operation-chart');
    return { distinct: a.OperationChartElement !== b.OperationChartElement, defined: [a, b].filter((m) => m.OperationChartElement === defined).length,
      valid: [a.validate(document.querySelector('script[type="application/json"]').textContent).ok, b.validate('{}').ok] };
  });
  assert.equal(copies.distinct, true, 'two module instances were loaded');
  assert.equal(copies.defined, 1, 'one of them defined <operation-chart>');
  assert.deepEqual(copies.valid, [true, false], 'validate() works in both');

  // Charts added through either copy's mount(), and by markup, all draw.
  const mounted = await page.evaluate(async (doc) => {
    const out = [];
    for (const url of ['/dist/operation-charts.js', '/dist/operation-charts.js?v=2']) {
      const { mount } = await import(url);
      const box = document.createElement('div');
      box.style.width = '400px';
      document.getElementById('stage').append(box);
      const chart = await mount(box, doc, { view: 'areas' });
      out.push(chart.element.shadowRoot.querySelector('canvas').width);
    }
    return out;
  }, lantern());
  assert.ok(mounted.every((w) => w === 400), `both mount()s drew: ${mounted}`);
  await addChart(page, { id: 'late', view: 'timeline', width: 500, data: lantern() });
  assert.equal((await inspect(page, 'late')).width, 500);
  // A third URL, imported after the element was defined, is harmless too.
  await page.evaluate(() => import('/dist/operation-charts.js?v=3').then((m) => m.ready));
  await addChart(page, { id: 'later', view: 'summary', width: 300, data: lantern() });
  assert.equal((await inspect(page, 'static')).alert, null);
  await assertClean(page, problems);
});

test('a document given as text reaches the core intact, a character at the end of an encoded part included', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  // Text goes into the core as UTF-8 encoded a part at a time; a small text's first part is 4
  // bytes longer than the text has UTF-16 units. A title of k × "é" (2 bytes, 1 unit) moves that
  // part's end; k is chosen so that it falls inside the 4 bytes of a place's "🚔".
  const place = 'Quai d’Orsay — Café 🚔 Øst';
  const text = (k) => {
    const doc = lantern();
    doc.title = 'é'.repeat(k);
    doc.events[4].place = place;
    return JSON.stringify(doc);
  };
  const cut = (t) => {
    const at = Buffer.byteLength(t.slice(0, t.indexOf('🚔')));
    return at < t.length + 4 && t.length + 4 < at + 4;
  };
  const k = Array.from({ length: 1000 }, (_, i) => i).find((i) => cut(text(i)));
  assert.ok(k !== undefined, 'some title length puts the first part\'s end inside the 🚔');
  await addChart(page, { id: 'x', view: 'timeline', width: 640, data: text(k) });
  assert.deepEqual(await events(page, 'x', 'charterror'), []);
  const { table } = await a11yState(page, 'x');
  const rows = table.rows.map((r) => r.join(' | '));
  assert.ok(rows.some((r) => r.includes(place)), `the data table shows the place as given: ${rows.join('\n')}`);
  assert.ok(rows.some((r) => r.includes('£3,400 in cash')), 'and the text after it');
  await assertClean(page, problems);
});
