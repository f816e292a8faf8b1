#!/usr/bin/env bash
# sqlite-diff.sh: differential test of toyc's LLVM IR backend on SQLite.
#
# Builds the SQLite amalgamation plus our workload (utils/test/sqlite/driver.c)
# for wasm32-wasi at each level twice: the reference, compiled and linked by
# clang-19 (wasm-ld-19), and toyc's, from clang-19 -S -emit-llvm of every .c
# file built by `toyc build sqlite3.ll driver.ll` (TOYC_VERIFY_MIR=1). Both
# modules run under node (runtime/run-wasi.mjs); toyc's must pass
# wasm-validate, and both must print the same stdout (ending in "done") and
# exit with the same status. The driver fills an in-memory database with a
# few thousand pseudo-random rows and runs sorts that go through the external
# sorter (vdbesort.c: PMAs in its own in-memory VFS, and all-in-memory list
# merges), GROUP BY, joins, LIKE, subqueries, window functions, UPDATE and
# DELETE, and SQLite's printf of floating point. The amalgamation is never in
# the repository: it is fetched at run time from the npm package pinned below
# (which ships deps/sqlite3/sqlite3.c), checked against a sha256 and cached.
# Needs clang-19, wasm-validate (wabt), node and npm; not part of CI (the
# clang -O2 build of sqlite3.c takes a while).
#
# Usage:
#   sqlite-diff.sh [--toyc PATH] [--levels O0,O2] [--work DIR] [--cache DIR] [--keep]
#
#   --toyc PATH    toyc binary (default: build/bin/toyc, or $TOYC)
#   --levels LIST  comma-separated clang levels (default O0,O2)
#   --work DIR     work directory (default: a fresh one under $TMPDIR); a
#                  directory given here is never deleted
#   --cache DIR    where the npm tarball and the amalgamation are kept
#                  (default ${XDG_CACHE_HOME:-$HOME/.cache}/toyc/sqlite)
#   --keep         keep the work directory even when every level passes
#
# Prints one line per level, `O2: ok (N lines, toyc build X.Ys, ref build
# Y.Ys, ...)`, or `O2: MISMATCH` / `O2: FAIL (...)` with the head of the diff
# or of the error; the work directory is then kept, with repeat.<level>.sh.
# Exit status: 0 when every level matched, 1 on any mismatch or failure,
# 2 on a usage or setup error.
set -u -o pipefail

# The amalgamation: better-sqlite3 12.4.1 ships SQLite 3.50.4 as plain
# deps/sqlite3/sqlite3.c and sqlite3.h.
NPM_PACKAGE=better-sqlite3
NPM_VERSION=12.4.1
NPM_SHA256=14398acbf00d1e8fe0a2753df7d4f15c13138e4b874f4e6e96791f65b4536d0d
SQLITE_VERSION=3.50.4

# Same flags for both builds. SQLite's own __wasi__ block already implies the
# two -D options (no threads, no dlopen), gives the unix VFS dot-file locking
# and leaves out its mmap, WAL shared memory and fchown, so no
# wasi-emulated-* library is needed (nor -DSQLITE_OS_OTHER); the driver
# registers an in-memory VFS as the default, so no file is ever opened.
SQLITE_DEFS=(-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
TOYC=${TOYC:-$root/build/bin/toyc}
CLANG=${CLANG:-clang-19}
NODE=${NODE:-node}
NPM=${NPM:-npm}
WASM_VALIDATE=${WASM_VALIDATE:-wasm-validate}
RUNNER=$root/runtime/run-wasi.mjs
DRIVER=$here/sqlite/driver.c
RUN_TIMEOUT=${RUN_TIMEOUT:-600}

levels=O0,O2 work="" keep=0
cache=${XDG_CACHE_HOME:-$HOME/.cache}/toyc/sqlite

usage() { echo "sqlite-diff: usage error: $*" >&2; sed -n '20,29p' "${BASH_SOURCE[0]}" >&2; exit 2; }
die() { echo "sqlite-diff: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
    --toyc) [ $# -ge 2 ] || usage "--toyc needs a path"; TOYC=$2; shift 2 ;;
    --toyc=*) TOYC=${1#*=}; shift ;;
    --levels) [ $# -ge 2 ] || usage "--levels needs a list"; levels=$2; shift 2 ;;
    --levels=*) levels=${1#*=}; shift ;;
    --work) [ $# -ge 2 ] || usage "--work needs a directory"; work=$2; shift 2 ;;
    --work=*) work=${1#*=}; shift ;;
    --cache) [ $# -ge 2 ] || usage "--cache needs a directory"; cache=$2; shift 2 ;;
    --cache=*) cache=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,35p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage "unknown argument '$1'" ;;
    esac
done

for tool in "$CLANG" "$NODE" "$NPM" "$WASM_VALIDATE" sha256sum tar timeout; do
    command -v "$tool" >/dev/null || die "$tool is not on PATH"
done
[ -x "$TOYC" ] || die "toyc not found at $TOYC (use --toyc)"
TOYC=$(cd "$(dirname "$TOYC")" && pwd)/$(basename "$TOYC")
IFS=, read -r -a level_list <<<"$levels"
for l in "${level_list[@]}"; do
    case $l in O0|O1|O2|O3|Os|Oz) ;; *) usage "bad level '$l'" ;; esac
