#!/usr/bin/env bash
# diff-link.sh: differential check of toyc's linker against wasm-ld-19.
#
# Builds C sources with clang-19 (wasm32-wasi), links the same objects once
# with `toyc link` and once with wasm-ld-19 (identical link lines), runs both
# modules under node (runtime/run-wasi.mjs) and requires identical stdout,
# stderr and exit status, and the same set of imports and exports. The toyc
# module must pass wasm-validate.
#
# Usage:
#   diff-link.sh [options] -O<level> src.c... [-- extra link args...]
#
# Options:
#   -O0|-O1|-O2|-O3|-Os|-Oz  optimisation level for clang (required)
#   -w DIR           work directory (default: a fresh mktemp dir)
#   -a SRC.c         compile SRC.c into the static archive libdiff.a (llvm-ar),
#                    which goes on the link line after the plain objects
#                    (as -L<work> -ldiff); repeatable
#   -W               put libdiff.a between --whole-archive/--no-whole-archive
#   -b ARG           link argument placed before -lc (e.g. a library that
#                    must override libc members); repeatable
#   -c FLAG          extra clang compile flag; repeatable
#   -r ARG           argument passed to the program; repeatable
#   -s STATUS        also require that exit status (both links)
#   -d               link through the clang driver instead: clang-19
#                    -fuse-ld=<toyc-wasm-ld> versus plain clang-19 (wasm-ld)
#   -q               do not echo the program's stdout on success
#   -e               on success also echo the program's stderr, each line
#                    prefixed with "[stderr] "
#
# Tools come from the environment: TOYC (toyc binary), TOYC_WASM_LD,
# CLANG (clang-19), WASM_LD (wasm-ld-19), NODE (node), RUNNER (run-wasi.mjs),
# LIBDIR (/usr/lib/wasm32-wasi), BUILTINS (libclang_rt.builtins-wasm32.a).
#
# On success prints the program's stdout (unless -q) and then the line
#   diff-link: ok: <sources> <opt> status=<N>
# On any difference prints `diff-link: FAIL: ...` with a diff to stderr and
# exits 1. Usage errors exit 2.
set -u -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
TOYC=${TOYC:-$root/build/bin/toyc}
TOYC_WASM_LD=${TOYC_WASM_LD:-$(dirname "$TOYC")/toyc-wasm-ld}
CLANG=${CLANG:-clang-19}
WASM_LD=${WASM_LD:-wasm-ld-19}
NODE=${NODE:-node}
RUNNER=${RUNNER:-$root/runtime/run-wasi.mjs}
LIBDIR=${LIBDIR:-/usr/lib/wasm32-wasi}
BUILTINS=${BUILTINS:-/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a}
LLVM_AR=${LLVM_AR:-$(command -v llvm-ar-19 || command -v llvm-ar || echo /usr/lib/llvm-19/bin/llvm-ar)}
WASM_VALIDATE=${WASM_VALIDATE:-wasm-validate}
export NODE_NO_WARNINGS=1

die() { echo "diff-link: FAIL: $*" >&2; exit 1; }
usage() { echo "diff-link: usage error: $*" >&2; exit 2; }

opt="" work="" expect="" driver=0 quiet=0 show_err=0 whole=0
srcs=() libsrcs=() cflags=() runargs=() linkargs=() prelibc=()
while [ $# -gt 0 ]; do
  case "$1" in
    -O0|-O1|-O2|-O3|-Os|-Oz) opt=$1 ;;
    -w) [ $# -ge 2 ] || usage "-w needs a directory"; work=$2; shift ;;
    -a) [ $# -ge 2 ] || usage "-a needs a source"; libsrcs+=("$2"); shift ;;
    -b) [ $# -ge 2 ] || usage "-b needs an argument"; prelibc+=("$2"); shift ;;
    -c) [ $# -ge 2 ] || usage "-c needs a flag"; cflags+=("$2"); shift ;;
    -r) [ $# -ge 2 ] || usage "-r needs an argument"; runargs+=("$2"); shift ;;
    -s) [ $# -ge 2 ] || usage "-s needs a status"; expect=$2; shift ;;
    -d) driver=1 ;;
    -W) whole=1 ;;
    -q) quiet=1 ;;
    -e) show_err=1 ;;
    --) shift; linkargs=("$@"); break ;;
    -*) usage "unknown option $1" ;;
    *) srcs+=("$1") ;;
  esac
  shift
