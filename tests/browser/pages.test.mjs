// The demo article and the iframe embed, as served (strict CSP, Trusted Types).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the article renders all four charts under the strict CSP, with no accessibility violations', async () => {
  const { page, problems } = await env.open('/', { dpr: 2, width: 1000 });
  // Rendered: the "Show data" row appears with the first render (a fresh canvas is 300 px wide).
  const rendered = () => page.waitForFunction(() => {
    const els = [...document.querySelectorAll('operation-chart')];
    return els.length === 4 && els.every((el) => el.shadowRoot?.querySelector('.tools:not([hidden])'));
  }, null, { timeout: 15000 });
  await rendered();
  const charts = await page.evaluate(() => [...document.querySelectorAll('operation-chart')].map((el) => {
    const c = el.shadowRoot.querySelector('canvas');
    return { view: el.getAttribute('view'), width: c.width, css: c.getBoundingClientRect().width,
      alert: !el.shadowRoot.querySelector('[role="alert"]').hidden };
  }));
  assert.deepEqual(charts.map((c) => c.view), ['summary', 'timeline', 'cumulative', 'areas']);
  for (const c of charts) {
    assert.equal(c.width, Math.round(c.css * 2), `${c.view} drawn at 2x`);
    assert.equal(c.alert, false, `${c.view} has no error`);
  }
  // The engine is downloaded once, by the page's preload, as the page starts: the module's own
  // fetch of it takes that response.
  const engine = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/operation-charts-core_bg.wasm')).map((e) => e.initiatorType));
  assert.deepEqual(engine, ['link'], 'one download of the engine, the preload\'s');
  const headers = await page.evaluate(async () => {
    const r = await fetch('/dist/operation-charts-core_bg.wasm');
    return { type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') };
  });
  assert.equal(headers.type, 'application/wasm');
  assert.match(headers.csp, /trusted-types 'none'/);
  assert.equal(headers.nosniff, 'nosniff');

  // Every axe rule, not only the serious ones; light, then dark through the page's own toggle.
  const axe = async (what) => {
    const r = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], what);
  };
  await axe('light');
  const before = await page.evaluate(() => document.querySelector('operation-chart').shadowRoot.querySelector('canvas').toDataURL());
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await page.waitForFunction((b) => document.querySelector('operation-chart').shadowRoot.querySelector('canvas').toDataURL() !== b, before);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), true);
  await page.waitForTimeout(300); // past the theme re-render of all four
  await axe('dark');
  await assertClean(page, problems);
});

test('the embed posts its height in the Datawrapper and pym.js shapes', async () => {
  const { page, problems } = await env.open('/test/embed-parent.html');
  await page.waitForFunction(() => (window.__messages ?? []).some((m) => typeof m === 'object' && m['datawrapper-height']
    && m['datawrapper-height']['cayman-summary'] > 150), null, { timeout: 15000 });
  const msgs = await page.evaluate(() => window.__messages);
  const dw = msgs.filter((m) => m && typeof m === 'object' && m['datawrapper-height']).at(-1);
  const height = dw['datawrapper-height']['cayman-summary'];
  const pym = msgs.filter((m) => typeof m === 'string').at(-1);
  // pym.js joins ['pym', id, type, message] with the literal delimiter "xPYMx".
  assert.equal(pym, `pymxPYMxcayman-summaryxPYMxheightxPYMx${height}`);
  const frame = page.frameLocator('#frame');
  const w = await frame.locator('operation-chart').evaluate((el) => el.shadowRoot.querySelector('canvas').width);
  assert.ok(w > 0, 'the chart rendered inside the iframe');
  const engine = await frame.locator('operation-chart').evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/operation-charts-core_bg.wasm')).map((e) => e.initiatorType));
  assert.deepEqual(engine, ['link'], 'the embed downloads the engine once, by its preload');
  await assertClean(page, problems);
});

test('a pym.js parent (childId in the iframe URL) hears the height and resizes the iframe', async () => {
  const { page, problems } = await env.open('/test/pym-parent.html');
  await page.waitForFunction(() => (window.__pymHeights ?? []).some((h) => Number(h) > 150), null, { timeout: 15000 });
  const r = await page.evaluate(() => ({
    heights: window.__pymHeights,
    dw: window.__messages.filter((m) => m && typeof m === 'object' && m['datawrapper-height']).at(-1),
    frameHeight: document.getElementById('frame').getBoundingClientRect().height,
    src: document.getElementById('frame').src,
  }));
  assert.match(r.src, /childId=pym-container/);
  const last = Number(r.heights.at(-1));
  assert.equal(r.dw['datawrapper-height']['pym-container'], last, 'without ?id=, both messages use the childId');
  await page.waitForFunction((h) => Math.abs(document.getElementById('frame').getBoundingClientRect().height - h) < 1, last);
  const chart = await page.frameLocator('#frame').locator('operation-chart').evaluate((el) => el.shadowRoot.querySelector('canvas').width);
  assert.ok(chart > 0, 'the chart rendered inside the iframe');
  await assertClean(page, problems);
});
