#!/usr/bin/env bash
# Builds the deployable widget into dist/:
#   operation-charts.js            the one ES module a page loads (importing it defines
#                                  <operation-chart>): src/web/js/*.js and the wasm-bindgen glue,
#                                  bundled and minified by esbuild
#   operation-charts-core_bg.wasm  the Rust core, optimised by wasm-opt -Oz; the module finds it
#                                  relative to itself
#   operation-charts.d.ts          TypeScript types
#   operation.schema.json          JSON Schema of the data format
# Run scripts/setup.sh first (npm run build does both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: ERROR: %s\n' "$*" >&2; exit 1; }

command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen CLI not found; run: bash scripts/setup.sh (or npm run setup)"
WASM_OPT=node_modules/.bin/wasm-opt
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found; run: npm ci (or bash scripts/setup.sh)"

say "cargo build (wasm32, release)"
cargo build --lib --release --target wasm32-unknown-unknown \
  || die "the Rust core did not compile for wasm32 (see the errors above)"
RAW=target/wasm32-unknown-unknown/release/operation_charts.wasm
[ -f "$RAW" ] || die "$RAW not produced; is crate-type cdylib set in Cargo.toml?"

mkdir -p dist
CORE_WASM=dist/operation-charts-core_bg.wasm
# The wasm-bindgen glue is an input of the bundle, not a file a page loads: it lives in target/.
GLUE_DIR=target/operation-charts-glue
CORE_JS=$GLUE_DIR/operation-charts-core.js
if [ -f "$CORE_WASM" ] && [ -f "$CORE_JS" ] && [ "$CORE_WASM" -nt "$RAW" ]; then
  say "wasm-bindgen + wasm-opt: up to date"
else
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  say "wasm-bindgen --target web"
  wasm-bindgen --target web --out-dir "$TMP" --out-name operation-charts-core "$RAW" \
    || die "wasm-bindgen failed; its version must equal the wasm-bindgen crate in Cargo.lock (bash scripts/setup.sh installs it)"
  # Rust 1.95's wasm32-unknown-unknown target emits these post-MVP features by default;
  # all of them ship in every browser that has custom elements and top-level await.
  say "wasm-opt -Oz"
  "$WASM_OPT" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue --enable-reference-types \
    -o "$CORE_WASM" "$TMP/operation-charts-core_bg.wasm" \
    || die "wasm-opt failed (if it names a feature, add the matching --enable-... flag here)"
  mkdir -p "$GLUE_DIR"
  cp "$TMP/operation-charts-core.js" "$CORE_JS"
fi

# One request for all the JS: the element's modules and the glue, bundled and minified. The
# modules import the glue as './operation-charts-core.js', so they are staged beside it.
say "esbuild: one minified ES module"
ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || die "$ESBUILD not found; run: npm ci (or bash scripts/setup.sh)"
STAGE="$GLUE_DIR/stage"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp src/web/js/*.js "$CORE_JS" "$STAGE/"
node scripts/minify-css.mjs "$STAGE/styles.js" || die "the element's CSS could not be minified (see above)"
rm -f dist/*.js dist/*.d.ts
# The modules' own members are named `_name` (never part of the public API): the bundle gives
# them short names. A test reads `_cleanups` from outside the bundle, so that one keeps its name.
"$ESBUILD" "$STAGE/operation-charts.js" --bundle --format=esm --minify --target=es2022 \
  --mangle-props='^_[a-z]' --reserve-props='^_cleanups$' \
  --legal-comments=none --log-level=warning --outfile=dist/operation-charts.js \
  || die "esbuild could not bundle src/web/js/ (see the errors above)"
cp src/web/js/operation-charts.d.ts dist/

say "JSON Schema"
if cargo run --quiet --release --bin operation-charts -- schema > dist/operation.schema.json.tmp 2>/dev/null \
   && node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' dist/operation.schema.json.tmp 2>/dev/null; then
  mv dist/operation.schema.json.tmp dist/operation.schema.json
elif [ -f schema/operation.schema.json ]; then
  rm -f dist/operation.schema.json.tmp
  say "(the 'schema' subcommand is not available yet; copying schema/operation.schema.json)"
  cp schema/operation.schema.json dist/operation.schema.json
else
  rm -f dist/operation.schema.json.tmp
  die "no JSON Schema: neither 'operation-charts schema' nor schema/operation.schema.json is available"
fi

# A strict CSP forbids eval: nothing in the bundle may compile code from strings.
if grep -nE "\beval\(|new Function\(" dist/*.js; then
  die "dist/ uses eval or new Function (see above); a strict Content-Security-Policy would block it"
fi

# dist/ must never reach another origin.
if grep -nE "https?://" dist/*.js | grep -vE '^\S+:[0-9]+:\s*(//|\*)' ; then
  die "dist/ contains a URL to another origin (see above); nothing in dist/ may fetch from elsewhere"
fi

for f in operation-charts.js operation-charts-core_bg.wasm operation-charts.d.ts operation.schema.json; do
  [ -s "dist/$f" ] || die "dist/$f missing after build"
done
# Prints what a page downloads, gzipped, and fails above the budget in size-budget.json.
node scripts/size.mjs || die "the widget is over its size budget (see above)"
