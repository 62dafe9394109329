// Minifies the element's stylesheet in a staged copy of src/web/js/styles.js before it is
// bundled: esbuild minifies the JavaScript but leaves the CSS inside its template string as
// written, indentation and all. Run by scripts/build.sh: node scripts/minify-css.mjs FILE.
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const file = process.argv[2];
const source = readFileSync(file, 'utf8');
const found = source.match(/const SHARED_CSS = `([^`$]*)`;/);
if (!found) {
  console.error(`minify-css: no SHARED_CSS template (without \${}) in ${file}`);
  process.exit(1);
}
// The template's value (it only escapes backslashes), minified, written back as a template.
const css = found[1].replace(/\\\\/g, '\\');
const min = transformSync(css, { loader: 'css', minify: true }).code.trim();
const template = min.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
writeFileSync(file, source.replace(found[0], () => `const SHARED_CSS = \`${template}\`;`));