done
[ -n "$opt" ] || usage "no optimisation level (-O0/-O2/...)"
[ $((${#srcs[@]} + ${#libsrcs[@]})) -gt 0 ] || usage "no C sources"
for f in "${srcs[@]}" "${libsrcs[@]}"; do
  [ -f "$f" ] || usage "no such source: $f"
done
[ -x "$TOYC" ] || usage "toyc not found at $TOYC"

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/diff-link.XXXXXX")
  trap 'rm -rf "$work"' EXIT
else
  rm -rf "$work"
fi
mkdir -p "$work/obj" "$work/toyc" "$work/ref"
label="$(for f in "${srcs[@]}" "${libsrcs[@]}"; do basename "$f"; done | tr '\n' ' ')$opt"

# --- compile -------------------------------------------------------------
cc() { "$CLANG" --target=wasm32-wasi --sysroot=/usr "$opt" "${cflags[@]}" "$@"; }
compile() { # src -> prints object path
  local src=$1 obj
  obj="$work/obj/$(basename "${src%.c}").o"
  [ -e "$obj" ] && usage "two sources named $(basename "$src")"
  cc -c "$src" -o "$obj" 2>"$work/obj/cc.err" ||
    { cat "$work/obj/cc.err" >&2; die "$label: clang failed on $src"; }
  echo "$obj"
}
objs=() members=()
for s in "${srcs[@]}"; do objs+=("$(compile "$s")") || exit 1; done
for s in "${libsrcs[@]}"; do members+=("$(compile "$s")") || exit 1; done
libflags=()
if [ ${#members[@]} -gt 0 ]; then
  "$LLVM_AR" rcs "$work/obj/libdiff.a" "${members[@]}" || die "$label: llvm-ar failed"
  libflags=(-L"$work/obj" -ldiff)
  if [ $whole = 1 ]; then
    if [ $driver = 1 ]; then libflags=(-Wl,--whole-archive "${libflags[@]}" -Wl,--no-whole-archive)
    else libflags=(--whole-archive "${libflags[@]}" --no-whole-archive); fi
  fi
fi

# --- link both ways -------------------------------------------------------
if [ $driver = 1 ]; then
  # The clang driver builds the link line (crt1, -lc, builtins) itself.
  cc -fuse-ld="$TOYC_WASM_LD" "${objs[@]}" "${libflags[@]}" "${prelibc[@]}" "${linkargs[@]}" \
     -o "$work/toyc/prog.wasm" 2>"$work/toyc/link.err" ||
    { cat "$work/toyc/link.err" >&2; die "$label: clang -fuse-ld=toyc-wasm-ld failed"; }
  cc "${objs[@]}" "${libflags[@]}" "${prelibc[@]}" "${linkargs[@]}" -o "$work/ref/prog.wasm" 2>"$work/ref/link.err" ||
    { cat "$work/ref/link.err" >&2; die "$label: clang (wasm-ld) failed"; }
else
  line=(-L"$LIBDIR" "$LIBDIR/crt1-command.o" "${objs[@]}" "${libflags[@]}" "${prelibc[@]}" -lc "$BUILTINS" "${linkargs[@]}")
  "$WASM_LD" "${line[@]}" -o "$work/ref/prog.wasm" 2>"$work/ref/link.err" ||
    { cat "$work/ref/link.err" >&2; die "$label: wasm-ld-19 failed (test bug?): ${line[*]}"; }
  "$TOYC" link "${line[@]}" -o "$work/toyc/prog.wasm" 2>"$work/toyc/link.err" ||
    { cat "$work/toyc/link.err" >&2; die "$label: toyc link failed: toyc link ${line[*]}"; }
  # Same diagnostics wanted: warnings from one linker but not the other.
  if [ -s "$work/ref/link.err" ] && ! [ -s "$work/toyc/link.err" ]; then
    cat "$work/ref/link.err" >&2; echo "diff-link: note: wasm-ld-19 warned, toyc did not" >&2
  fi
fi
[ -s "$work/toyc/prog.wasm" ] || die "$label: toyc wrote no output"
"$WASM_VALIDATE" "$work/toyc/prog.wasm" >"$work/toyc/validate.out" 2>&1 ||
  { cat "$work/toyc/validate.out" >&2; die "$label: toyc output fails wasm-validate"; }

# --- same interface: imports and exports (kind and name, in any order) ---
WASM_OBJDUMP=${WASM_OBJDUMP:-wasm-objdump}
iface() { # module -> sorted "import|export kind name" lines
  "$WASM_OBJDUMP" -x -j Import "$1" 2>/dev/null |
    sed -n 's/^ - \([a-z]*\)\[[0-9]*\].* <- \(.*\)$/import \1 \2/p'
  "$WASM_OBJDUMP" -x -j Export "$1" 2>/dev/null |
    sed -n 's/^ - \([a-z]*\)\[[0-9]*\].* -> \(.*\)$/export \1 \2/p'
}
iface "$work/ref/prog.wasm" | LC_ALL=C sort >"$work/ref/iface"
iface "$work/toyc/prog.wasm" | LC_ALL=C sort >"$work/toyc/iface"
iface_fail=0
if ! cmp -s "$work/ref/iface" "$work/toyc/iface"; then
  echo "diff-link: FAIL: $label: imports/exports differ (--- wasm-ld-19, +++ toyc)" >&2
  diff -u "$work/ref/iface" "$work/toyc/iface" >&2
  iface_fail=1
fi

# --- run both -------------------------------------------------------------
run() { # dir
  ( cd "$1" && "$NODE" "$RUNNER" prog.wasm "${runargs[@]}" >stdout 2>stderr; echo $? >status )
}
run "$work/toyc"
run "$work/ref"
st_toyc=$(cat "$work/toyc/status") st_ref=$(cat "$work/ref/status")

fail=$iface_fail
if ! cmp -s "$work/ref/stdout" "$work/toyc/stdout"; then
  echo "diff-link: FAIL: $label: stdout differs (--- wasm-ld-19, +++ toyc)" >&2
  diff -u "$work/ref/stdout" "$work/toyc/stdout" | head -40 >&2
  fail=1
fi
if ! cmp -s "$work/ref/stderr" "$work/toyc/stderr"; then
  echo "diff-link: FAIL: $label: stderr differs (--- wasm-ld-19, +++ toyc)" >&2
  diff -u "$work/ref/stderr" "$work/toyc/stderr" | head -40 >&2
  fail=1
fi
if [ "$st_ref" != "$st_toyc" ]; then
  echo "diff-link: FAIL: $label: exit status differs: wasm-ld-19 $st_ref, toyc $st_toyc" >&2
  fail=1
fi
if [ -n "$expect" ] && [ "$st_ref" != "$expect" ]; then
  echo "diff-link: FAIL: $label: exit status $st_ref (wasm-ld-19), expected $expect" >&2
  fail=1
fi
if [ $fail != 0 ]; then
  echo "diff-link: outputs kept in $work" >&2
  trap - EXIT
  exit 1
fi
if [ $quiet = 0 ]; then
  cat "$work/toyc/stdout"
  # keep the status line on a line of its own
  [ -z "$(tail -c1 "$work/toyc/stdout")" ] || echo
fi
[ $show_err = 0 ] || sed 's/^/[stderr] /' "$work/toyc/stderr"
[ $show_err = 0 ] || [ -z "$(tail -c1 "$work/toyc/stderr")" ] || echo
echo "diff-link: ok: $label status=$st_toyc"
