#!/usr/bin/env bash
# Stand-in for toyc used by selftest.test to prove that diff-link.sh notices
# every kind of difference. It links with wasm-ld-19 and then misbehaves as
# FAKE_MODE says:
#   swap     link FAKE_OBJ in place of the first object of the program
#   export   export one more symbol (__heap_base)
#   corrupt  truncate the output module
#   fail     report an error and write nothing
[ "${1:-}" = link ] && shift
args=() out="" swapped=0 prev=""
for a in "$@"; do
  if [ "$FAKE_MODE" = swap ] && [ $swapped = 0 ] && [[ $a == */obj/*.o ]]; then
    a=$FAKE_OBJ swapped=1
  fi
  [ "$prev" = -o ] && out=$a
  prev=$a
  args+=("$a")
done
case "$FAKE_MODE" in
  fail) echo "fake-toyc: error: told to fail" >&2; exit 1 ;;
  export) args+=(--export=__heap_base) ;;
esac
wasm-ld-19 "${args[@]}" || exit 1
if [ "$FAKE_MODE" = corrupt ]; then
  size=$(stat -c %s "$out")
  truncate -s $((size - 7)) "$out"
fi
exit 0
