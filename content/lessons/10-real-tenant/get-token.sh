# Needs: curl and jq. Export the secret first (better: load it from your secret manager):
#   export AUTH0_CLIENT_SECRET='…'
# It reaches curl on standard input, so it never appears on a command line that `ps` shows.
set -euo pipefail

TOKEN=$(printf '%s' "$AUTH0_CLIENT_SECRET" | curl --silent --show-error --fail-with-body \
  --url https://YOUR_DOMAIN/oauth/token \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode client_id=YOUR_CLIENT_ID \
  --data-urlencode client_secret@- \
  --data-urlencode audience=https://YOUR_DOMAIN/api/v2/ \
  | jq -er .access_token)

# The token goes in on standard input too (`--header @-`), for the same reason.
printf 'authorization: Bearer %s\n' "$TOKEN" | curl --silent --show-error --fail-with-body \
  --url 'https://YOUR_DOMAIN/api/v2/clients?fields=name,client_id' \
  --header @-
