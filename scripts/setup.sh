#!/usr/bin/env bash
# Installs what building and testing the widget needs, skipping every step that is already done,
# so a second run takes a second or two. Safe to run on a fresh machine and on CI.
#
#   SETUP_SKIP_BROWSER=1  skip Chromium (building and serving do not need it; only the browser tests do)
#
# Needs the network for: the wasm target and the widget's pinned nightly Rust (rustup), the
# wasm-bindgen CLI (crates.io), npm packages (npm registry) and Chromium (Debian's apt, as root).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# --- Rust: the wasm target, and the pinned nightly that builds the widget's core ------------
command -v cargo >/dev/null 2>&1 || die "cargo not found. Install Rust with rustup (https://rustup.rs), no root needed; then re-run."
WASM_TOOLCHAIN="$(cat scripts/wasm-toolchain)"
command -v rustup >/dev/null 2>&1 \
  || die "rustup not found: the widget's core is built by Rust $WASM_TOOLCHAIN with rust-src, which rustup installs (https://rustup.rs, no root needed)"
# The stable toolchain's wasm target builds the playground's core (scripts/build.sh).
if rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target (needs the network, no root)"
  rustup target add wasm32-unknown-unknown \
    || die "could not add the wasm target. Run: rustup target add wasm32-unknown-unknown (needs the network, no root)"
fi
# The widget's core: a pinned nightly that compiles std along with it, for size (scripts/build.sh).
if rustup run "$WASM_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
   && rustup component list --installed --toolchain "$WASM_TOOLCHAIN" 2>/dev/null | grep -q '^rust-src'; then
  say "Rust $WASM_TOOLCHAIN with rust-src: present"
else
  say "installing Rust $WASM_TOOLCHAIN with rust-src (about 700 MB on disk; needs the network, no root)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src \
    || die "could not install Rust $WASM_TOOLCHAIN. Run: rustup toolchain install $WASM_TOOLCHAIN --profile minimal --component rust-src (needs the network, no root)"
fi

# --- wasm-bindgen CLI, exactly the version of the wasm-bindgen crate in Cargo.lock --------
[ -f Cargo.lock ] || die "Cargo.lock missing; run 'cargo generate-lockfile' (needs the network)"
WB_VERSION="$(awk '
  /^\[\[package\]\]/ { inpkg = 1; name = ""; next }
  inpkg && /^name = / { gsub(/"/, "", $3); name = $3; next }
  inpkg && /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "could not find the wasm-bindgen package in Cargo.lock"
export PATH="$HOME/.cargo/bin:$PATH"
HAVE_WB="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$HAVE_WB" = "$WB_VERSION" ]; then
  say "wasm-bindgen CLI $WB_VERSION: present"
else
  say "installing wasm-bindgen-cli $WB_VERSION (found: ${HAVE_WB:-none}); about 3 minutes on 2 cores, needs the network (crates.io), no root"
  # Not --locked: one crate version in its lock file is not on the registry.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force \
    || die "could not install the wasm-bindgen CLI. Run: cargo install wasm-bindgen-cli --version $WB_VERSION (needs the network and a C compiler, no root)"
  [ "$(wasm-bindgen --version | awk '{print $2}')" = "$WB_VERSION" ] \
    || die "wasm-bindgen on PATH is not $WB_VERSION after install; check that ~/.cargo/bin comes first in PATH"
fi

# --- npm packages ---------------------------------------------------------------------------
command -v node >/dev/null 2>&1 || die "node not found. Install Node.js 20 or newer (Debian: sudo apt-get install nodejs npm; needs root)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || die "Node.js $(node --version) is too old; need 20 or newer"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ] || [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ]; then
  say "installing npm packages (npm ci; needs the network, no root)"
  npm ci --no-audit --no-fund || die "npm ci failed. Check the network to the npm registry, then re-run"
  touch node_modules
else
  say "npm packages: up to date"
fi

# --- Chromium for the browser tests --------------------------------------------------------
if [ "${SETUP_SKIP_BROWSER:-0}" = "1" ]; then
  say "browser: skipped (SETUP_SKIP_BROWSER=1)"
elif [ -x /usr/bin/chromium ]; then
  say "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
else
  if [ "$(id -u)" = "0" ]; then
    say "installing Debian's chromium (needs the network, running as root)"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } \
      || die "apt-get install chromium failed; check the network to Debian's mirrors"
  else
    printf 'setup: ERROR: Chromium is needed for the browser tests and is not installed.\n' >&2
    printf 'setup: install chromium with: sudo apt-get install chromium   (needs root and the network)\n' >&2
    printf 'setup: (or set SETUP_SKIP_BROWSER=1 to build and serve without it)\n' >&2
    exit 1
  fi
fi
say "done"
