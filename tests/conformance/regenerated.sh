#!/bin/sh
# The committed conformance suite is exactly what its generator makes from the sources and the
# committed test keys: no case was edited by hand, none is stale (pki/README.md is written by hand).
#   regenerated.sh GENERATOR SUITE
set -eu
gen=$1
suite=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pki/private"
cp "$suite/pki/private/keys.pem" "$tmp/pki/private/keys.pem"
"$gen" --out "$tmp" >/dev/null
status=0
for part in manifest.tsv cases pki; do
  diff -r -x README.md "$suite/$part" "$tmp/$part" >"$tmp/diff" 2>&1 || {
    echo "conformance/$part differs from the generator's output (run conformance/tools/regenerate.sh):"
    head -n 40 "$tmp/diff"
    status=1
  }
done
[ "$status" -ne 0 ] || echo "the committed suite is the generator's output"
exit "$status"
