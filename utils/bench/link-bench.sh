#!/usr/bin/env bash
# Link benchmark: times identical link jobs for `toyc link` and wasm-ld-19.
# See utils/bench/README.md. Usage:
#   utils/bench/link-bench.sh [--quick] [--only NAME[,NAME...]] [--profile] [--no-check]
# Environment overrides:
#   TOYC=path       toyc binary (default: <repo>/build/bin/toyc)
#   WASM_LD=cmd     reference linker (default: wasm-ld-19)
#   CLANG=cmd       compiler (default: clang-19)
#   WORK=dir        cache/work dir (default: /tmp/toyc-link-bench)
#   FILES=n FUNCS=m size of the generated program (default 200 x 100)
#   CFLAGS=...      flags for the generated program and hello (default -O2)
#   RUNS=n WARMUP=n hyperfine runs/warm-up runs (default 10 / 2)
#   RSS_RUNS=n      runs under /usr/bin/time for peak RSS (default 5)
#   JOBS=n          parallel compile jobs (default: nproc)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TOYC=${TOYC:-$ROOT/build/bin/toyc}
WASM_LD=${WASM_LD:-wasm-ld-19}
CLANG=${CLANG:-clang-19}
WORK=${WORK:-/tmp/toyc-link-bench}
FILES=${FILES:-200}
FUNCS=${FUNCS:-100}
CFLAGS=${CFLAGS:--O2}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
RSS_RUNS=${RSS_RUNS:-5}
JOBS=${JOBS:-$(nproc)}
SYSROOT_LIB=/usr/lib/wasm32-wasi
CRT1=$SYSROOT_LIB/crt1-command.o
LIBC=$SYSROOT_LIB/libc.a
BUILTINS=${BUILTINS:-/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a}
RUN_WASI=$ROOT/runtime/run-wasi.mjs

ONLY="hello,big,big-wa"
PROFILE=0
CHECK=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) FILES=${QUICK_FILES:-20}; RUNS=5; WARMUP=1; RSS_RUNS=3 ;;
    --only) ONLY=$2; shift ;;
    --only=*) ONLY=${1#--only=} ;;
    --profile) PROFILE=1 ;;
    --no-check) CHECK=0 ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "link-bench: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "link-bench: error: $*" >&2; exit 1; }
log() { echo "[link-bench] $*" >&2; }

for tool in "$TOYC" "$WASM_LD" "$CLANG" hyperfine node python3; do
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
[ -x /usr/bin/time ] || die "missing /usr/bin/time (apt-get install time)"
for f in "$CRT1" "$LIBC" "$BUILTINS" "$RUN_WASI"; do [ -f "$f" ] || die "missing file: $f"; done

CC=("$CLANG" --target=wasm32-wasi --sysroot=/usr)
mkdir -p "$WORK"
OUT=$WORK/out
mkdir -p "$OUT"

# Snapshot the toyc binary: the build tree may be rebuilt while we run, and
# every number of one run must come from the same binary.
TOYC_ORIG=$(command -v "$TOYC")
TOYC_STAMP="$TOYC_ORIG ($(date -r "$TOYC_ORIG" '+%F %T'))"
TOYC=$WORK/toyc.snapshot
cp "$TOYC_ORIG" "$TOYC.tmp" && mv "$TOYC.tmp" "$TOYC"

# ---------------------------------------------------------------- inputs
# 1. hello world, compiled once.
HELLO_DIR=$WORK/hello
mkdir -p "$HELLO_DIR"
cat > "$HELLO_DIR/hello.c.new" <<'EOF'
#include <stdio.h>
int main(void) {
  printf("hello, world %d\n", 42);
  return 0;
}
EOF
if ! cmp -s "$HELLO_DIR/hello.c.new" "$HELLO_DIR/hello.c" 2>/dev/null; then
  mv "$HELLO_DIR/hello.c.new" "$HELLO_DIR/hello.c"
else
  rm -f "$HELLO_DIR/hello.c.new"
fi

