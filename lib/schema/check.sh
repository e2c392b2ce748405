#!/bin/sh
# Check the hoadon XSDs with xmllint (libxml2 2.9.14 semantics). POSIX sh.
#   1. every entry schema compiles;
#   2. generated files are up to date with gen/ and samples/make.py (if python3 is present);
#   3. every real sample (except 005.xml, PBan 1.0.0) validates with its default entry schema;
#      strict results of the real samples are reported, not enforced;
#   4. every document in samples/ gives the result samples/expect.tsv asks for.
# Exit 0 only when 1, 2 (when run), 3 and 4 hold.
# Env: HOADON_SAMPLES (default /work/shared/vn-invoice-samples), VERBOSE=1 for every result.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
XSD=$HERE/xsd
REAL=${HOADON_SAMPLES:-/work/shared/vn-invoice-samples}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/hoadon-xsd.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
fail=0
note() { printf '%s\n' "$*"; }
bad() { printf 'FAIL %s\n' "$*"; fail=$((fail + 1)); }

xp() { xmllint --xpath "$1" "$2" 2>/dev/null; }

# entry_for FILE -> entry schema name without the variant suffix (see DESIGN.md "Choosing a schema"),
# or "none:<reason>" when no schema applies.
entry_for() {
    f=$1
    root=$(xp 'name(/*)' "$f")
    h='(/HDon|/TDiep/DLieu/HDon|/TDiep/DLieu/TDiep/DLieu/HDon)[1]'
    if [ "$(xp "boolean($h)" "$f")" = true ]; then
        t=$h/DLHDon/TTChung
        pban=$(xp "normalize-space($t/PBan)" "$f")
        d=$(xp "normalize-space($t/KHMSHDon)" "$f")
        s=$(xp "normalize-space($t/KHHDon)" "$f")
        case $s in [1-9][CK]?????) s=${s#?} ;; esac   # template digit in front (tolerated quirk)
        l=$(printf '%s' "$s" | cut -c4)
        case $d$l in
            1M) k=1m ;; 2M) k=2m ;; 6B) k=6b ;; 6*) k=6n ;; *) k=$d ;;
        esac
        e=hdon-$pban-$k
        [ -f "$XSD/$e.xsd" ] || e="none:no entry schema for HDon PBan '$pban' KHMSHDon '$d' KHHDon '$s'"
        printf '%s\n' "$e"
        return
    fi
    p=$root
    [ "$root" = TDiep ] && p=$(xp 'name(/TDiep/DLieu/*[1])' "$f")
    case $p in
        TKhai) e=tkhai ;;
        BTHDLieu) e=bthdlieu ;;
        BBan) e=bban ;;
        TBao)
            if [ "$(xp 'boolean(//TBao/DLTBao)' "$f")" = false ]; then
                e=tbao-999
            else
                m=$(xp 'normalize-space(//TBao/DLTBao/MSo)' "$f")
                case $m in
                    '04/SS-HĐĐT') e=tbao-04ss ;;
                    '01/TB-TNĐT') e=tbao-102 ;;
                    '01/TB-ĐKĐT') e=tbao-103 ;;
                    '01/TB-KTDL') e=tbao-204 ;;
                    '01/TB-SSĐT') e=tbao-301 ;;
                    *) e="none:no entry schema for TBao MSo '$m'" ;;
                esac
            fi ;;
        *) e="none:no entry schema for root '$root' payload '$p'" ;;
    esac
    printf '%s\n' "$e"
}

# validate FILE VARIANT (after e=$(entry_for FILE)) -> rc (0 valid, 1 invalid, 2 schema problem), out
validate() {
    case $e in
        none:*) rc=1; out=${e#none:}; return ;;
    esac
    sfx=''
    [ "$2" = strict ] && sfx=-strict
    out=$(xmllint --noout --schema "$XSD/$e$sfx.xsd" "$1" 2>&1)
    case $? in
        0) rc=0 ;;
        3) rc=1 ;;
        *) rc=2 ;;
    esac
}

command -v xmllint >/dev/null 2>&1 || { note 'xmllint not found'; exit 2; }

