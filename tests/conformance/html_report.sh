#!/bin/sh
# The HTML report of `hoadon conformance` renders in headless Chromium, as a manager would open
# it, and the totals it shows (overall and per area) are the JSON report's. Skipped (77) when
# Chromium is not installed.
#   html_report.sh HOADON SUITE
set -eu
hoadon=$1
suite=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "skipped: chromium is not installed (./dev test installs it)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A run with failures, so that every part of the page is there: the suite with two expectations
# turned upside down.
cp -r "$suite" "$tmp/suite"
sed -i -e 's#^\(certificates/revoked\t.*\t\)fail\t#\1pass\t#' -e 's#^\(rules/words-southern\t.*\t\)pass\t#\1fail\t#' \
  "$tmp/suite/manifest.tsv"
"$hoadon" conformance --suite "$tmp/suite" --format json --output "$tmp/report.json" || true
"$hoadon" conformance --suite "$tmp/suite" --format html --output "$tmp/report.html" || true

# Self-contained: nothing to fetch.
if grep -Eq '(src|href)=|@import|url\(' "$tmp/report.html"; then
  echo "the HTML report refers to an external resource"
  exit 1
fi

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --user-data-dir="$tmp/profile-dom" --dump-dom "file://$tmp/report.html" \
  >"$tmp/dom.html" 2>"$tmp/chromium.log" || { cat "$tmp/chromium.log"; exit 1; }
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --user-data-dir="$tmp/profile-png" --window-size=1280,1600 \
  --screenshot="$tmp/report.png" "file://$tmp/report.html" >>"$tmp/chromium.log" 2>&1 || { cat "$tmp/chromium.log"; exit 1; }
if [ "$(wc -c <"$tmp/report.png")" -lt 10000 ]; then
  echo "the screenshot is empty"
  exit 1
fi
grep -q '<div class="verdict ko" id="verdict">2 of [0-9]* cases do not pass</div>' "$tmp/dom.html" || {
  echo "the rendered page does not show the verdict"
  exit 1
}

status=0
json_number() {  # json_number OBJECT_TEXT KEY
  printf '%s' "$1" | grep -o "\"$2\":[0-9]*" | head -n 1 | cut -d: -f2
}
shown() {  # shown AREA KEY: the number the rendered page shows in that row and column
  grep -o "<tr[^>]*data-area=\"$1\">.*</tr>" "$tmp/dom.html" | head -n 1 |
    grep -o "data-key=\"$2\">[0-9]*<" | grep -o '[0-9][0-9]*'
}
check() {  # check AREA JSON_OBJECT_TEXT
  for key in cases pass fail mismatch error; do
    want=$(json_number "$2" "$key")
    got=$(shown "$1" "$key" || true)
    if [ -z "$want" ] || [ "$want" != "$got" ]; then
      echo "$1 $key: the page shows '$got', the JSON says '$want'"
      status=1
    fi
  done
}
json=$(cat "$tmp/report.json")
check total "$(printf '%s' "$json" | grep -o '"totals":{[^}]*}')"
areas=$(printf '%s' "$json" | grep -o '{"area":"[a-z]*"[^}]*}')
[ -n "$areas" ] || { echo "no area in the JSON report"; exit 1; }
printf '%s\n' "$areas" | while read -r row; do
  area=$(printf '%s' "$row" | sed 's/^{"area":"\([a-z]*\)".*/\1/')
  check "$area" "$row"
  [ "$status" -eq 0 ] || exit 1
done || status=1
[ "$(json_number "$(printf '%s' "$json" | grep -o '"totals":{[^}]*}')" fail)" = 2 ] || {
  echo "the altered suite should have 2 failing cases"
  status=1
}
[ "$status" -ne 0 ] || echo "the rendered HTML report shows the JSON report's totals"
exit "$status"
