#!/usr/bin/env bash
# Build benchmark for the Toy frontend: times `toyc build` on generated
# programs of N functions (utils/bench/toy-gen.py). See utils/bench/README.md.
# Usage:
#   utils/bench/toy-bench.sh [--quick] [--sizes "1000 10000 100000"] [--no-check]
# Environment overrides:
#   TOYC=path        toyc binary (default: <repo>/build/bin/toyc)
#   WORK=dir         cache/work dir (default: /tmp/toyc-toy-bench)
#   SIZES="a b c"    numbers of functions (default "1000 10000 100000")
#   SEED=n           generator seed (default 1)
#   RUNS=n WARMUP=n  hyperfine runs/warm-up runs (default 10 / 2)
#   THREADS="1 2 4"  thread counts compared on the largest size (default "1 2 4")
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TOYC=${TOYC:-$ROOT/build/bin/toyc}
WORK=${WORK:-/tmp/toyc-toy-bench}
SIZES=${SIZES:-"1000 10000 100000"}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
THREADS=${THREADS:-"1 2 4"}
GEN=$HERE/toy-gen.py
RUN_WASI=$ROOT/runtime/run-wasi.mjs

CHECK=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) RUNS=3; WARMUP=1 ;;
    --sizes) SIZES=$2; shift ;;
    --sizes=*) SIZES=${1#--sizes=} ;;
    --no-check) CHECK=0 ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "toy-bench: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "toy-bench: error: $*" >&2; exit 1; }
log() { echo "[toy-bench] $*" >&2; }

for tool in "$TOYC" hyperfine node python3 wasm-validate; do
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
[ -f "$RUN_WASI" ] || die "missing file: $RUN_WASI"
mkdir -p "$WORK/out"

# Generated programs are cached under $WORK, keyed by size, seed and the
# generator's own hash, so editing the generator regenerates them.
GEN_HASH=$(sha256sum "$GEN" | cut -c1-16)
source_for() {
  local n=$1
  local src="$WORK/prog-$n-s$SEED-$GEN_HASH.toy"
  if [ ! -f "$src" ] || [ ! -f "${src%.toy}.expected" ]; then
    log "generating $n functions -> $src"
    python3 "$GEN" "$src.tmp" --functions "$n" --seed "$SEED" --expected "${src%.toy}.expected.tmp"
    mv "${src%.toy}.expected.tmp" "${src%.toy}.expected"
    mv "$src.tmp" "$src"
  fi
  echo "$src"
}

largest=0
for n in $SIZES; do [ "$n" -gt "$largest" ] && largest=$n; done

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
load1=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load1" 'BEGIN { exit !(l > 0.5) }'; then
  log "warning: the machine is busy (load $load1); timings will be noisy"
fi

# 1. Correctness before timing: every size builds, validates and prints the
# output the generator computed; the module is byte-identical whatever the
# thread count (outputs share a file name: the name section records it).
status=ok
if [ "$CHECK" = 1 ]; then
  for n in $SIZES; do
    src=$(source_for "$n")
    out="$WORK/out/$n"
    rm -rf "$out" && mkdir -p "$out/default"
    if ! "$TOYC" build "$src" -o "$out/default/prog.wasm" 2> "$out/build.err"; then
      log "FAIL: toyc build of $n functions failed (see $out/build.err)"; status=FAIL; continue
    fi
    if ! wasm-validate "$out/default/prog.wasm" 2> "$out/validate.err"; then
      log "FAIL: $n functions: invalid module (see $out/validate.err)"; status=FAIL
    fi
    if ! node "$RUN_WASI" "$out/default/prog.wasm" > "$out/run.stdout" 2> "$out/run.stderr" ||
       ! cmp -s "$out/run.stdout" "${src%.toy}.expected"; then
      log "FAIL: $n functions: output differs from ${src%.toy}.expected (see $out/run.stdout)"; status=FAIL
    fi
    for t in $THREADS; do
      mkdir -p "$out/threads-$t"
      if ! "$TOYC" build "$src" --threads "$t" -o "$out/threads-$t/prog.wasm" 2> "$out/build-$t.err"; then
        log "FAIL: toyc build --threads $t of $n functions failed"; status=FAIL
      elif ! cmp -s "$out/default/prog.wasm" "$out/threads-$t/prog.wasm"; then
        log "FAIL: $n functions: --threads $t gives a different module than the default"; status=FAIL
      fi
    done
    log "$n functions: $(stat -c %s "$src") bytes of source, $(stat -c %s "$out/default/prog.wasm") bytes of wasm, check $status"
  done
fi

# 2. Time per size, and per function.
printf '\n%-10s %-10s %12s %12s %12s %14s\n' "functions" "source" "mean (ms)" "stddev" "min (ms)" "us/function"
declare -A MEAN
for n in $SIZES; do
  src=$(source_for "$n")
  json="$WORK/out/build-$n.json"
  hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-json "$json" \
    "$TOYC build $src -o $WORK/out/bench-$n.wasm" > "$WORK/out/build-$n.hyperfine.txt" 2>&1
  read -r mean sd min < <(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results'][0]
print(r['mean'] * 1e3, r['stddev'] * 1e3, r['min'] * 1e3)" "$json")
  MEAN[$n]=$mean
  printf '%-10s %-10s %12.1f %12.1f %12.1f %14.2f\n' "$n" "$(( $(stat -c %s "$src") / 1024 ))K" \
    "$mean" "$sd" "$min" "$(python3 -c "print($mean * 1e3 / $n)")"
done

# Linearity: time per function at each size relative to the smallest size.
smallest=""
for n in $SIZES; do [ -z "$smallest" ] || [ "$n" -lt "$smallest" ] && smallest=$n; done
echo
for n in $SIZES; do
  python3 -c "
n, s, m, ms = $n, $smallest, ${MEAN[$n]}, ${MEAN[$smallest]}
print(f'per-function time at {n:>7}: {m / n * 1e3:8.2f} us  ({(m / n) / (ms / s):.2f}x the per-function time at {s})')"
done

# 3. Threads on the largest size: --threads 1 against the default.
src=$(source_for "$largest")
echo
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/out/threads.json" \
  -n "threads=1" "$TOYC build $src --threads 1 -o $WORK/out/t1.wasm" \
  -n "threads=default ($(nproc) cores)" "$TOYC build $src -o $WORK/out/tdefault.wasm" | tee "$WORK/out/threads.hyperfine.txt"

log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$status" != ok ]; then
  log "correctness check FAILED (details above); timings are of a wrong build"
  exit 1
fi