# 1. entry schemas compile ---------------------------------------------------------------
n=0
printf '<none/>\n' > "$TMP/none.xml"
for x in "$XSD"/*.xsd; do
    case $(basename "$x") in types.xsd | dsig*.xsd | invoice-*.xsd | forms*.xsd) continue ;; esac
    n=$((n + 1))
    if xmllint --noout --schema "$x" "$TMP/none.xml" 2>&1 | grep -q 'failed to compile\|parser error\|determinist'; then
        bad "schema does not compile: $x"
    fi
done
note "entry schemas compiled: $n"

# 2. generated files up to date ------------------------------------------------------------
if command -v python3 >/dev/null 2>&1; then
    python3 "$HERE/gen/generate.py" "$TMP/gen" >/dev/null &&
        diff -r "$TMP/gen/xsd" "$XSD" >/dev/null && cmp -s "$TMP/gen/required.tsv" "$HERE/required.tsv" &&
        cmp -s "$TMP/gen/entries.tsv" "$HERE/entries.tsv" ||
        bad "xsd/, required.tsv or entries.tsv differ from gen/generate.py output (run it and commit)"
    python3 "$HERE/samples/make.py" --check >/dev/null || bad "samples/ differ from samples/make.py output"
    note "generated files checked against gen/ and samples/make.py"
else
    note "python3 absent: generated files not re-checked"
fi

# 3. real samples ---------------------------------------------------------------------------
if [ -d "$REAL" ]; then
    rn=0; rok=0; sn=0; slist=''
    for f in "$REAL"/*.xml; do
        b=$(basename "$f")
        [ "$b" = 005.xml ] && continue
        rn=$((rn + 1))
        e=$(entry_for "$f")
        validate "$f" default
        if [ $rc -eq 0 ]; then
            rok=$((rok + 1))
            [ "${VERBOSE:-}" ] && note "ok   real $b ($e)"
        else
            bad "real sample $b does not validate with $e.xsd"
            printf '%s\n' "$out" | grep -v 'namespace warning' | head -5 | sed 's/^/     /'
        fi
        validate "$f" strict
        if [ $rc -ne 0 ]; then
            sn=$((sn + 1)); slist="$slist $b"
        fi
    done
    note "real samples (default variant): $rok/$rn valid"
    note "real samples failing strict (informative): $sn:$slist"
else
    note "real samples: $REAL absent, skipped"
fi

# 4. own samples against expect.tsv ---------------------------------------------------------
cn=0; cok=0
while IFS='	' read -r file variant expect frag; do
    case $file in '#'* | '') continue ;; esac
    [ -f "$HERE/samples/$file" ] || { bad "missing sample $file"; continue; }
    case $variant in both) vs='default strict' ;; *) vs=$variant ;; esac
    e=$(entry_for "$HERE/samples/$file")
    for v in $vs; do
        cn=$((cn + 1))
        validate "$HERE/samples/$file" "$v"
        ok=0
        if [ "$expect" = valid ] && [ $rc -eq 0 ]; then ok=1; fi
        if [ "$expect" = invalid ] && [ $rc -eq 1 ]; then
            if [ -z "$frag" ] || printf '%s\n' "$out" | grep -F -q -- "$frag"; then ok=1; fi
        fi
        if [ $ok -eq 1 ]; then
            cok=$((cok + 1))
            [ "${VERBOSE:-}" ] && note "ok   $v $file ($expect)"
        else
            bad "$v $file: expected $expect${frag:+ ($frag)}, got rc=$rc with $e"
            printf '%s\n' "$out" | head -4 | sed 's/^/     /'
        fi
    done
done < "$HERE/samples/expect.tsv"
note "own samples: $cok/$cn expectations met ($(grep -c '\.xml' "$HERE/samples/expect.tsv") rows, $(find "$HERE/samples" -name '*.xml' | wc -l | tr -d ' ') documents)"

if [ $fail -eq 0 ]; then note "ALL CHECKS PASSED"; exit 0; fi
note "$fail check(s) failed"
exit 1
