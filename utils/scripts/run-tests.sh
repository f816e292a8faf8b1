#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (GoogleTest units and
# the lit suites) under ctest. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash utils/scripts/install-deps.sh
bash utils/scripts/build.sh
cd build
ctest --output-on-failure -j2