done

# ---- 1. the amalgamation, fetched once into the cache ----------------------

fetch_sqlite() {
    local tgz=$cache/$NPM_PACKAGE-$NPM_VERSION.tgz
    src=$cache/sqlite-$SQLITE_VERSION
    mkdir -p "$cache" || die "cannot create $cache"
    if [ ! -f "$tgz" ] || [ "$(sha256sum <"$tgz" | cut -d' ' -f1)" != "$NPM_SHA256" ]; then
        echo "sqlite-diff: fetching $NPM_PACKAGE@$NPM_VERSION into $cache" >&2
        rm -f "$tgz"
        (cd "$cache" && "$NPM" pack --silent --pack-destination "$cache" "$NPM_PACKAGE@$NPM_VERSION" >/dev/null) ||
            die "npm pack $NPM_PACKAGE@$NPM_VERSION failed"
        [ -f "$tgz" ] || die "npm pack did not write $tgz"
        local got
        got=$(sha256sum <"$tgz" | cut -d' ' -f1)
        if [ "$got" != "$NPM_SHA256" ]; then
            rm -f "$tgz"
            die "sha256 of $NPM_PACKAGE-$NPM_VERSION.tgz is $got, expected $NPM_SHA256"
        fi
        rm -rf "$src"
    fi
    if [ ! -f "$src/sqlite3.c" ] || [ ! -f "$src/sqlite3.h" ]; then
        local tmp
        tmp=$(mktemp -d "$cache/extract.XXXXXX") || die "mktemp in $cache failed"
        tar -xzf "$tgz" -C "$tmp" package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h ||
            { rm -rf "$tmp"; die "cannot extract the amalgamation from $tgz"; }
        grep -q "^#define SQLITE_VERSION  *\"$SQLITE_VERSION\"" "$tmp/package/deps/sqlite3/sqlite3.h" ||
            { rm -rf "$tmp"; die "$tgz does not hold SQLite $SQLITE_VERSION"; }
        rm -rf "$src"
        mv "$tmp/package/deps/sqlite3" "$src" || { rm -rf "$tmp"; die "cannot move the amalgamation to $src"; }
        rm -rf "$tmp"
    fi
}
fetch_sqlite

# ---- work directory --------------------------------------------------------

