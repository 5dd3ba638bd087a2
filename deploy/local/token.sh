#!/usr/bin/env bash
# Prints a signed JWT (RS256, valid one hour) that the three local services accept.
#   deploy/local/token.sh ORG ROLE      e.g.  deploy/local/token.sh qau.edu.pk partner
#                                              deploy/local/token.sh registry.local registrar
#                                              deploy/local/token.sh bsu.by attendee   (a person of bsu.by: registers
#                                              for events; the org is only an affiliation, no right to act for it)
#   deploy/local/token.sh --keys-only   creates the key pair if missing, prints nothing
# The key pair is generated on first use under deploy/local/.keys (git-ignored) and never committed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keys="$here/.keys"
issuer="${REGISTRY_JWT_ISSUER:-https://registry.local/issuer}"
audience="${REGISTRY_JWT_AUDIENCE:-registry}"

if [ ! -f "$keys/private.pem" ]; then
  mkdir -p "$keys"
  chmod 700 "$keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
  openssl pkey -in "$keys/private.pem" -pubout -out "$keys/public.pem"
  chmod 600 "$keys/private.pem"
fi
# Readable by the containers' user (uid 185) when compose mounts it (keys made before this line existed too); the
# private key stays 600 in a 700 folder.
chmod 644 "$keys/public.pem"
[ "${1:-}" = "--keys-only" ] && exit 0

if [ $# -ne 2 ]; then
  echo "usage: $0 ORG ROLE   (ROLE: partner, registrar or attendee; ORG: lower-case domain such as qau.edu.pk)" >&2
  exit 64
fi
org="$1"; role="$2"
case "$role" in partner|registrar|attendee) ;; *) echo "ROLE must be partner, registrar or attendee" >&2; exit 64 ;; esac
if ! [[ "$org" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$ ]]; then
  echo "ORG must be a lower-case internet domain such as qau.edu.pk" >&2
  exit 64
fi

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","groups":["%s"],"org":"%s","iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$audience" "local@$org" "local@$org" "$role" "$org" "$now" "$((now + 3600))" "$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')")
signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$keys/private.pem" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
