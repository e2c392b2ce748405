#!/bin/sh
# The exported C API is exactly what the header declares, listed by name in the version script,
# and every exported symbol carries the version node the map puts it in:
#   check.sh HEADER MAP LIBRARY [NM]
# Each difference is printed with what to do about it; exit 1 when there is one.
set -eu
export LC_ALL=C
header=$1 map=$2 lib=$3 nm=${4:-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Functions declared HOADON_API: preprocessor lines and comments out, declarations may span lines.
grep -v '^[[:space:]]*#' "$header" | tr '\n' ' ' | sed 's:/\*[^*]*\*\{1,\}\([^/*][^*]*\*\{1,\}\)*/: :g' |
  grep -o 'HOADON_API[^;(]*(' | sed 's/[[:space:]]*($//; s/.*[^A-Za-z0-9_]//' | sort -u >"$tmp/header"

# The map as "symbol node" pairs, from the global: part of each node (`NAME { ... } [PARENT];`).
tr '\n' ' ' <"$map" | sed 's:/\*[^*]*\*\{1,\}\([^/*][^*]*\*\{1,\}\)*/: :g; s/[{}:;]/\n&\n/g' | awk '
  { gsub(/^[ \t]+|[ \t]+$/, "") }
  $0 == "" || $0 == ";" || $0 == ":" { next }
  $0 == "{" { innode = 1; node = last; section = ""; next }
  $0 == "}" { innode = 0; next }
  innode && ($0 == "global" || $0 == "local") { section = $0; next }
  innode && section == "global" { print $0, node; next }
  { last = $0 }
' | sort -u >"$tmp/map-pairs"
cut -d' ' -f1 "$tmp/map-pairs" | sort -u >"$tmp/map"

# The library's dynamic symbols, "symbol version" (nm prints name@@VERSION for a default version).
"$nm" -D --defined-only "$lib" >"$tmp/nm-raw"
awk '$2 != "A" { print }' "$tmp/nm-raw" >"$tmp/nm-defined"
awk '{ n = $3; v = ""; if (index(n, "@@")) { v = substr(n, index(n, "@@") + 2); n = substr(n, 1, index(n, "@@") - 1) }
       else if (index(n, "@")) { v = "(hidden " substr(n, index(n, "@") + 1) ")"; n = substr(n, 1, index(n, "@") - 1) }
       else v = "(unversioned)"
       print n, v }' "$tmp/nm-defined" | sort -u >"$tmp/lib-pairs"
cut -d' ' -f1 "$tmp/lib-pairs" | sort -u >"$tmp/lib"

status=0
report() {  # report FILE MESSAGE: each line of FILE, under MESSAGE
  if [ -s "$1" ]; then
    echo "$2"
    sed 's/^/  /' "$1"
    status=1
  fi
}
[ -s "$tmp/header" ] || { echo "no HOADON_API function found in $header"; exit 1; }
comm -23 "$tmp/header" "$tmp/map" >"$tmp/d1"
report "$tmp/d1" "declared HOADON_API in $header but missing from $map (add each to the HOADON_0 node until 1.0, to a new node after):"
comm -13 "$tmp/header" "$tmp/map" >"$tmp/d2"
report "$tmp/d2" "listed in $map but not declared HOADON_API in $header (removing a function breaks the ABI):"
comm -23 "$tmp/header" "$tmp/lib" >"$tmp/d3"
report "$tmp/d3" "declared in $header but not exported by $lib (not defined, or missing from the map):"
comm -13 "$tmp/header" "$tmp/lib" >"$tmp/d4"
report "$tmp/d4" "exported by $lib but not declared HOADON_API in $header:"
awk 'NR == FNR { node[$1] = $2; next } ($1 in node) && node[$1] != $2 { print $1 ": " $2 ", the map says " node[$1] }' \
  "$tmp/map-pairs" "$tmp/lib-pairs" >"$tmp/d5"
report "$tmp/d5" "exported by $lib with another version than the node of $map that lists it:"
awk '$2 != "T" && $2 != "W" && $2 != "i"' "$tmp/nm-defined" >"$tmp/d6"
report "$tmp/d6" "exported by $lib but not a function (an exported object is an ABI hazard):"

if [ "$status" -eq 0 ]; then
  echo "ABI OK: $(wc -l <"$tmp/header") functions, declared, listed in the map and exported with the version nodes of the map ($(cut -d' ' -f2 "$tmp/lib-pairs" | sort -u | tr '\n' ' '| sed 's/ $//'))"
fi
exit "$status"
