#!/usr/bin/env bash
# Lists every application of an Auth0 tenant, one "<client_id><TAB><name>" line each, with curl
# and jq. Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET and nothing else.
set -euo pipefail
: "${AUTH0_DOMAIN:?Set AUTH0_DOMAIN}" "${AUTH0_CLIENT_ID:?Set AUTH0_CLIENT_ID}" "${AUTH0_CLIENT_SECRET:?Set AUTH0_CLIENT_SECRET}"
per_page=50

# One token for the whole run. The secret reaches curl on standard input (`client_secret@-`), so
# it never appears in a command line that `ps` could show.
token=$(printf '%s' "$AUTH0_CLIENT_SECRET" | curl --silent --show-error --fail-with-body \
  --url "https://$AUTH0_DOMAIN/oauth/token" \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$AUTH0_CLIENT_ID" \
  --data-urlencode client_secret@- \
  --data-urlencode "audience=https://$AUTH0_DOMAIN/api/v2/" | jq -er .access_token)

# The token goes in a header read from standard input too, for the same reason.
page=0
while :; do
  batch=$(printf 'authorization: Bearer %s\n' "$token" | curl --silent --show-error --fail-with-body \
    --header @- \
    --url "https://$AUTH0_DOMAIN/api/v2/clients?is_global=false&fields=client_id,name&include_fields=true&per_page=$per_page&page=$page")
  jq -r '.[] | "\(.client_id)\t\(.name)"' <<<"$batch"
  # A short page is the last one; a full page may have another after it.
  [ "$(jq length <<<"$batch")" -lt "$per_page" ] && break
  page=$((page + 1))
done
