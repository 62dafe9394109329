#!/usr/bin/env bash
# Builds the deployable widget into dist/:
#   operation-charts.js            the one ES module a page loads (importing it defines
#                                  <operation-chart>): src/web/js/*.js and the wasm-bindgen glue,
#                                  bundled and minified by esbuild
#   operation-charts-core_bg.wasm  the Rust core, optimised by wasm-opt -Oz (WASM_OPT_FLAGS); the module finds it
#                                  relative to itself
#   operation-charts.d.ts          TypeScript types
#   operation.schema.json          JSON Schema of the data format
# It also builds the newsroom playground (www/playground.html) into dist/playground/, which the
# npm package does not ship (package.json "files") and the widget's size budget does not count:
#   playground.js                          the page's code (src/web/playground/*.js, jsonc-parser
#                                          and the glue below), bundled by esbuild
#   operation-charts-playground_bg.wasm   the core with the cargo feature playground (the
#                                          spreadsheet import and the SVG export), built in its
#                                          own target dir so it never evicts the widget's build
# Run scripts/setup.sh first (npm run build does both). With --with-test-build (npm test), it
# also builds target/test-faults-dist/, the same widget with the cargo feature test-faults, for
# the browser test that proves a panic stays inside one chart.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: ERROR: %s\n' "$*" >&2; exit 1; }

command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen CLI not found; run: bash scripts/setup.sh (or npm run setup)"
WASM_OPT=node_modules/.bin/wasm-opt
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found; run: npm ci (or bash scripts/setup.sh)"

# The wasm-bindgen flags: --experimental-reset-state-function lets the glue rebuild the one
# wasm instance every chart shares, from the module it already compiled, after a panic traps it
# (src/web/js/engine.js).
BINDGEN_FLAGS=(--target web --experimental-reset-state-function)
# Rust 1.95's wasm32-unknown-unknown target emits these post-MVP features by default;
# all of them ship in every browser that has custom elements and top-level await.
WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-multivalue --enable-reference-types)

# How wasm-opt shrinks the widget's core: -Oz, repeated until it gains nothing more
# (--converge), and told that the lowest 1 KB of memory is never addressed
# (--low-memory-unused), so constant offsets fold into loads and stores. That holds for Rust's
# wasm32 layout: the stack comes first and grows down from 1 MB, and nothing computes an
# address below 1 KB by wrapping around. Together about 1.9 KB gzip less than -Oz alone, for a
# few more seconds of build. Before that, the first -Oz's output is flattened and its control
# flow rebuilt by the Relooper (--flatten --rereloop), which the second -Oz then shrinks further
# (0.5 KB gzip; chartready at the bench's 500,000-event limit did not move). The producers and
# target-features sections are for tools, not browsers, and are dropped (0.2 KB).
WASM_OPT_FLAGS=(-Oz --flatten --rereloop -Oz --converge --low-memory-unused
  --strip-producers --strip-target-features)

# The widget's core is built by a pinned nightly Rust (scripts/wasm-toolchain; scripts/setup.sh
# installs it with rust-src) that compiles the standard library along with the crate
# (-Zbuild-std) at the crate's opt-level z, with std's own choices for size (optimize_for_size),
# and aborts on a panic at once, without formatting a message (-Cpanic=immediate-abort): a panic
# still traps the instance, which the glue rebuilds (src/web/js/engine.js), but its message is
# gone. 17.8 KB gzip less than stable Rust's prebuilt std with panic = "abort". With
# optimize_for_size, std's unstable sort is a heapsort, slow on the hundreds of thousands of
# items at the format's limit: large sorts use the stable sort (src/order.rs). The native CLI,
# the tests and the playground stay on stable.
WASM_TOOLCHAIN="$(cat scripts/wasm-toolchain)"
rustup run "$WASM_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
  || die "Rust $WASM_TOOLCHAIN not found; run: bash scripts/setup.sh (or npm run setup)"
WASM_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
WASM_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

