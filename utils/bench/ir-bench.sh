#!/usr/bin/env bash
# LLVM IR backend benchmark: toyc against llc-19 + wasm-ld-19 on the same IR.
# See utils/bench/README.md. Usage:
#   utils/bench/ir-bench.sh [--quick] [--only compile,run] [--sizes "1000 10000"]
# Measures
#   compile: `toyc build x.ll -o x.wasm` vs `llc-19 -O0 -filetype=obj x.ll` + `wasm-ld-19`
#            (crt1, libc, builtins) on generated IR (ir-gen.py, 1k/10k/100k
#            functions) and on programs of the execution suite;
#   run:     node run time of utils/bench/ir-programs/*.c built from -O2 IR by
#            toyc vs by llc-19 -O2 + wasm-ld-19, and the code size of both.
# Environment overrides:
#   TOYC=path          toyc binary (default: <repo>/build/bin/toyc)
#   LLC, WASM_LD, CLANG  reference tools (default: llc-19, wasm-ld-19, clang-19)
#   WORK=dir           cache/work dir (default: /tmp/toyc-ir-bench)
#   SIZES="n ..."      generated program sizes in functions (default: 1000 10000 100000)
#   REAL_PROGRAMS="..." suite programs (test/lit/llvm/programs/<name>.c) to compile
#   REAL_LEVELS="O0 O2"  opt levels of their IR
#   RUNS=n WARMUP=n    hyperfine runs/warm-up runs (default 10 / 2: a small
#                      program compiles in ~15 ms, where one slow run moves a mean of 5)
#   BIG_SECONDS=s      a workload whose checked first run takes longer is not
#                      repeated: that run is its measurement (default 60)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TOYC=${TOYC:-$ROOT/build/bin/toyc}
LLC=${LLC:-llc-19}
WASM_LD=${WASM_LD:-wasm-ld-19}
CLANG=${CLANG:-clang-19}
WORK=${WORK:-/tmp/toyc-ir-bench}
SIZES=${SIZES:-1000 10000 100000}
REAL_PROGRAMS=${REAL_PROGRAMS:-cf_interpreter_switch algo_json_parser algo_compression algo_sha256 cf_big_function algo_trees}
REAL_LEVELS=${REAL_LEVELS:-O0 O2}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
BIG_SECONDS=${BIG_SECONDS:-60}
LIBDIR=/usr/lib/wasm32-wasi
CRT1=$LIBDIR/crt1-command.o
BUILTINS=${BUILTINS:-/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a}
RUN_WASI=$ROOT/runtime/run-wasi.mjs
SUITE=$ROOT/test/lit/llvm/programs

