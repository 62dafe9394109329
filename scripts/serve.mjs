// Static server for the demo and the browser tests: www/ at /, dist/ at /dist/ (the newsroom
// playground, www/playground.html, loads its own build from /dist/playground/), and for the
// gallery (www/gallery.html) the SVG goldens at /gallery/goldens/ and the fixture documents at
// /gallery/fixtures/, straight from tests/, so the page always shows what the tests assert.
//
// Every response carries a strict Content-Security-Policy (with Trusted Types enforced) and
// nosniff, so the demo proves the widget works on the strictest newsroom pages: no inline
// script or style, no eval beyond compiling wasm, no markup sinks, nothing from other origins.
//
//   node scripts/serve.mjs            serve on PORT (default 8080) and print the URL
//   import { startServer } from './scripts/serve.mjs'; await startServer({ port: 0 })
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** sirv mounted at `prefix` (which ends in "/"); `dev` re-reads the disk so rebuilds show at once. */
function mount(prefix, dir) {
  const handler = sirv(path.join(ROOT, dir), { dev: true, etag: true, dotfiles: false });
  return { prefix, handler };
}

/**
 * Start the server. Resolves to { url, port, close() }; port 0 picks a free port.
 * testPages: also serve tests/browser/pages at /test/, the fault-injecting test build
 * (scripts/build.sh --with-test-build) at /test-faults/, and the answers a browser test scripts
 * itself (an error, a delay, a body that trickles) at paths under /test-live/, which it
 * registers with the resolved `route(path, handler)`: the browser tests use them.
 */
export function startServer({ port = 8080, host = 'localhost', testPages = false } = {}) {
  const mounts = [mount('/dist/', 'dist'), mount('/gallery/goldens/', 'tests/goldens'), mount('/gallery/fixtures/', 'tests/fixtures')];
  if (testPages) mounts.push(mount('/test/', 'tests/browser/pages'), mount('/test-faults/', 'target/test-faults-dist'));
  mounts.push(mount('/', 'www'));
  const live = new Map(); // path under /test-live/ → (req, res) => void, with testPages only

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const notFound = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found\n');
    };
    const url = req.url || '/';
    const scripted = testPages && url.startsWith('/test-live/') && live.get(url.split('?')[0]);
    if (scripted) {
      scripted(req, res);
      return;
    }
    for (const { prefix, handler } of mounts) {
      if (prefix === '/' || url.startsWith(prefix)) {
        if (prefix !== '/') {
          req.url = url.slice(prefix.length - 1);
          delete req._parsedUrl;
        }
        handler(req, res, notFound);
        return;
      }
    }
    notFound();
  });

  // "localhost" means both loopback addresses: browsers and tools differ in which one they try.
  const both = host === 'localhost';
  const listen = (srv, h, p) => new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(p, h, () => resolve(srv.address().port));
  });
  const stop = (srv) => new Promise((done) => {
    srv.closeAllConnections?.();
    srv.close(() => done());
  });
  return (async () => {
    const actual = await listen(server, both ? '127.0.0.1' : host, port);
    let v6 = null;
    if (both) {
      v6 = http.createServer((req, res) => server.emit('request', req, res));
      // Best effort: a machine without IPv6 still serves on 127.0.0.1.
      v6 = await listen(v6, '::1', actual).then(() => v6, () => null);
    }
    const shownHost = both || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    return {
      url: `http://${shownHost}:${actual}/`,
      port: actual,
      close: () => Promise.all([stop(server), v6 && stop(v6)]),
      ...(testPages && {
        /** Answers `path` (under /test-live/) with `handler(req, res)`; returns the undo. */
        route(path, handler) {
          if (!path.startsWith('/test-live/')) throw new Error(`test routes live under /test-live/, not ${path}`);
          live.set(path, handler);
          return () => live.delete(path);
        },
      }),
    };
  })();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  const host = process.env.HOST ?? 'localhost';
  startServer({ port, host }).then(
    ({ url }) => {
      console.log(`operation-charts demo: ${url}  (the embed: ${url}embed.html?src=data/operation-cayman.json&view=timeline)`);
      console.log(`the playground, to paste your own data: ${url}playground.html`);
      console.log('Ctrl-C to stop.');
    },
    (err) => {
      console.error(`serve: could not listen on ${host}:${port}: ${err.message}` +
        (err.code === 'EADDRINUSE' ? ' (port in use; try PORT=8081 npm start)' : ''));
      process.exit(1);
    },
  );
}
