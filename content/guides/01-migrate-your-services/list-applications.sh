#!/usr/bin/env bash
# list-applications.sh: needs curl and jq. Run: bash list-applications.sh
# Set AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET first (from your secret store);
# the secret never appears on a command line.
set -euo pipefail
: "${AUTH0_DOMAIN:?Set AUTH0_DOMAIN}" "${AUTH0_CLIENT_ID:?Set AUTH0_CLIENT_ID}" "${AUTH0_CLIENT_SECRET:?Set AUTH0_CLIENT_SECRET}"
# Only for trying it against `npm run tenant`; leave AUTH0_BASE_URL unset for a real tenant.
BASE_URL="${AUTH0_BASE_URL:-https://$AUTH0_DOMAIN}"

# One token for the whole run, reused by every call below (not one token request per call).
TOKEN=$(printf '%s' "$AUTH0_CLIENT_SECRET" | curl --silent --show-error --fail-with-body --request POST \
  --url "$BASE_URL/oauth/token" \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$AUTH0_CLIENT_ID" \
  --data-urlencode "client_secret@-" \
  --data-urlencode "audience=https://$AUTH0_DOMAIN/api/v2/" \
  | jq -r .access_token)

list_applications() {
  curl --silent --show-error --fail-with-body \
    --url "$BASE_URL/api/v2/clients?is_global=false&fields=name,client_id&per_page=100" \
    --header "authorization: Bearer $TOKEN"
}

list_applications | jq -r '.[] | "\(.name) \(.client_id)"'
echo "Again: $(list_applications | jq length) applications"
