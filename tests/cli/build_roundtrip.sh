#!/bin/sh
# hoadon build, for every example of examples/invoices/build (one per template of PBan 2.1.0 and
# 2.0.1): build -> validate (0 errors) -> sign (test material) -> verify -> render (when built).
#   build_roundtrip.sh HOADON SOURCE_DIR WORK_DIR
set -eu
hoadon=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
sh "$src/examples/test-material.sh" "$work/pki" >/dev/null
n=0
for json in "$src"/examples/invoices/build/*.json; do
  name=$(basename "$json" .json)
  "$hoadon" build -o "$work/$name.xml" "$json" >/dev/null || { echo "FAIL build $name"; exit 1; }
  "$hoadon" validate --format json "$work/$name.xml" | grep -q '"ok":true' || { echo "FAIL validate $name"; exit 1; }
  "$hoadon" validate "$work/$name.xml" | grep -q ": 0 errors" || { echo "FAIL validate errors $name"; exit 1; }
  "$hoadon" sign --key "$work/pki/test-seller.key" --cert "$work/pki/test-seller.pem" -o "$work/$name.signed.xml" \
    "$work/$name.xml" >/dev/null || { echo "FAIL sign $name"; exit 1; }
  "$hoadon" verify --trust "$work/pki/test-ca.pem" "$work/$name.signed.xml" >/dev/null || { echo "FAIL verify $name"; exit 1; }
  # The same in one step.
  "$hoadon" build --sign --key "$work/pki/test-seller.key" --cert "$work/pki/test-seller.pem" \
    -o "$work/$name.one.xml" "$json" >/dev/null || { echo "FAIL build --sign $name"; exit 1; }
  "$hoadon" verify --trust "$work/pki/test-ca.pem" "$work/$name.one.xml" >/dev/null || { echo "FAIL verify one $name"; exit 1; }
  "$hoadon" render -o "$work/$name.html" --trust "$work/pki/test-ca.pem" "$work/$name.signed.xml" >/dev/null 2>&1 ||
    { echo "FAIL render $name"; exit 1; }
  n=$((n + 1))
done
# A refusal leaves no output file.
printf '{"template": "1", "series": "K26TCB"}' >"$work/bad.json"
if "$hoadon" build -o "$work/bad.xml" "$work/bad.json" >/dev/null; then echo "FAIL: bad input built"; exit 1; fi
[ ! -e "$work/bad.xml" ] || { echo "FAIL: output left behind"; exit 1; }
ls "$work" | grep -q '\.tmp' && { echo "FAIL: temporary file left"; exit 1; }
echo "$n templates: built, validated, signed, verified, rendered"
[ "$n" -ge 21 ]
