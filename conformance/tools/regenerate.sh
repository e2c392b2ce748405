#!/usr/bin/env bash
# Regenerates the whole conformance suite: the test PKI (conformance/pki), every case file
# (conformance/cases) and the manifest. The output depends only on the sources and on the test
# keys in conformance/pki/private/keys.pem, which are kept unless --new-keys: with the same keys,
# running it twice changes nothing.
#
#   conformance/tools/regenerate.sh [--new-keys]
#
# Environment: BUILD_DIR (default build), where the generator is built with the project.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$here"
build=${BUILD_DIR:-build}
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target hoadon_conformance_gen hoadon_cli
"$build/conformance/tools/hoadon_conformance_gen" --out conformance "$@"
# The suite must pass against the implementation it was generated with.
"$build/examples/cli/hoadon" conformance --suite conformance | tail -n 1
