#!/bin/sh
# check.sh catches the mistakes it is there for: a function added to the header but not to the
# map, and one dropped from the map, each named in its output.
#   selftest.sh CHECK HEADER MAP LIBRARY [NM]
set -eu
check=$1 header=$2 map=$3 lib=$4 nm=${5:-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_failure() {  # expect_failure WHAT HEADER MAP PATTERN
  if sh "$check" "$2" "$3" "$lib" "$nm" >"$tmp/out" 2>&1; then
    echo "check.sh passed with $1"; cat "$tmp/out"; exit 1
  fi
  grep -q "$4" "$tmp/out" || { echo "check.sh failed with $1 but did not say so:"; cat "$tmp/out"; exit 1; }
  echo "$1: caught"
  sed 's/^/  /' "$tmp/out"
}

{ cat "$header"; echo 'HOADON_API int hoadon_abi_probe(const char *multi,'; echo '  int line);'; } >"$tmp/added.h"
expect_failure "a function added to the header only" "$tmp/added.h" "$map" "missing from .*"
grep -q '^  hoadon_abi_probe$' "$tmp/out"

first=$(grep -o 'hoadon_[a-z0-9_]*;' "$map" | head -n 1 | tr -d ';')
grep -v "^[[:space:]]*$first;" "$map" >"$tmp/dropped.map"
expect_failure "$first dropped from the map" "$header" "$tmp/dropped.map" "missing from"
grep -q "^  $first\$" "$tmp/out"