made_work=0
if [ -z "$work" ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/sqlite-diff.XXXXXX") || die "mktemp failed"
    made_work=1
fi
mkdir -p "$work" || die "cannot create $work"
work=$(cd "$work" && pwd)
cp "$src/sqlite3.c" "$src/sqlite3.h" "$DRIVER" "$work/" || die "cannot copy sources to $work"

# ---- helpers ---------------------------------------------------------------

now() { echo "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# step LOG CMD...: runs CMD in the work dir, its output appended to LOG.
step() {
    local log=$1
    shift
    echo "+ $*" >>"$log"
    (cd "$work" && "$@") >>"$log" 2>&1
}

# The first lines of a log that tell what went wrong.
log_head() { grep -v '^+ ' "$1" | head -n 20 | sed 's/^/    /'; }

# The driver's summary lines: section headers, row counts and checksums,
# sort-order verdicts, plan and temp-file facts, errors, the end.
summary() { grep -E '^(\[|rows=|order violations|plan uses|temp files|error:|vfs:|done$)' "$1"; }

run_module() { # run_module WASM OUT: stdout to OUT, stderr to OUT.err; echoes the status
    local rc
    (cd "$work" && timeout "$RUN_TIMEOUT" "$NODE" --no-warnings "$RUNNER" "$1") >"$work/$2" 2>"$work/$2.err"
    rc=$?
    echo "$rc"
}

failed=0
for level in "${level_list[@]}"; do
    cflags=(--target=wasm32-wasi --sysroot=/usr "-$level" "${SQLITE_DEFS[@]}" -w)
    log=$work/build.$level.log
    : >"$log"
    cat >"$work/repeat.$level.sh" <<EOF
#!/usr/bin/env bash
# Repeats sqlite-diff.sh's $level builds and runs in this directory.
set -ex
cd "\$(dirname "\$0")"
$CLANG ${cflags[*]} -c sqlite3.c -o ref.$level.sqlite3.o
$CLANG ${cflags[*]} -c driver.c -o ref.$level.driver.o
$CLANG ${cflags[*]} ref.$level.sqlite3.o ref.$level.driver.o -o ref.$level.wasm
$CLANG ${cflags[*]} -S -emit-llvm sqlite3.c -o sqlite3.$level.ll
$CLANG ${cflags[*]} -S -emit-llvm driver.c -o driver.$level.ll
TOYC_VERIFY_MIR=1 $TOYC build sqlite3.$level.ll driver.$level.ll -o toyc.$level.wasm
$WASM_VALIDATE toyc.$level.wasm
$NODE --no-warnings $RUNNER ref.$level.wasm > ref.$level.out; echo "ref status \$?"
$NODE --no-warnings $RUNNER toyc.$level.wasm > toyc.$level.out; echo "toyc status \$?"
diff ref.$level.out toyc.$level.out
EOF
    chmod +x "$work/repeat.$level.sh"

    # The reference: clang-19 -c, linked by clang-19 (wasm-ld-19).
    t=$(now)
    if ! step "$log" "$CLANG" "${cflags[@]}" -c sqlite3.c -o "ref.$level.sqlite3.o" ||
        ! step "$log" "$CLANG" "${cflags[@]}" -c driver.c -o "ref.$level.driver.o" ||
        ! step "$log" "$CLANG" "${cflags[@]}" "ref.$level.sqlite3.o" "ref.$level.driver.o" -o "ref.$level.wasm"; then
        echo "$level: FAIL (reference build failed, see $log)"
        log_head "$log"
        failed=1
        continue
    fi
    ref_time=$(since "$t")

    # toyc's: clang-19 -S -emit-llvm of each file, then toyc build.
    t=$(now)
    if ! step "$log" "$CLANG" "${cflags[@]}" -S -emit-llvm sqlite3.c -o "sqlite3.$level.ll" ||
        ! step "$log" "$CLANG" "${cflags[@]}" -S -emit-llvm driver.c -o "driver.$level.ll"; then
        echo "$level: FAIL (clang -emit-llvm failed, see $log)"
        log_head "$log"
        failed=1
        continue
    fi
    ir_time=$(since "$t")
    t=$(now)
    if ! step "$log" env TOYC_VERIFY_MIR=1 "$TOYC" build "sqlite3.$level.ll" "driver.$level.ll" -o "toyc.$level.wasm"; then
        echo "$level: FAIL (toyc build failed, see $log)"
        log_head "$log"
        failed=1
        continue
    fi
    toyc_time=$(since "$t")
    if ! step "$log" "$WASM_VALIDATE" "toyc.$level.wasm"; then
        echo "$level: FAIL (wasm-validate rejects toyc.$level.wasm, see $log)"
        log_head "$log"
        failed=1
        continue
    fi

    t=$(now)
    ref_rc=$(run_module "ref.$level.wasm" "ref.$level.out")
    ref_run=$(since "$t")
    t=$(now)
    toyc_rc=$(run_module "toyc.$level.wasm" "toyc.$level.out")
    toyc_run=$(since "$t")
    lines=$(wc -l <"$work/ref.$level.out")

    if [ "$ref_rc" != 0 ] || [ "$(tail -n 1 "$work/ref.$level.out")" != "done" ]; then
        echo "$level: FAIL (the reference did not finish: status $ref_rc, last line '$(tail -n 1 "$work/ref.$level.out")')"
        head -n 5 "$work/ref.$level.out.err" | sed 's/^/    /'
        failed=1
        continue
    fi
    if [ "$ref_rc" != "$toyc_rc" ] || ! cmp -s "$work/ref.$level.out" "$work/toyc.$level.out"; then
        echo "$level: MISMATCH (status ref $ref_rc, toyc $toyc_rc; $lines lines from ref, $(wc -l <"$work/toyc.$level.out") from toyc)"
        echo "    differing sections (the driver's per-query summary lines):"
        diff <(summary "$work/ref.$level.out") <(summary "$work/toyc.$level.out") | head -n 20 | sed 's/^/    /'
        echo "    diff head:"
        (cd "$work" && diff "ref.$level.out" "toyc.$level.out") | head -n 20 | cut -c1-160 | sed 's/^/    /'
        if [ -s "$work/toyc.$level.out.err" ]; then
            echo "    toyc's stderr:"
            head -n 5 "$work/toyc.$level.out.err" | sed 's/^/    /'
        fi
        failed=1
        continue
    fi
    echo "$level: ok ($lines lines, toyc build $toyc_time, ref build $ref_time; clang -emit-llvm $ir_time; run ref $ref_run, toyc $toyc_run)"
done

if [ "$failed" = 0 ] && [ "$keep" = 0 ] && [ "$made_work" = 1 ]; then
    rm -rf "$work"
else
    echo "work dir: $work"
fi
exit "$failed"
