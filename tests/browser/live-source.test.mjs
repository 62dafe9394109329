// A live chart (`src` + `refresh`) against a flaky server. The server's answers are scripted
// by the test through the test server's /test-live/ routes (scripts/serve.mjs), so it can be
// slow or silent without a production knob; the page's time is Playwright's fake clock, so the
// refresh interval and the fetch timeout pass in milliseconds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addChart, assertClean, events, findItem, inspect, ROOT, setup, sleep, waitForEvent } from './harness.mjs';
import { lantern } from './fixtures.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The bound the widget gives a silent server, read from its source. */
const TIMEOUT_S = Number(/FETCH_TIMEOUT_SECONDS = (\d+)/.exec(readFileSync(path.join(ROOT, 'src/web/js/sources.js'), 'utf8'))[1]);

test('the README states the fetch timeout the widget uses', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(TIMEOUT_S > 0 && TIMEOUT_S < 30, `a timeout below the shortest refresh: ${TIMEOUT_S}`);
  assert.match(readme, new RegExp(`\\b${TIMEOUT_S} seconds\\b`), 'the README names the same bound');
});

/** Polls `check()` (in this process) until it is true. */
async function until(check, what, timeout = 5000) {
  for (const end = Date.now() + timeout; !check();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

test('a flaky source (500, slow, silent, trickling, invalid, valid): one request at a time, the last good chart through each failure, the new data at the end', async (t) => {
  const good = JSON.stringify(lantern());
  const next = lantern(); // the story moves on: a sixth raid
  next.events.push({ type: 'raid', id: 'r6', time: '2021-03-04T12:00:00Z', place: 'Harbour Row, Westmoor', area: 'Westmoor' });
  const fresh = JSON.stringify(next);
  const json = (res) => res.writeHead(200, { 'Content-Type': 'application/json' });

  // The server: each request takes the next answer of the plan. In flight = arrived and not
  // yet closed (answered, or given up by the browser).
  const responses = [];
  let inFlight = 0;
  let most = 0;
  const plan = [
    (res) => { json(res); res.end(good); },                               // 1: the first load
    (res) => { res.writeHead(500, { 'Content-Type': 'text/plain' }); res.end('Oops'); }, // 2
    () => {},                                                            // 3: slow (answered below)
    () => {},                                                            // 4: silent
    (res) => { json(res); res.write(good.slice(0, 100)); },              // 5: trickles (below)
    (res) => { json(res); res.end('{"version": 1, "events": [ '); },      // 6: invalid JSON
    (res) => { json(res); res.end(fresh); },                             // 7: the new data
  ];
  t.after(env.server.route('/test-live/flaky.json', (req, res) => {
    inFlight++;
    most = Math.max(most, inFlight);
    res.on('close', () => { inFlight--; });
    plan[responses.length]?.(res);
    responses.push(res);
  }));
  const arrived = (n) => until(() => responses.length >= n, `request ${n}`);
  const settled = () => until(() => inFlight === 0, 'no request in flight');

  const { page, problems } = await env.open('/test/blank.html', { dpr: 1 });
  await page.clock.install();
  await addChart(page, { id: 'live', view: 'timeline', width: 600, src: '/test-live/flaky.json' });
  const picture = () => page.evaluate(() => document.getElementById('live').shadowRoot.querySelector('canvas.plot').toDataURL());
  const lastGood = await picture();
  const errors = () => events(page, 'live', 'charterror');

  // Fake time, in seconds since `refresh` was set; ticks are due every 30 s from then.
  const start = await page.evaluate(() => Date.now());
  await page.evaluate(() => document.getElementById('live').setAttribute('refresh', '30'));
  const at = async (s) => {
    const now = await page.evaluate(() => Date.now());
    await page.clock.runFor(Math.max(0, start + s * 1000 - now));
  };
  const keepsLastGood = async (what) => {
    assert.ok(await picture() === lastGood, `${what}: the last good chart stays`);
    assert.equal((await inspect(page, 'live')).fallbackShown, false);
  };

  // 2: the server answers 500.
  await at(30);
  await arrived(2);
  await waitForEvent(page, 'live', 'charterror', 1);
  assert.match((await errors())[0].message, /the server answered 500/);
  await settled();
  await keepsLastGood('after a 500');

  // 3: the server takes 10 s (within the bound), with the same document: nothing changes.
  await at(60);
  await arrived(3);
  await at(70);
  assert.equal(inFlight, 1, 'still waiting, not timed out');
  json(responses[2]);
  responses[2].end(good);
  await settled();
  await sleep(100);
  assert.equal((await errors()).length, 1, 'a slow answer is no failure');
  await keepsLastGood('after a slow answer');

  // 4: the server accepts the request and says nothing: given up after the bound.
  await at(90);
  await arrived(4);
  await at(90 + TIMEOUT_S - 3); // a margin for the fake clock, which also runs on its own
  assert.equal((await errors()).length, 1, 'not given up before the bound');
  await at(90 + TIMEOUT_S + 0.5);
  await waitForEvent(page, 'live', 'charterror', 2);
  const silent = (await errors())[1];
  assert.match(silent.message, new RegExp(`nothing arrived for ${TIMEOUT_S} seconds`));
  assert.equal(silent.errors[0].path, '$');
  await settled(); // the browser closed the request
  await keepsLastGood('after a silent server');

  // 5: the body trickles in, a part every 10 s, past the next tick: no second request.
  await at(120);
  await arrived(5);
  for (let s = 130, from = 100; s <= 160; s += 10) {
    await at(s);
    const to = s === 160 ? good.length : from + 100;
    responses[4].write(good.slice(from, to));
    from = to;
    await sleep(200); // let the part reach the page before its clock moves on
  }
  responses[4].end();
  await settled();
  assert.equal(responses.length, 5, 'the tick at 150 s asked for nothing while a request was under way');
  assert.equal((await errors()).length, 2, 'a slow body that keeps coming is no failure');
  await keepsLastGood('after a trickled answer');

  // 6: invalid JSON: an error beside the last good chart.
  await at(180);
  await arrived(6);
  await waitForEvent(page, 'live', 'charterror', 3);
  const invalid = (await errors())[2];
  assert.match(invalid.message, /the chart shows the last good data/);
  assert.ok(invalid.errors.length >= 1);
  assert.match((await inspect(page, 'live')).alert ?? '', /last good data/);
  await keepsLastGood('after invalid JSON');

  // 7: valid new data: drawn, the alert gone.
  await at(210);
  await arrived(7);
  await waitForEvent(page, 'live', 'chartready', 2);
  assert.ok(await picture() !== lastGood, 'the new data is drawn');
  assert.equal((await inspect(page, 'live')).alert, null, 'the alert is cleared');
  assert.ok(await findItem(page, 'live', { match: 'Harbour Row' }), 'the new place is on the chart');

  assert.equal(most, 1, 'never more than one request in flight');
  assert.equal(responses.length, 7);
  assert.equal((await errors()).length, 3, 'one charterror per failure');
  await assertClean(page, problems, { allow: [/status of 500/] });
});
