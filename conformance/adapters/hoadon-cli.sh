#!/bin/sh
# An adapter for `hoadon conformance --impl`: runs one case through the hoadon command line, as
# an integrator's adapter would run their own validator. It reads the case from the
# CONFORMANCE_* variables the runner sets, and answers with hoadon's exit status and JSON.
#
#   hoadon conformance --impl 'sh /path/to/hoadon-cli.sh'
#
# HOADON names the hoadon binary to grade (default: hoadon on PATH).
set -eu
hoadon=${HOADON:-hoadon}
if [ "$CONFORMANCE_OP" = identify ]; then  # the report's implementation name
  version=$("$hoadon" --version)
  printf '%s, command line\n' "$version"
  exit 0
fi
file=$CONFORMANCE_FILE
if [ "$CONFORMANCE_OP" = validate ]; then
  set -- validate --format json
  [ -n "${CONFORMANCE_NOW:-}" ] && set -- "$@" --now "$CONFORMANCE_NOW"
  [ "${CONFORMANCE_STRICT:-}" = yes ] && set -- "$@" --strict
  [ -n "${CONFORMANCE_STAGE:-}" ] && set -- "$@" --stage "$CONFORMANCE_STAGE"
  [ -n "${CONFORMANCE_TOLERANCE:-}" ] && set -- "$@" --tolerance "$CONFORMANCE_TOLERANCE"
  [ -n "${CONFORMANCE_VERSION:-}" ] && set -- "$@" --version "$CONFORMANCE_VERSION"
else
  set -- verify --no-default-trust --format json --policy "${CONFORMANCE_POLICY:-default}"
  [ -n "${CONFORMANCE_TRUST:-}" ] && set -- "$@" --trust "$CONFORMANCE_TRUST"
  [ -n "${CONFORMANCE_INTERMEDIATE:-}" ] && set -- "$@" --intermediate "$CONFORMANCE_INTERMEDIATE"
  [ -n "${CONFORMANCE_CRL:-}" ] && set -- "$@" --crl "$CONFORMANCE_CRL"
  [ -n "${CONFORMANCE_TAX_AUTHORITY:-}" ] && set -- "$@" --tax-authority "$CONFORMANCE_TAX_AUTHORITY"
  [ -n "${CONFORMANCE_AT:-}" ] && set -- "$@" --at "$CONFORMANCE_AT"
  [ "${CONFORMANCE_INTEGRITY_ONLY:-}" = yes ] && set -- "$@" --integrity-only
  [ "${CONFORMANCE_TAX_CODE_CHECK:-}" = no ] && set -- "$@" --no-tax-code-check
fi
exec "$hoadon" "$@" -- "$file"