ONLY="compile,run"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SIZES="1000 10000"; RUNS=3; WARMUP=0; REAL_LEVELS="O0" ;;
    --only) ONLY=$2; shift ;;
    --only=*) ONLY=${1#--only=} ;;
    --sizes) SIZES=$2; shift ;;
    --sizes=*) SIZES=${1#--sizes=} ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ir-bench: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
want() { [[ ",$ONLY," == *",$1,"* ]]; }

die() { echo "ir-bench: error: $*" >&2; exit 1; }
log() { echo "[ir-bench] $*" >&2; }

for tool in "$LLC" "$WASM_LD" "$CLANG" hyperfine node python3 wasm-validate; do
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
[ -x /usr/bin/time ] || die "missing /usr/bin/time (apt-get install time)"
for f in "$CRT1" "$LIBDIR/libc.a" "$BUILTINS" "$RUN_WASI"; do [ -f "$f" ] || die "missing file: $f"; done

CC=("$CLANG" --target=wasm32-wasi --sysroot=/usr)
GEN=$WORK/ir
OUT=$WORK/out
mkdir -p "$GEN" "$OUT"
rm -rf "$OUT/compile" "$OUT/run"

# ---------------------------------------------------------------- toyc
# Snapshot the binary (the build tree may be rebuilt during the run), then
# check that it builds IR at all; without that, only the reference side runs.
TOYC_OK=0
TOYC_WHY=""
printf 'int main(void) { return 0; }\n' > "$GEN/probe.c"
if [ -x "$TOYC" ]; then
  cp "$TOYC" "$WORK/toyc.snapshot.tmp" && mv "$WORK/toyc.snapshot.tmp" "$WORK/toyc.snapshot"
  TOYC_STAMP="$TOYC ($(date -r "$TOYC" '+%F %T'))"
  TOYC=$WORK/toyc.snapshot
  "${CC[@]}" -O0 -S -emit-llvm "$GEN/probe.c" -o "$GEN/probe.ll"
  if "$TOYC" build "$GEN/probe.ll" -o "$GEN/probe.toyc.wasm" >"$GEN/probe.err" 2>&1 &&
     node "$RUN_WASI" "$GEN/probe.toyc.wasm" >>"$GEN/probe.err" 2>&1; then
    TOYC_OK=1
  else
    TOYC_WHY="toyc unavailable: \`toyc build\` of a trivial IR file failed: $(grep -m1 . "$GEN/probe.err" || echo 'no message')"
  fi
else
  TOYC_STAMP="$TOYC (missing)"
  TOYC_WHY="toyc unavailable: no executable at $TOYC"
fi
if [ $TOYC_OK = 1 ]; then log "toyc: $TOYC_STAMP"; else log "$TOYC_WHY; measuring the reference side only"; fi

# Runs a command once: wall seconds and peak RSS (KB) go to <dir>/sanity.tsv
# as "<side> <seconds> <kb>"; stdout/stderr to <dir>/<side>.{out,err}.
measure() {
  local dir=$1 side=$2 t0 t1 rc=0
  shift 2
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$dir/$side.rss" "$@" >"$dir/$side.out" 2>"$dir/$side.err" || rc=$?
  t1=$(date +%s%N)
  echo "$side $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }') $(tail -1 "$dir/$side.rss")" >>"$dir/sanity.tsv"
  return $rc
}
# True when any checked run of <dir> took longer than BIG_SECONDS.
slow() { awk -v lim="$BIG_SECONDS" '$2 > lim { found = 1 } END { exit !found }' "$1/sanity.tsv"; }
q() { printf '%q' "$1"; }
# The link line clang-19 uses for a wasm32-wasi command; append "<obj> -o <out>".
REF_LINK=("$WASM_LD" -m wasm32 -L"$LIBDIR" "$CRT1")
link_ref() { "${REF_LINK[@]}" "$1" -lc "$BUILTINS" -o "$2"; }
first_line() { grep -m1 . "$1" 2>/dev/null | cut -c1-200 || true; }

# Checks toyc's module against the reference run; writes <dir>/status.
check_toyc() {
  local dir=$1
  if ! wasm-validate "$dir/toyc.wasm" >"$dir/validate.err" 2>&1; then
    echo "wasm-validate rejects toyc's module: $(first_line "$dir/validate.err")" >"$dir/status"
    return 1
  fi
  local rc=0
  node "$RUN_WASI" "$dir/toyc.wasm" >"$dir/toyc.stdout" 2>"$dir/toyc.stderr" || rc=$?
  if [ $rc -ne 0 ] || ! cmp -s "$dir/toyc.stdout" "$dir/ref.stdout"; then
    echo "toyc's program differs from the reference (exit $rc; diff $dir/{toyc,ref}.stdout)" >"$dir/status"
    return 1
  fi
  echo ok >"$dir/status"
}

# ---------------------------------------------------------------- inputs
# IR is cached in $GEN and rebuilt when the source, the generator or clang changes.
STAMP_WANT="$("$CLANG" --version | head -1) | $(md5sum "$HERE/ir-gen.py" | cut -d' ' -f1)"
if [ "$(cat "$GEN/.stamp" 2>/dev/null)" != "$STAMP_WANT" ]; then
  rm -f "$GEN"/*.ll
  echo "$STAMP_WANT" >"$GEN/.stamp"
fi
ir_of() { # src level out: clang-19 -<level> -S -emit-llvm, cached
  local src=$1 level=$2 out=$3
  if [ ! "$out" -nt "$src" ]; then
    log "clang-19 -$level -S -emit-llvm $(basename "$src")"
    "${CC[@]}" "-$level" -S -emit-llvm "$src" -o "$out.tmp"
    mv "$out.tmp" "$out"
  fi
}

# ---------------------------------------------------------------- compile time
compile_workload() { # name ll order info...
  local name=$1 ll=$2 order=$3
  shift 3
  local d=$OUT/compile/$name
  mkdir -p "$d"
  { echo "order=$order"; echo "ir_bytes=$(stat -c %s "$ll")"; printf '%s\n' "$@"; } >"$d/info"
  log "compile: $name ($(( $(stat -c %s "$ll") / 1024 )) KB of IR)"
  measure "$d" llc "$LLC" -O0 -filetype=obj "$ll" -o "$d/ref.o" || die "llc-19 failed on $ll: $(first_line "$d/llc.err")"
  measure "$d" ld "${REF_LINK[@]}" "$d/ref.o" -lc "$BUILTINS" -o "$d/ref.wasm" || die "wasm-ld-19 failed: $(first_line "$d/ld.err")"
  node "$RUN_WASI" "$d/ref.wasm" >"$d/ref.stdout" 2>"$d/ref.stderr" || die "reference program $d/ref.wasm fails under node"
  local cmds=()
  if [ $TOYC_OK = 1 ]; then
    if measure "$d" toyc "$TOYC" build "$ll" -o "$d/toyc.wasm"; then
      check_toyc "$d" && cmds+=("$(q "$TOYC") build $(q "$ll") -o $(q "$d/toyc.bench.wasm")") || true
    else
      echo "toyc build failed: $(first_line "$d/toyc.err")" >"$d/status"
    fi
  else
    echo "$TOYC_WHY" >"$d/status"
  fi
  cmds+=("$(q "$LLC") -O0 -filetype=obj $(q "$ll") -o $(q "$d/ref.bench.o") && $(q "$WASM_LD") -m wasm32 -L$LIBDIR $CRT1 $(q "$d/ref.bench.o") -lc $BUILTINS -o $(q "$d/ref.bench.wasm")")
  if slow "$d"; then
    log "  slower than ${BIG_SECONDS}s: the checked run is the measurement"
  else
    # Earlier workloads leave hundreds of MB of output to write back; the
    # kernel's flusher threads would share the 2 cores with the timed runs.
    sync
    hyperfine --style basic --runs "$RUNS" --warmup "$WARMUP" --export-json "$d/hyperfine.json" "${cmds[@]}" \
      >"$d/hyperfine.txt" 2>&1 || log "  hyperfine failed (see $d/hyperfine.txt)"
  fi
}

if want compile; then
  order=0
  for n in $SIZES; do
    src=$GEN/gen-$n.c
    python3 "$HERE/ir-gen.py" "$src" --funcs "$n"
    ir_of "$src" O0 "$GEN/gen-$n.O0.ll"
    compile_workload "gen-$n" "$GEN/gen-$n.O0.ll" "$order" "funcs=$n" "level=O0"
    order=$((order + 1))
  done
  for p in $REAL_PROGRAMS; do
    [ -f "$SUITE/$p.c" ] || die "no suite program $SUITE/$p.c"
    for level in $REAL_LEVELS; do
      ir_of "$SUITE/$p.c" "$level" "$GEN/$p.$level.ll"
      compile_workload "$p.$level" "$GEN/$p.$level.ll" "$order" "level=$level" \
        "funcs=$(grep -c '^define ' "$GEN/$p.$level.ll")"
    done
    order=$((order + 1))
  done
fi

# ---------------------------------------------------------------- run time and size
if want run; then
  # Node's start-up and WASI set-up, measured on an empty program.
  "${CC[@]}" -O2 "$GEN/probe.c" -o "$GEN/empty.wasm"
  order=0
  for src in "$HERE"/ir-programs/*.c; do
    name=$(basename "$src" .c)
    d=$OUT/run/$name
    mkdir -p "$d"
    echo "order=$order" >"$d/info"
    order=$((order + 1))
    ll=$GEN/run-$name.O2.ll
    ir_of "$src" O2 "$ll"
    log "run: $name"
    "$LLC" -O2 -filetype=obj "$ll" -o "$d/ref.o" || die "llc-19 -O2 failed on $ll"
    link_ref "$d/ref.o" "$d/ref.wasm" || die "wasm-ld-19 failed for $name"
    node "$RUN_WASI" "$d/ref.wasm" >"$d/ref.stdout" 2>"$d/ref.stderr" || die "reference $name fails under node"
    cmds=()
    if [ $TOYC_OK = 1 ]; then
      if measure "$d" toyc "$TOYC" build "$ll" -o "$d/toyc.wasm"; then
        check_toyc "$d" && cmds+=("node $(q "$RUN_WASI") $(q "$d/toyc.wasm")") || true
      else
        echo "toyc build failed: $(first_line "$d/toyc.err")" >"$d/status"
      fi
      # The object holds only the program's own code, for the size table.
      "$TOYC" build-obj "$ll" -o "$d/toyc.o" >"$d/toyc-obj.err" 2>&1 || rm -f "$d/toyc.o"
    else
      echo "$TOYC_WHY" >"$d/status"
    fi
    cmds+=("node $(q "$RUN_WASI") $(q "$d/ref.wasm")" "node $(q "$RUN_WASI") $(q "$GEN/empty.wasm")")
    sync
    NODE_NO_WARNINGS=1 hyperfine -N --style basic --runs "$RUNS" --warmup "$WARMUP" \
      --export-json "$d/hyperfine.json" "${cmds[@]}" >"$d/hyperfine.txt" 2>&1 ||
      log "  hyperfine failed (see $d/hyperfine.txt)"
  done
fi

# ---------------------------------------------------------------- report
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo
echo "toyc: $TOYC_STAMP"
echo "reference: $("$LLC" --version | grep -m1 -i version | sed 's/^ *//'), wasm-ld-19, node $(node --version)"
echo "load average at the end: $(load) (on $(nproc) cores; take timings on an idle machine)"
echo
python3 "$HERE/ir-report.py" "$OUT" | tee "$OUT/report.txt"
echo "details: $OUT/<compile|run>/<workload>/ (hyperfine.txt, sanity.tsv, status)"
