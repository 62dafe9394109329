// Prints the size of what a page downloads for the widget (every dist/*.js, *.wasm and *.css,
// gzip -9, as a server would send it) and exits 1 when it is over size-budget.json's budget.
// Run by scripts/build.sh after every build. KB are 1,000 bytes, as in npm run bench.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const { maxGzipBytes: budget, targetGzipBytes: target } = JSON.parse(readFileSync(path.join(root, 'size-budget.json'), 'utf8'));

const files = readdirSync(dist).filter((f) => /\.(js|wasm|css)$/.test(f)).sort();
let total = 0;
for (const f of files) {
  const bytes = readFileSync(path.join(dist, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`size: ${f.padEnd(32)} ${(bytes.length / 1000).toFixed(1).padStart(7)} KB  ${(gz / 1000).toFixed(1).padStart(6)} KB gzip`);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`size: everything a page loads: ${kb(total)} gzip (budget ${kb(budget)}, size-budget.json)`);
if (target && total > target) {
  console.log(`size: still ${kb(total - target)} over the target of ${kb(target)} (${(total / target).toFixed(1)}×): see the README's Performance section`);
}
if (total > budget) {
  console.error(`size: ERROR: ${kb(total)} is over the budget of ${kb(budget)} by ${kb(total - budget)}`);
  process.exit(1);
}
