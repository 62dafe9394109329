#!/usr/bin/env bash
# Builds the deployable widget into dist/:
#   operation-charts.js            the ES module (importing it defines <operation-chart>)
#   element.js, api.js, …          the modules it imports (src/web/js/*.js)
#   operation-charts-core.js       wasm-bindgen glue, loads the .wasm relative to itself
#   operation-charts-core_bg.wasm  the Rust core, optimised by wasm-opt -Oz
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
CORE_JS=dist/operation-charts-core.js
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
  cp "$TMP/operation-charts-core.js" "$CORE_JS"
  [ -f "$TMP/operation-charts-core.d.ts" ] && cp "$TMP/operation-charts-core.d.ts" dist/operation-charts-core.d.ts
  rm -f dist/operation-charts-core_bg.wasm.d.ts
fi

say "copying the element"
cp src/web/js/*.js dist/
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

# dist/ must never reach another origin.
if grep -nE "https?://" dist/*.js | grep -vE '^\S+:[0-9]+:\s*(//|\*)' ; then
  die "dist/ contains a URL to another origin (see above); nothing in dist/ may fetch from elsewhere"
fi

for f in operation-charts.js operation-charts-core.js operation-charts-core_bg.wasm operation-charts.d.ts operation.schema.json; do
  [ -s "dist/$f" ] || die "dist/$f missing after build"
done
WASM_BYTES=$(wc -c < "$CORE_WASM")
WASM_GZ=$(gzip -9c "$CORE_WASM" | wc -c)
say "done: dist/ ($((WASM_BYTES / 1024)) KB wasm, $((WASM_GZ / 1024)) KB gzipped)"
