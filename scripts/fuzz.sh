#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/, one after the other, each for a time box:
#   load      any bytes → load and validate
#   render    an arbitrary operation → derive → layout at 1–4,000 px, DPR 0.5–4 → paint into a
#             recording backend; every coordinate finite and inside the canvas (plus margin)
#   interact  pointer moves and key presses on those charts
# The checks themselves live in src/testing/ (cargo feature `testing`), shared with
# tests/fuzz_corpus.rs, which replays everything saved here on stable Rust with `cargo test`.
#
#   npm run fuzz                          # every target, FUZZ_SECONDS each (default 180)
#   FUZZ_SECONDS=400 npm run fuzz         # the long run recorded in the README (3 × 400 s)
#   FUZZ_TARGETS="render" npm run fuzz    # some targets only
#
# Each target runs as one process (one job: the machines have two cores), with -timeout=2:
# an input that takes over 2 s is a hang, and is saved as one. -len_control=0 lets inputs
# reach the 4,096-byte limit from the start: left to grow, a 400 s run of render never got
# past 68 bytes, too few for a crowded chart. New corpus inputs go to
# fuzz/corpus/<target>/, crashes, hangs and out-of-memory inputs to fuzz/artifacts/<target>/.
#
# Turning a crash into a regression test:
#   1. Reproduce it:  cargo +nightly fuzz run -O -a -s none <target> fuzz/artifacts/<target>/crash-…
#      (or on stable: cargo test --test fuzz_corpus, which replays every artifact).
#   2. Shrink it:     cargo +nightly fuzz tmin -O -a -s none <target> fuzz/artifacts/<target>/crash-…
#      and keep the minimised file in fuzz/artifacts/<target>/ in place of the original.
#   3. Fix the bug in src/; `cargo test --test fuzz_corpus` then passes, and keeps it fixed.
#   4. Commit the input with the fix. Before committing a grown corpus, shrink it:
#      cargo +nightly fuzz cmin -O -a -s none <target> -- -set_cover_merge=1
#      (commit kilobytes, not megabytes).
#
# Needs nightly Rust and cargo-fuzz; both are installed when missing, which needs the network.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'fuzz: %s\n' "$*"; }
die() { printf 'fuzz: ERROR: %s\n' "$*" >&2; exit 1; }

SECONDS_EACH="${FUZZ_SECONDS:-180}"
TARGETS="${FUZZ_TARGETS:-load render interact}"
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || die "FUZZ_SECONDS must be a whole number of seconds, not '$SECONDS_EACH'"

command -v rustup >/dev/null 2>&1 || die "rustup not found; install Rust with rustup first"
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  say "nightly Rust is missing (cargo-fuzz needs it): installing it with rustup (needs the network)"
  rustup toolchain install nightly --profile minimal || die "could not install nightly Rust"
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "cargo-fuzz is missing: installing it with cargo install (needs the network, a few minutes)"
  cargo install cargo-fuzz --locked || die "could not install cargo-fuzz"
fi
say "$(rustup run nightly rustc --version), $(cargo +nightly fuzz --version)"

# Release build with debug assertions and overflow checks (-O -a). No sanitizer (-s none): the
# crate has no unsafe code, and without AddressSanitizer each input runs several times faster.
FLAGS=(-O -a -s none)
failed=()
for target in $TARGETS; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  say "$target: ${SECONDS_EACH} s"
  log="target/fuzz-$target.log"
  mkdir -p target
  if cargo +nightly fuzz run "${FLAGS[@]}" "$target" -- \
      -max_total_time="$SECONDS_EACH" -timeout=2 -len_control=0 -print_final_stats=1 >"$log" 2>&1; then
    say "$target: no crash. $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') inputs run; corpus: $(ls "fuzz/corpus/$target" | wc -l) files"
  else
    failed+=("$target")
    grep -E "panicked at|^thread|ERROR: libFuzzer|Test unit written" "$log" | head -n 8 >&2 || true
    say "$target: FOUND A CRASH (full log: $log); see the top of scripts/fuzz.sh to make it a regression test"
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  die "crashes in: ${failed[*]} (inputs in fuzz/artifacts/)"
fi
say "done; shrink the corpus before committing it: cargo +nightly fuzz cmin ${FLAGS[*]} <target> -- -set_cover_merge=1"
