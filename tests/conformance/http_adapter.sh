#!/bin/sh
# conformance/adapters/hoadon-http.sh grades a service over HTTP with curl: against `hoadon
# serve` on 127.0.0.1, started with the suite's test PKI, the whole suite passes as it does
# through the library, but for the one case that needs other trust anchors, which the adapter
# refuses (a baseline lists it); a wrong token is refused by the service and reported as no
# answer; a service that is not there too. Skipped (77) without curl.
#   http_adapter.sh HOADON SUITE
set -eu
hoadon=$1
suite=$(cd "$2" && pwd)
command -v curl >/dev/null || { echo "skipped: curl is not installed"; exit 77; }
"$hoadon" serve --help >/dev/null 2>&1 || { echo "skipped: hoadon is built without serve"; exit 77; }
tmp=$(mktemp -d)
server=
stop() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  [ -z "$server" ] || wait "$server" 2>/dev/null || true
  server=
}
trap 'stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo secret >"$tmp/token"
"$hoadon" serve --port 0 --threads 2 --token-file "$tmp/token" --no-default-trust --trust "$suite/pki/root.pem" \
  --intermediate "$suite/pki/intermediate.pem" --crl "$suite/pki/crl.pem" \
  --tax-authority "$suite/pki/certs/authority.pem" >"$tmp/server.out" 2>"$tmp/server.err" &
server=$!
i=0
until grep -q '^listening on ' "$tmp/server.out"; do  # readiness only, bounded
  i=$((i + 1))
  [ "$i" -lt 400 ] && kill -0 "$server" 2>/dev/null || { echo "hoadon serve did not start"; cat "$tmp/server.err"; exit 1; }
  sleep 0.05
done
url=$(sed -n 's/^listening on //p' "$tmp/server.out" | head -n 1)
adapter="sh $suite/adapters/hoadon-http.sh"
# The cases whose trust material is not the service's, and the empty document (no body to POST).
cat >"$tmp/baseline" <<'LIST'
certificates/untrusted-root-added	another trust anchor than the service's
certificates/no-crl	no CRL, the service has one
certificates/no-crl-strict	no CRL, the service has one
certificates/no-intermediate	no intermediate, the service has one
certificates/tax-authority-default-rule	no tax authority certificate, the service has one
certificates/chain-in-keyinfo	no intermediate file, the service has one
certificates/integrity-only	only some trust material, the service has all of it
parser/empty	an empty body is refused by the service as a request, not graded as a document
LIST

# Every case passes through the service as through the library (verdicts, codes and signature
# outcomes: the adapter relays the service's JSON), the baselined ones excepted.
HOADON_URL=$url HOADON_TOKEN=secret "$hoadon" conformance --suite "$suite" --impl "$adapter" \
  --baseline "$tmp/baseline" --format json --output "$tmp/http.json" || {
  echo "the suite does not pass through the HTTP adapter and hoadon serve:"
  grep -o '"failures":\[.*' "$tmp/http.json" | head -c 3000
  exit 1
}
"$hoadon" conformance --suite "$suite" --format json --output "$tmp/library.json"
count() { grep -o '"totals":{"cases":[0-9]*,"pass":[0-9]*' "$1" | sed 's/.*"pass"://'; }
cases() { grep -o '"totals":{"cases":[0-9]*' "$1" | sed 's/.*"cases"://'; }
[ "$(cases "$tmp/http.json")" = "$(cases "$tmp/library.json")" ] || { echo "not the same cases"; exit 1; }
[ "$(count "$tmp/http.json")" = $(($(count "$tmp/library.json") - 8)) ] ||
  { echo "not the library's passes less the baselined case: $(count "$tmp/http.json") vs $(count "$tmp/library.json")"; exit 1; }
[ "$(cases "$tmp/http.json")" -ge 250 ] || { echo "too few cases ran"; exit 1; }
grep -q '"implementation":"hoadon service at http://127.0.0.1:' "$tmp/http.json" || { echo "no implementation name"; exit 1; }
grep -q "needs --trust $suite/pki/stranger-root.pem" "$tmp/http.json" && grep -q '"new_failures":0' "$tmp/http.json" ||
  { echo "the refused case does not say why"; exit 1; }

# A wrong token: the service refuses (401), each case is an error naming curl's status.
status=0
HOADON_URL=$url HOADON_TOKEN=wrong "$hoadon" conformance --suite "$suite" --impl "$adapter" \
  --case 'wrapping/moved-into-object' --format json >"$tmp/denied.json" || status=$?
[ "$status" = 1 ] || { echo "a refused request should fail the run (got $status)"; exit 1; }
grep -q '"class":"no-answer"' "$tmp/denied.json" && grep -q 'returned error: 401' "$tmp/denied.json" ||
  { echo "a refused request is not reported as no answer:"; cat "$tmp/denied.json"; exit 1; }
# No service at all (the port nobody listens on once the server is stopped).
stop
status=0
HOADON_URL=$url "$hoadon" conformance --suite "$suite" --impl "$adapter" --case 'parser/empty' \
  --format json >"$tmp/down.json" || status=$?
[ "$status" = 1 ] && grep -q '"status":"error"' "$tmp/down.json" || { echo "an absent service is not an error"; exit 1; }
echo "the HTTP adapter grades hoadon serve as the library grades hoadon ($(cases "$tmp/http.json") cases)"
