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
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('operation-chart')];
    return els.length === 4 && els.every((el) => el.shadowRoot?.querySelector('canvas')?.width > 0);
  }, null, { timeout: 15000 });
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
  const headers = await page.evaluate(async () => {
    const r = await fetch('/dist/operation-charts-core_bg.wasm');
    return { type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') };
  });
  assert.equal(headers.type, 'application/wasm');
  assert.match(headers.csp, /trusted-types 'none'/);
  assert.equal(headers.nosniff, 'nosniff');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
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
  assert.equal(pym, `pym<xPYMx>cayman-summary<xPYMx>height<xPYMx>${height}`);
  const frame = page.frameLocator('#frame');
  const w = await frame.locator('operation-chart').evaluate((el) => el.shadowRoot.querySelector('canvas').width);
  assert.ok(w > 0, 'the chart rendered inside the iframe');
  await assertClean(page, problems);
});
