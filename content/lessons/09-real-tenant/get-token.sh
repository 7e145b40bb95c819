# Needs: curl and jq. Export the secret first; it never appears on the command line.
#   export AUTH0_CLIENT_SECRET='…'   (better: load it from your secret manager)
AUTH0_BASE_URL="${AUTH0_BASE_URL:-https://YOUR_DOMAIN}"

TOKEN=$(curl --silent --fail-with-body --request POST \
  --url "$AUTH0_BASE_URL/oauth/token" \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode client_id=YOUR_CLIENT_ID \
  --data-urlencode "client_secret=$AUTH0_CLIENT_SECRET" \
  --data-urlencode audience=https://YOUR_DOMAIN/api/v2/ \
  | jq -r .access_token)

curl --silent --fail-with-body \
  --url "$AUTH0_BASE_URL/api/v2/clients?fields=name,client_id" \
  --header "authorization: Bearer $TOKEN"
