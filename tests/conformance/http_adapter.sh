#!/bin/sh
# conformance/adapters/hoadon-http.sh grades a service over HTTP with curl: against a stand-in
# for `hoadon serve` (http_standin.py, on 127.0.0.1, which runs the CLI on what it receives),
# the wrapping cases and a few that use the other options pass as they do through the library;
# a wrong token is refused by the service and reported as no answer; a service that is not
# there too. Skipped (77) without curl or python3.
#   http_adapter.sh HOADON SUITE
set -eu
hoadon=$1
suite=$2
here=$(cd "$(dirname "$0")" && pwd)
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  [ -z "$server" ] || wait "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
python3 "$here/http_standin.py" "$hoadon" "$tmp/port" secret >"$tmp/server.log" 2>&1 &
server=$!
i=0
while [ ! -s "$tmp/port" ]; do  # readiness only, bounded
  i=$((i + 1))
  [ "$i" -lt 400 ] && kill -0 "$server" 2>/dev/null || { echo "the stand-in server did not start"; cat "$tmp/server.log"; exit 1; }
  sleep 0.05
done
url="http://127.0.0.1:$(cat "$tmp/port")"
adapter="sh $suite/adapters/hoadon-http.sh"

# Every selected case passes through the service as through the library: verdicts, codes and
# signature outcomes (the adapter relays the service's JSON).
selection="--case wrapping/* --case certificates/tax-code-not-checked --case certificates/integrity-only
  --case structure/dev-empty-Fax-strict"
set -f  # the patterns are the runner's to expand
# shellcheck disable=SC2086
HOADON_URL=$url HOADON_TOKEN=secret "$hoadon" conformance --suite "$suite" --impl "$adapter" $selection \
  --format json --output "$tmp/http.json" || {
  echo "the cases do not pass through the HTTP adapter:"
  grep -o '"failures":\[[^]]*\]' "$tmp/http.json"
  exit 1
}
# shellcheck disable=SC2086
"$hoadon" conformance --suite "$suite" $selection --format json --output "$tmp/library.json"
set +f
count() { grep -o '"totals":{"cases":[0-9]*,"pass":[0-9]*' "$1" | sed 's/.*"pass"://'; }
[ "$(count "$tmp/http.json")" = "$(count "$tmp/library.json")" ] || { echo "not the library's passes"; exit 1; }
[ "$(count "$tmp/http.json")" -ge 19 ] || { echo "too few cases ran"; exit 1; }
grep -q '"implementation":"hoadon service at http://127.0.0.1:' "$tmp/http.json" || { echo "no implementation name"; exit 1; }
grep -q '"failures":\[\]' "$tmp/http.json" || { echo "failures listed"; exit 1; }

# A wrong token: the service refuses (401), each case is an error naming curl's status.
status=0
HOADON_URL=$url HOADON_TOKEN=wrong "$hoadon" conformance --suite "$suite" --impl "$adapter" \
  --case 'wrapping/moved-into-object' --format json >"$tmp/denied.json" || status=$?
[ "$status" = 1 ] || { echo "a refused request should fail the run (got $status)"; exit 1; }
grep -q '"class":"no-answer"' "$tmp/denied.json" && grep -q 'returned error: 401' "$tmp/denied.json" ||
  { echo "a refused request is not reported as no answer:"; cat "$tmp/denied.json"; exit 1; }
# No service at all (a port nobody listens on once the server is stopped).
kill "$server"
wait "$server" 2>/dev/null || true
server=
status=0
HOADON_URL=$url "$hoadon" conformance --suite "$suite" --impl "$adapter" --case 'parser/empty' \
  --format json >"$tmp/down.json" || status=$?
[ "$status" = 1 ] && grep -q '"status":"error"' "$tmp/down.json" || { echo "an absent service is not an error"; exit 1; }
echo "the HTTP adapter grades the service as the library grades hoadon"
