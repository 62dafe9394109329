// `refresh`: a live chart re-fetches `src` on one timer, however often the page changes it.
// Time is Playwright's fake clock, so minutes pass in milliseconds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addChart, assertClean, setup, sleep } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('changing refresh again and again leaves exactly one timer (and one cleanup) running', async () => {
  const { page, problems } = await env.open('/test/blank.html');
  let fetches = 0;
  await page.route(/\/test\/live\.json(\?.*)?$/, (route) => {
    fetches++;
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(lantern()) });
  });
  await page.clock.install();
  await addChart(page, { id: 'live', view: 'summary', width: 500, src: '/test/live.json' });
  assert.equal(fetches, 1, 'the first load');

  const cleanups = () => page.evaluate(() => document.getElementById('live')._cleanups.length);
  const setRefresh = (v) => page.evaluate((v) => document.getElementById('live').setAttribute('refresh', v), v);
  await setRefresh('30');
  const armed = await cleanups();
  for (const v of ['45', '40', '90', '120', '60']) await setRefresh(v);
  assert.equal(await cleanups(), armed, 're-arming the timer adds no cleanup closure');

  // One 60 s interval: one fetch per minute, none in between.
  const waitFetches = async (n) => {
    for (let i = 0; i < 100 && fetches < n; i++) await sleep(20);
  };
  for (let minute = 1; minute <= 4; minute++) {
    await page.clock.runFor(59_000);
    await sleep(100);
    assert.equal(fetches, minute, `no fetch before minute ${minute} is up`);
    await page.clock.runFor(1_000);
    await waitFetches(minute + 1);
    assert.equal(fetches, minute + 1, `exactly one fetch at minute ${minute}`);
  }

  // Disconnected: no timer at all. Reconnected: one again.
  await page.evaluate(() => { window.__live = document.getElementById('live'); window.__live.remove(); });
  await page.clock.runFor(180_000);
  await sleep(100);
  assert.equal(fetches, 5, 'a removed chart does not fetch');
  await page.evaluate(() => document.getElementById('live-box').append(window.__live));
  await waitFetches(6); // reconnecting re-reads src once
  const base = fetches;
  for (let minute = 1; minute <= 2; minute++) {
    await page.clock.runFor(60_000); // a minute at a time: a newer fetch aborts one still under way
    await waitFetches(base + minute);
    await sleep(100);
    assert.equal(fetches, base + minute, `after reconnecting, one fetch at minute ${minute}`);
  }
  await assertClean(page, problems);
});
