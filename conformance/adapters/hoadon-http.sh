#!/bin/sh
# An adapter for `hoadon conformance --impl` that grades a validation service over HTTP: it
# POSTs the case's document to the service and answers with the service's verdict and JSON, as
# hoadon-cli.sh does for the command line. It needs curl and nothing else.
#
#   HOADON_URL=http://127.0.0.1:8080 hoadon conformance --impl 'sh /path/to/hoadon-http.sh'
#
# The service (`hoadon serve`): POST $HOADON_URL/v1/validate or /v1/verify, the XML as the body,
# the per-document options as query parameters named as the CLI's long options without their
# dashes (validate: now, strict, stage, tolerance, version; verify: at, policy, integrity-only,
# no-tax-code-check; a flag is sent as NAME=1). It answers the lines `hoadon validate|verify
# --format json` prints, the first one with the document's "ok". The trust configuration is the
# service's own, loaded once when it starts, so start it with the suite's test PKI:
#
#   hoadon serve --no-default-trust --trust SUITE/pki/root.pem --intermediate SUITE/pki/intermediate.pem \
#     --crl SUITE/pki/crl.pem --tax-authority SUITE/pki/certs/authority.pem
#
# A case that names other trust material, or leaves some out (certificates/untrusted-root-added,
# no-crl, no-intermediate...), cannot be asked of such a service: the adapter refuses it (no
# answer) rather than grade it against the wrong anchors.
#
# HOADON_URL      the service (required), e.g. http://127.0.0.1:8080
# HOADON_TOKEN    sent as "Authorization: Bearer $HOADON_TOKEN" when set
# HOADON_CURL     curl options added to every request (e.g. "--cacert ca.pem")
set -eu
url=${HOADON_URL:?set HOADON_URL to the service, e.g. http://127.0.0.1:8080}
url=${url%/}
if [ "$CONFORMANCE_OP" = identify ]; then  # the report's implementation name
  printf 'hoadon service at %s\n' "$url"
  exit 0
fi
# Each option goes through --url-query, which percent-encodes it (the times' "+" included).
set --
if [ "$CONFORMANCE_OP" = validate ]; then
  [ -n "${CONFORMANCE_NOW:-}" ] && set -- "$@" --url-query "now=$CONFORMANCE_NOW"
  [ "${CONFORMANCE_STRICT:-}" = yes ] && set -- "$@" --url-query "strict=1"
  [ -n "${CONFORMANCE_STAGE:-}" ] && set -- "$@" --url-query "stage=$CONFORMANCE_STAGE"
  [ -n "${CONFORMANCE_TOLERANCE:-}" ] && set -- "$@" --url-query "tolerance=$CONFORMANCE_TOLERANCE"
  [ -n "${CONFORMANCE_VERSION:-}" ] && set -- "$@" --url-query "version=$CONFORMANCE_VERSION"
else
  # The trust material must be the service's: anything else is a question it cannot answer.
  suite=${CONFORMANCE_SUITE%/}
  ours() {  # ours OPTION VALUE FILE: VALUE is the suite's FILE, which the service was started with
    [ "$2" = "$suite/$3" ] && return 0
    echo "this case needs --$1 ${2:-absent}; the service has the suite's whole test PKI" >&2
    exit 3
  }
  # A case with no trust material at all (hostile input) is graded before any trust is used.
  if [ -n "${CONFORMANCE_TRUST:-}${CONFORMANCE_INTERMEDIATE:-}${CONFORMANCE_CRL:-}${CONFORMANCE_TAX_AUTHORITY:-}" ]; then
  ours trust "${CONFORMANCE_TRUST:-}" pki/root.pem
  ours intermediate "${CONFORMANCE_INTERMEDIATE:-}" pki/intermediate.pem
  ours crl "${CONFORMANCE_CRL:-}" pki/crl.pem
  ours tax-authority "${CONFORMANCE_TAX_AUTHORITY:-}" pki/certs/authority.pem
  fi
  [ -n "${CONFORMANCE_POLICY:-}" ] && set -- "$@" --url-query "policy=$CONFORMANCE_POLICY"
  [ -n "${CONFORMANCE_AT:-}" ] && set -- "$@" --url-query "at=$CONFORMANCE_AT"
  [ "${CONFORMANCE_INTEGRITY_ONLY:-}" = yes ] && set -- "$@" --url-query "integrity-only=1"
  [ "${CONFORMANCE_TAX_CODE_CHECK:-}" = no ] && set -- "$@" --url-query "no-tax-code-check=1"
fi
[ -n "${HOADON_TOKEN:-}" ] && set -- "$@" -H "Authorization: Bearer $HOADON_TOKEN"
# The answer stays in memory: no temporary file to leave behind. curl fails (exit 22) on an
# HTTP error, and the runner reports its status and the first line of this script's stderr.
# shellcheck disable=SC2086
answer=$(curl --silent --show-error --fail-with-body ${HOADON_CURL:-} -X POST \
  -H 'Content-Type: application/xml' --data-binary "@$CONFORMANCE_FILE" "$@" "$url/v1/$CONFORMANCE_OP") || {
  status=$?
  printf 'curl exit status %s for %s/v1/%s: %s\n' "$status" "$url" "$CONFORMANCE_OP" "$(printf '%s' "$answer" | head -c 300)" >&2
  exit 3
}
printf '%s\n' "$answer"
# The verdict is the first line's first "ok": the document's, which comes before any nested object.
first=$(printf '%s\n' "$answer" | head -n 1)
rest=${first#*\"ok\":}
if [ "$rest" != "$first" ]; then
  case $rest in
    true*) exit 0 ;;
    false*) exit 1 ;;
  esac
fi
echo "the service's answer has no \"ok\": $(printf '%s' "$first" | head -c 200)" >&2
exit 3
