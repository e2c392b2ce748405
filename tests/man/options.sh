#!/bin/sh
# The manual documents the command line as it is: every command that `hoadon --help` lists has a
# page packaging/man/hoadon-COMMAND.1 and a line in hoadon(1), and every option that
# `hoadon COMMAND --help` shows appears in that command's page. With groff installed, every page
# of packaging/man/ also formats without a warning.
#   sh options.sh HOADON_CLI MAN_DIR
set -u
cli=$1
man=$2
status=0
fail() { echo "FAIL: $*"; status=1; }

# A page's text as a reader sees the options: roff escapes for '-' and fonts taken out.
page_text() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(em/-/g' "$1"; }

commands=$("$cli" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
[ -n "$commands" ] || { echo "FAIL: no command found in 'hoadon --help'"; exit 1; }

for c in $commands; do
  page="$man/hoadon-$c.1"
  if [ ! -f "$page" ]; then
    fail "hoadon $c has no page $page"
    continue
  fi
  page_text "$man/hoadon.1" | grep -q "^\.B $c\$" || fail "hoadon(1) does not list the command $c (a '.B $c' line)"
  text=$(page_text "$page")
  # Options of the help text: the first word of each option line, and the second after "-j,".
  options=$("$cli" "$c" --help | awk '/^Options:/ { on = 1; next }
    on && /^  -/ { print $1; if ($1 ~ /,$/) print $2 }' | tr -d ,)
  [ -n "$options" ] || fail "hoadon $c --help shows no option"
  for o in $options; do
    # The option as a whole word: not a prefix of a longer one (--online of --online-cache).
    printf '%s\n' "$text" | grep -q -e "\(^\|[^a-z0-9-]\)$o\([^a-z0-9-]\|\$\)" ||
      fail "hoadon-$c.1 does not document $o"
  done
done

if command -v groff >/dev/null 2>&1; then
  for page in "$man"/*.[1-8]; do
    out=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$out" ] || fail "$page: $out"
  done
else
  echo "groff is absent: the pages' formatting is not checked"
fi

[ $status -eq 0 ] && echo "every command's options are in its page ($(echo $commands | wc -w) commands)"
exit $status
