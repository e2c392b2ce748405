#!/bin/sh
# examples/embed-c as built in the tree: validates, signs and verifies the demo invoice with test
# material made on the spot (the package test runs the same program against the installed files).
#   embed-c.sh EMBED SOURCE_DIR WORK_DIR
set -eu
embed=$1 src=$2 work=$3
command -v openssl >/dev/null || { echo "openssl is missing: skipped"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
sh "$src/examples/test-material.sh" "$work/material"
out=$("$embed" "$src/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml" "$work/material/test-seller.key" \
  "$work/material/test-seller.pem" "$work/material/test-ca.pem" "$work/signed.xml")
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -q "OK (HDon"
printf '%s\n' "$out" | grep -q "signed NBan"
printf '%s\n' "$out" | grep -q "signature NBan: valid"
# A certificate of another CA: the program says the signature is not trusted and fails.
sh "$src/examples/test-material.sh" "$work/other"
if "$embed" "$src/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml" "$work/material/test-seller.key" \
  "$work/material/test-seller.pem" "$work/other/test-ca.pem" "$work/signed2.xml" >"$work/untrusted.txt"; then
  echo "a signature under another CA passed"; exit 1
fi
grep -q "signature NBan:" "$work/untrusted.txt"