# widget OUT_DIR GLUE_DIR [cargo feature]: builds the core (with the feature, if given) and
# writes OUT_DIR/operation-charts.js (the element's modules and the wasm-bindgen glue, bundled
# and minified by esbuild) and OUT_DIR/operation-charts-core_bg.wasm (optimised by wasm-opt, WASM_OPT_FLAGS).
widget() {
  local out="$1" glue="$2" feature="${3:-}"
  # Profile wasm (Cargo.toml): the release settings, optimised for size.
  local cargo_flags=(--lib --profile wasm --target wasm32-unknown-unknown)
  [ -n "$feature" ] && cargo_flags+=(--features "$feature")
  say "cargo +$WASM_TOOLCHAIN build (wasm32, profile wasm, std built with it${feature:+, feature $feature})"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS" \
    cargo "+$WASM_TOOLCHAIN" build "${cargo_flags[@]}" "${WASM_STD[@]}" \
    || die "the Rust core did not compile for wasm32 (see the errors above)"
  local raw=target/wasm32-unknown-unknown/wasm/operation_charts.wasm
  [ -f "$raw" ] || die "$raw not produced; is crate-type cdylib set in Cargo.toml?"

  mkdir -p "$out" "$glue"
  local core_wasm="$out/operation-charts-core_bg.wasm" core_js="$glue/operation-charts-core.js"
  # The glue is an input of the bundle, not a file a page loads: it lives in target/. A stamp
  # records which feature and wasm-opt flags built the wasm, since cargo swaps artifacts
  # between builds (and new flags must not leave an old wasm in place).
  local stamp="$feature ${WASM_OPT_FLAGS[*]}"
  if [ -f "$core_wasm" ] && [ -f "$core_js" ] && [ "$core_wasm" -nt "$raw" ] \
     && [ "$(cat "$glue/feature" 2>/dev/null)" = "$stamp" ]; then
    say "wasm-bindgen + wasm-opt: up to date"
  else
    local tmp
    tmp="$(mktemp -d)"
    say "wasm-bindgen --target web"
    wasm-bindgen "${BINDGEN_FLAGS[@]}" --out-dir "$tmp" --out-name operation-charts-core "$raw" \
      || die "wasm-bindgen failed; its version must equal the wasm-bindgen crate in Cargo.lock (bash scripts/setup.sh installs it)"
    say "wasm-opt ${WASM_OPT_FLAGS[*]}"
    "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "${WASM_FEATURES[@]}" -o "$core_wasm" "$tmp/operation-charts-core_bg.wasm" \
      || die "wasm-opt failed (if it names a feature, add the matching --enable-... flag here)"
    cp "$tmp/operation-charts-core.js" "$core_js"
    printf '%s' "$stamp" > "$glue/feature"
    rm -rf "$tmp"
  fi

  # One request for all the JS. The modules import the glue as './operation-charts-core.js',
  # so they are staged beside it.
  say "esbuild: one minified ES module"
  local stage="$glue/stage"
  rm -rf "$stage" && mkdir -p "$stage"
  cp src/web/js/*.js "$core_js" "$stage/"
  node scripts/minify-css.mjs "$stage/styles.js" || die "the element's CSS could not be minified (see above)"
  rm -f "$out"/*.js "$out"/*.d.ts
  # The modules' own members are named `_name` (never part of the public API): the bundle gives
  # them short names. A test reads `_cleanups` from outside the bundle, so that one keeps its name.
  # The banner is Chromium's compile hint (from Chrome 136; other browsers see a comment): most
  # of the bundle runs while the charts load, so V8 compiles all of it as the file streams in,
  # off the main thread, instead of function by function inside the first chart's tasks.
  "$ESBUILD" "$stage/operation-charts.js" --bundle --format=esm --minify --target=es2022 \
    --banner:js='//# allFunctionsCalledOnLoad' \
    --mangle-props='^_[a-z]' --reserve-props='^_cleanups$' \
    --legal-comments=none --log-level=warning --outfile="$out/operation-charts.js" \
    || die "esbuild could not bundle src/web/js/ (see the errors above)"
}

ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || die "$ESBUILD not found; run: npm ci (or bash scripts/setup.sh)"

# playground: the newsroom playground's own wasm (feature playground) and page code, into
# dist/playground/. Its own --target-dir keeps cargo from swapping it with the widget's
# artifact (each would rebuild the other every time); its weight is never the widget's.
playground() {
  local out=dist/playground glue=target/playground-glue target_dir=target/playground
  say "cargo build (wasm32, profile wasm, feature playground, for www/playground.html)"
  cargo build --lib --profile wasm --target wasm32-unknown-unknown --features playground --target-dir "$target_dir" \
    || die "the playground's core did not compile for wasm32 (see the errors above)"
  local raw="$target_dir/wasm32-unknown-unknown/wasm/operation_charts.wasm"
  [ -f "$raw" ] || die "$raw not produced"
  mkdir -p "$out" "$glue"
  local core_wasm="$out/operation-charts-playground_bg.wasm" core_js="$glue/operation-charts-playground.js"
  if [ -f "$core_wasm" ] && [ -f "$core_js" ] && [ "$core_wasm" -nt "$raw" ]; then
    say "playground wasm-bindgen + wasm-opt: up to date"
  else
    local tmp
    tmp="$(mktemp -d)"
    wasm-bindgen --target web --out-dir "$tmp" --out-name operation-charts-playground "$raw" \
      || die "wasm-bindgen failed on the playground's core"
    "$WASM_OPT" -Oz "${WASM_FEATURES[@]}" -o "$core_wasm" "$tmp/operation-charts-playground_bg.wasm" \
      || die "wasm-opt failed on the playground's core"
    cp "$tmp/operation-charts-playground.js" "$core_js"
    rm -rf "$tmp"
  fi
  say "esbuild: the playground's page code"
  local stage="$glue/stage"
  rm -rf "$stage" && mkdir -p "$stage"
  cp src/web/playground/*.js "$core_js" "$stage/"
  "$ESBUILD" "$stage/playground.js" --bundle --format=esm --minify --target=es2022 \
    --legal-comments=none --log-level=warning --outfile="$out/playground.js" \
    || die "esbuild could not bundle src/web/playground/ (see the errors above)"
  if grep -nE "\beval\(|new Function\(" "$out"/*.js; then
    die "dist/playground/ uses eval or new Function (see above); the page's strict policy would block it"
  fi
  if grep -nE "https?://" "$out"/*.js; then
    die "dist/playground/ contains a URL to another origin (see above); the playground sends nothing anywhere"
  fi
}
playground

# The browser tests' fault-injecting build (npm test asks for it): built first, so that the
# widget's own build below is the one left in target/.
if [ "${1:-}" = "--with-test-build" ]; then
  widget target/test-faults-dist target/operation-charts-glue-test-faults test-faults
fi
widget dist target/operation-charts-glue
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
