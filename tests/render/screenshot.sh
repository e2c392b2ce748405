#!/bin/sh
# The HTML of `hoadon render` as a browser shows it: headless Chromium renders the demo invoices
# and real samples (when the samples folder is there) to screenshots kept in OUT for people to
# look at; each must be a real picture and the rendered DOM must show the invoice's title and
# signature panel. Skipped (77) when Chromium is not installed.
#   screenshot.sh HOADON SOURCE_DIR SHARED_DIR OUT
set -eu
hoadon=$1
src=$2
shared=$3
out=$4
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "skipped: chromium is not installed (./dev test installs it)"
  exit 77
fi
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs="$src/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml $src/examples/invoices/ho-kinh-doanh-ban-hang-2.0.0.xml"
for s in 156.xml 011.xml 002.xml; do
  [ -f "$shared/vn-invoice-samples/$s" ] && inputs="$inputs $shared/vn-invoice-samples/$s"
done
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars"
status=0
for in in $inputs; do
  name=$(basename "$in" .xml)
  "$hoadon" render --integrity-only -o "$out/$name.html" "$in" >/dev/null
  # shellcheck disable=SC2086
  timeout 120 "$browser" $flags --user-data-dir="$tmp/profile-$name" --window-size=900,1300 \
    --screenshot="$out/$name.png" "file://$out/$name.html" >"$tmp/chromium.log" 2>&1 || { cat "$tmp/chromium.log"; exit 1; }
  # shellcheck disable=SC2086
  timeout 120 "$browser" $flags --user-data-dir="$tmp/profile-dom-$name" --dump-dom "file://$out/$name.html" \
    >"$tmp/$name.dom" 2>>"$tmp/chromium.log" || { cat "$tmp/chromium.log"; exit 1; }
  size=$(wc -c <"$out/$name.png")
  if [ "$size" -lt 20000 ]; then
    echo "$name: the screenshot is nearly empty ($size bytes)"
    status=1
  fi
  grep -q '<h1 id="title">' "$tmp/$name.dom" || { echo "$name: no title in the rendered page"; status=1; }
  grep -q 'class="signature-section"' "$tmp/$name.dom" || { echo "$name: no signature panel"; status=1; }
  grep -q '<svg' "$tmp/$name.dom" || echo "$name: note: no QR image (built without libqrencode?)"
  echo "$name: $out/$name.png ($size bytes)"
done
exit "$status"
