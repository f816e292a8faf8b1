#!/usr/bin/env bash
# Installs what toyc needs to build and test, from Debian packages only.
# Does nothing (and needs no network) when everything is already there.
set -euo pipefail
pkgs=(cmake ninja-build g++ python3 libcli11-dev libspdlog-dev libjemalloc-dev googletest libgtest-dev
      llvm-19-dev llvm-19-tools llvm-19 wabt clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 nodejs
      hyperfine time)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
