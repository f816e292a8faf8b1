#!/usr/bin/env bash
# Self-test stub for utils/test/fuzz-link.py: behaves like `toyc link`
# (runs the real one, $REAL_TOYC) but misbehaves on purpose for the first
# five corrupted copies, one failure class each.
out=
obj=
prev=
for a in "$@"; do
  [ "$prev" = "-o" ] && out=$a
  case $a in *fuzz-[0-9][0-9][0-9].o) obj=$(basename "$a") ;; esac
  prev=$a
done
case $obj in
  fuzz-000.o) kill -SEGV $$ ;;                                  # crash
  fuzz-001.o) sleep 30; exit 1 ;;                               # hang
  fuzz-002.o) printf '\0asm\1\0\0\0\1' > "$out"; exit 0 ;;     # invalid module
  fuzz-003.o) echo "toyc: error: $obj: bad"; : > "$out.tmp"; exit 1 ;;  # leftover
  fuzz-004.o) echo "Segmentation fault in reader" >&2; exit 1 ;; # unclear
esac
exec "$REAL_TOYC" "$@"
