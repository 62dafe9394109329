// The bench's own server, on 127.0.0.1 only: the repository root (dist/, node_modules/, bench/)
// as static files, plus
//   /bench/page.html?lib=L   bench/page.html with the <script>/<link> tags of library L in its
//                            head, as a page embedding that library would have them;
//   /bench/data/limit.json   the generated 500,000-event document, from memory (setDocument).
// No CSP here (the bench pages are not the demo); the article section uses scripts/serve.mjs.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What each library's page loads, besides bench/page.js. */
export const LIBRARY_TAGS = {
  'operation-charts': ['<script type="module" src="/dist/operation-charts.js"></script>'],
  'Chart.js': ['<script src="/node_modules/chart.js/dist/chart.umd.js"></script>'],
  uPlot: [
    '<link rel="stylesheet" href="/node_modules/uplot/dist/uPlot.min.css">',
    '<script src="/node_modules/uplot/dist/uPlot.iife.min.js"></script>',
  ],
};

export async function startBenchServer() {
  const files = sirv(ROOT, { dev: true, dotfiles: false });
  let document = null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/bench/page.html') {
      const tags = LIBRARY_TAGS[url.searchParams.get('lib')];
      if (!tags) { res.statusCode = 404; res.end('unknown lib'); return; }
      // Read per request so an edit to the page shows without restarting.
      const html = readFileSync(path.join(ROOT, 'bench/page.html'), 'utf8').replace('<!-- LIBRARY -->', tags.join('\n  '));
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(html);
      return;
    }
    if (url.pathname === '/bench/data/limit.json' && document) {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', document.length);
      res.end(document);
      return;
    }
    files(req, res, () => { res.statusCode = 404; res.end(); });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** Serve `buffer` (the limit document) at /bench/data/limit.json. */
    setDocument(buffer) { document = buffer; },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
