#!/bin/sh
# TEST MATERIAL for the demo and the package test, made on the spot with openssl: a test CA
# (DIR/test-ca.pem, .key) and a seller certificate for MST 4800123456, the bundled invoices'
# seller (DIR/test-seller.pem, .key), valid 30 days. Worthless for real invoices: the subject
# says so, and nothing else should ever use them.
#   examples/test-material.sh DIR
set -eu
dir=$1
mkdir -p "$dir"
subject="/C=VN/O=hoadon TEST MATERIAL - NOT FOR REAL INVOICES"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/test-ca.key" -out "$dir/test-ca.pem" -days 30 \
  -subj "$subject/CN=hoadon demo CA (TEST)" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$dir/test-seller.key" -out "$dir/test-seller.csr" \
  -subj "$subject/CN=HTX Phia Oac (TEST)/UID=MST:4800123456" 2>/dev/null
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' >"$dir/test-seller.ext"
openssl x509 -req -in "$dir/test-seller.csr" -CA "$dir/test-ca.pem" -CAkey "$dir/test-ca.key" -CAcreateserial \
  -days 30 -extfile "$dir/test-seller.ext" -out "$dir/test-seller.pem" 2>/dev/null