# Objects are cached; the stamp holds everything that changes them.
STAMP_WANT="$("$CLANG" --version | head -1) | $CFLAGS"
compile_cached() { # dir: compiles dir/*.c to dir/*.o where stale
  local dir=$1
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$STAMP_WANT" ]; then
    rm -f "$dir"/*.o
  fi
  local stale=()
  local c
  for c in "$dir"/*.c; do
    [ "${c%.c}.o" -nt "$c" ] || stale+=("$c")
  done
  if [ ${#stale[@]} -gt 0 ]; then
    log "compiling ${#stale[@]} file(s) in $dir with $CFLAGS ($JOBS jobs)"
    # shellcheck disable=SC2086
    printf '%s\n' "${stale[@]}" |
      xargs -P "$JOBS" -I{} sh -c 'exec "$@"' _ "${CC[@]}" $CFLAGS -Wall -Werror -c {} -o {}.o.tmp
    for c in "${stale[@]}"; do mv "$c.o.tmp" "${c%.c}.o"; done
  fi
  echo "$STAMP_WANT" > "$dir/.stamp"
}

want() { [[ ",$ONLY," == *",$1,"* ]]; }

if want hello; then compile_cached "$HELLO_DIR"; fi

# 2. the generated multi-object program.
PROG_DIR=$WORK/prog-${FILES}x${FUNCS}
if want big || want big-wa; then
  log "generating $FILES files x $FUNCS functions in $PROG_DIR"
  python3 "$HERE/gen-c-program.py" "$PROG_DIR" --files "$FILES" --funcs "$FUNCS"
  t0=$(date +%s)
  compile_cached "$PROG_DIR"
  log "objects ready ($(( $(date +%s) - t0 )) s)"
fi

# ---------------------------------------------------------------- workloads
# Each workload is a link line without -o; both linkers get the same line.
declare -A WL
WL_ORDER=()
if want hello; then
  WL[hello]="$CRT1 $HELLO_DIR/hello.o -L$SYSROOT_LIB -lc $BUILTINS"
  WL_ORDER+=(hello)
fi
if want big || want big-wa; then
  PROG_OBJS=$(printf '%s ' "$PROG_DIR"/f*.o)
  PROG_OBJS="$PROG_OBJS $PROG_DIR/main.o"
fi
if want big; then
  WL[big]="$CRT1 $PROG_OBJS -L$SYSROOT_LIB -lc $BUILTINS"
  WL_ORDER+=(big)
fi
if want big-wa; then
  WL[big-wa]="$CRT1 $PROG_OBJS --whole-archive $LIBC --no-whole-archive $BUILTINS"
  WL_ORDER+=(big-wa)
fi
[ ${#WL_ORDER[@]} -gt 0 ] || die "--only selects no workload (names: hello, big, big-wa)"

link_toyc() { "$TOYC" link "$@"; }
link_ref() { "$WASM_LD" "$@"; }

# ---------------------------------------------------------------- sanity
STATUS_FILE=$OUT/status.txt
: > "$STATUS_FILE"
for w in "${WL_ORDER[@]}"; do
  # shellcheck disable=SC2086
  read -r -a args <<< "${WL[$w]}"
  ok=1
  for l in toyc ref; do
    for strip in plain strip; do
      extra=(); [ $strip = strip ] && extra=(--strip-debug)
      o=$OUT/$w.$l.$strip.wasm
      rm -f "$o"
      if ! "link_$l" "${args[@]}" "${extra[@]}" -o "$o" 2> "$OUT/$w.$l.$strip.err"; then
        log "$w: $l link FAILED:"; head -20 "$OUT/$w.$l.$strip.err" >&2; ok=0
      fi
    done
  done
  if [ $CHECK = 1 ] && [ $ok = 1 ]; then
    for l in toyc ref; do
      set +e
      (cd "$OUT" && node --no-warnings "$RUN_WASI" "$w.$l.plain.wasm" > "$w.$l.stdout" 2> "$w.$l.stderr")
      echo $? > "$OUT/$w.$l.rc"
      set -e
      if command -v wasm-validate >/dev/null 2>&1 && ! wasm-validate "$OUT/$w.$l.plain.wasm" 2>> "$OUT/$w.$l.stderr"; then
        log "$w: $l output does not validate"; ok=0
      fi
    done
    if ! cmp -s "$OUT/$w.toyc.stdout" "$OUT/$w.ref.stdout" || ! cmp -s "$OUT/$w.toyc.rc" "$OUT/$w.ref.rc"; then
      log "$w: OUTPUT MISMATCH (toyc rc=$(cat "$OUT/$w.toyc.rc"), wasm-ld rc=$(cat "$OUT/$w.ref.rc"))"
      diff "$OUT/$w.ref.stdout" "$OUT/$w.toyc.stdout" | head -10 >&2 || true
      ok=0
    elif [ "$(cat "$OUT/$w.ref.rc")" != 0 ] || [ ! -s "$OUT/$w.ref.stdout" ]; then
      log "$w: wasm-ld output did not run cleanly (rc=$(cat "$OUT/$w.ref.rc"))"; ok=0
    else
      log "$w: sanity OK (same stdout, $(wc -l < "$OUT/$w.ref.stdout") lines, rc $(cat "$OUT/$w.ref.rc"))"
    fi
  fi
  if [ $CHECK = 0 ]; then echo "$w unchecked" >> "$STATUS_FILE"
  elif [ $ok = 1 ]; then echo "$w ok" >> "$STATUS_FILE"
  else echo "$w FAIL" >> "$STATUS_FILE"; fi
done

# ---------------------------------------------------------------- timing
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before timing: $LOAD_BEFORE ($(nproc) CPUs)"
awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }' &&
  log "warning: the machine is busy; timings will be noisy"
# Process start-up alone (wasm-ld-19 loads the shared libLLVM.so).
log "timing start-up (--version)"
hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" \
  --export-json "$OUT/startup.hyperfine.json" \
  -n toyc "$TOYC --version" -n wasm-ld "$WASM_LD --version" > "$OUT/startup.hyperfine.txt" 2>&1 ||
  { cat "$OUT/startup.hyperfine.txt" >&2; die "hyperfine failed on start-up"; }
for l in toyc ref; do
  : > "$OUT/startup.$l.rss"
  for _ in $(seq "$RSS_RUNS"); do
    if [ $l = toyc ]; then cmd=("$TOYC"); else cmd=("$WASM_LD"); fi
    /usr/bin/time -f %M -o "$OUT/startup.$l.rss.one" "${cmd[@]}" --version > /dev/null
    cat "$OUT/startup.$l.rss.one" >> "$OUT/startup.$l.rss"
  done
done
for w in "${WL_ORDER[@]}"; do
  echo "${WL[$w]}" > "$OUT/$w.args"
  log "timing $w (hyperfine: $WARMUP warm-up, $RUNS runs)"
  hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" \
    --export-json "$OUT/$w.hyperfine.json" \
    -n toyc "$TOYC link ${WL[$w]} -o $OUT/$w.toyc.t.wasm" \
    -n wasm-ld "$WASM_LD ${WL[$w]} -o $OUT/$w.ref.t.wasm" > "$OUT/$w.hyperfine.txt" 2>&1 ||
    { cat "$OUT/$w.hyperfine.txt" >&2; die "hyperfine failed on $w"; }
  # Peak RSS (KiB), RSS_RUNS runs each.
  read -r -a args <<< "${WL[$w]}"
  for l in toyc ref; do
    : > "$OUT/$w.$l.rss"
    for _ in $(seq "$RSS_RUNS"); do
      if [ $l = toyc ]; then cmd=("$TOYC" link); else cmd=("$WASM_LD"); fi
      /usr/bin/time -f %M -o "$OUT/$w.$l.rss.one" "${cmd[@]}" "${args[@]}" -o "$OUT/$w.$l.r.wasm"
      cat "$OUT/$w.$l.rss.one" >> "$OUT/$w.$l.rss"
    done
  done
done

# ---------------------------------------------------------------- report
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "toyc: $TOYC_STAMP   wasm-ld: $("$WASM_LD" --version | head -1)"
echo "program: $FILES files x $FUNCS functions, CFLAGS=$CFLAGS; hyperfine $WARMUP warm-up + $RUNS runs; RSS over $RSS_RUNS runs"
echo "load average before/after timing: $LOAD_BEFORE / $LOAD_AFTER on $(nproc) CPUs"
python3 - "$OUT" "${WL_ORDER[@]}" <<'EOF'
import json, os, statistics, sys
out, names = sys.argv[1], sys.argv[2:]
status = dict(l.split() for l in open(os.path.join(out, "status.txt")))

def uleb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def counts(path):
    """(defined functions, data bytes) of a wasm module."""
    try: b = open(path, "rb").read()
    except OSError: return None, None
    i, funcs, data = 8, 0, 0
    while i < len(b):
        sid = b[i]; size, j = uleb(b, i + 1)
        if sid == 3: funcs, _ = uleb(b, j)
        if sid == 11: data = size
        i = j + size
    return funcs, data

def size(path):
    try: return os.path.getsize(path)
    except OSError: return None

def fmt(v): return "-" if v is None else f"{v:,}"

def timing(w):
    return {r["command"]: r for r in json.load(open(os.path.join(out, f"{w}.hyperfine.json")))["results"]}

def peak(w, l):
    v = [int(x) for x in open(os.path.join(out, f"{w}.{l}.rss")).read().split()]
    return max(v)

start = timing("startup")
print()
print("| workload | toyc wall (ms) | wasm-ld wall (ms) | toyc/wasm-ld | min toyc / min wasm-ld (ms) | ratio of mins, start-up subtracted | toyc CPU user+sys (ms) | wasm-ld CPU user+sys (ms) | toyc peak RSS (MB) | wasm-ld peak RSS (MB) | RSS toyc/wasm-ld | check |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for w in ["startup"] + names:
    res = timing(w)
    t, r = res["toyc"], res["wasm-ld"]
    if w == "startup":
        adj = "-"
    else:
        dt = t["min"] - start["toyc"]["min"]; dr = r["min"] - start["wasm-ld"]["min"]
        adj = f"{dt/dr:.2f}" if dr > 0 else "n/a"
    pt, pr = peak(w, "toyc"), peak(w, "ref")
    print(f"| {w} | {t['mean']*1e3:.1f} ± {t['stddev']*1e3:.1f} | {r['mean']*1e3:.1f} ± {r['stddev']*1e3:.1f} "
          f"| {t['mean']/r['mean']:.2f} | {t['min']*1e3:.0f} / {r['min']*1e3:.0f} = {t['min']/r['min']:.2f} | {adj} | {(t['user']+t['system'])*1e3:.0f} | {(r['user']+r['system'])*1e3:.0f} "
          f"| {pt/1024:.1f} | {pr/1024:.1f} "
          f"| {pt/pr:.2f} | {status.get(w, '-')} |")
print()
print("Wall: hyperfine mean ± σ; the min columns are steadier on a busy machine. 'startup' is `--version` (process start,")
print("wasm-ld-19 loads libLLVM.so). CPU: mean user+sys over the hyperfine runs (both linkers may use threads).")
print("Peak RSS: max of /usr/bin/time %M over the runs.")
print()
print("| workload | toyc size (B) | wasm-ld size (B) | toyc --strip-debug (B) | wasm-ld --strip-debug (B) | toyc funcs | wasm-ld funcs | toyc data sec (B) | wasm-ld data sec (B) |")
print("|---|---|---|---|---|---|---|---|---|")
for w in names:
    p = lambda l, s: os.path.join(out, f"{w}.{l}.{s}.wasm")
    tf, td = counts(p("toyc", "plain")); rf, rd = counts(p("ref", "plain"))
    print(f"| {w} | {fmt(size(p('toyc','plain')))} | {fmt(size(p('ref','plain')))} | {fmt(size(p('toyc','strip')))} "
          f"| {fmt(size(p('ref','strip')))} | {fmt(tf)} | {fmt(rf)} | {fmt(td)} | {fmt(rd)} |")
EOF

# ---------------------------------------------------------------- profile
if [ $PROFILE = 1 ]; then
  pw=${WL_ORDER[${#WL_ORDER[@]}-1]}
  read -r -a args <<< "${WL[$pw]}"
  echo
  for l in toyc ref; do
    if [ $l = toyc ]; then cmd=("$TOYC" link); name="toyc link"; else cmd=("$WASM_LD"); name=$WASM_LD; fi
    echo "== perf stat: $name ($pw), 5 runs =="
    perf stat -r 5 -e task-clock,context-switches,cpu-migrations,page-faults \
      "${cmd[@]}" "${args[@]}" -o "$OUT/$pw.$l.p.wasm" 2>&1 |
      sed -n '/Performance counter/,$p' | grep -v -e '^$' -e 'Performance counter' | sed 's/  *$//'
  done
  if perf record -q -F 2000 --call-graph dwarf,16384 -o "$OUT/perf.data" "$TOYC" link "${args[@]}" -o "$OUT/$pw.toyc.p.wasm" >/dev/null 2>&1; then
    echo
    echo "== perf report: toyc link ($pw), top self time =="
    perf report -i "$OUT/perf.data" --stdio --no-children --sort symbol -g none 2>/dev/null |
      grep -E '^ +[0-9]+\.[0-9]+%' | sed 's/  *$//; s/ *- *- *$//' | cut -c1-140 | head -25 || true
    echo
    echo "== perf report: toyc link ($pw), top inclusive time =="
    perf report -i "$OUT/perf.data" --stdio --children --sort symbol -g none 2>/dev/null |
      grep -E '^ +[0-9]+\.[0-9]+%' | grep -e toyc:: -e '\[k\] \(exc_page_fault\|do_syscall_64\)' |
      sed 's/  *$//; s/ *- *- *$//' | cut -c1-140 | head -25 || true
  else
    echo "perf record not usable here; see README for valgrind --tool=callgrind"
  fi
fi
