#!/bin/sh
# The XSDs, required.tsv, entries.tsv and samples/ are generated (lib/schema/gen/generate.py,
# samples/make.py): fail when a hand edit or a forgotten regeneration left them out of date.
# Skips (77) when python3 is absent; python is never needed to build.
set -u
here=$1
command -v python3 >/dev/null 2>&1 || { echo "python3 absent: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoadon-gen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$here/gen/generate.py" "$tmp" >/dev/null || exit 1
fail=0
diff -r "$tmp/xsd" "$here/xsd" >/dev/null || { echo "xsd/ differs from gen/generate.py output"; fail=1; }
cmp -s "$tmp/required.tsv" "$here/required.tsv" || { echo "required.tsv differs"; fail=1; }
cmp -s "$tmp/entries.tsv" "$here/entries.tsv" || { echo "entries.tsv differs"; fail=1; }
python3 "$here/samples/make.py" --check || { echo "samples/ differ from samples/make.py output"; fail=1; }
[ $fail -eq 0 ] && echo "generated files up to date"
exit $fail
