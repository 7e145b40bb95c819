"""Lists every application of an Auth0 tenant, one "<client_id>\t<name>" line each, with Auth0's
Python SDK. Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET and nothing else."""
import os
import sys

from auth0.management import ManagementClient


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        sys.exit(f"Set {name} in the environment (from your secret store).")
    return value


# One client for the whole process. Given a client ID and secret, the SDK asks /oauth/token for a
# token on the first call, keeps it, and asks again only shortly before it expires; a client made
# per request would start with no token and ask every time.
management = ManagementClient(
    domain=required("AUTH0_DOMAIN"),
    client_id=required("AUTH0_CLIENT_ID"),
    client_secret=required("AUTH0_CLIENT_SECRET"),
)

# The pager fetches the next page when this one runs out: every application, not the first 50.
for app in management.clients.list(is_global=False, fields="client_id,name", include_fields=True, per_page=50):
    print(f"{app.client_id}\t{app.name}")
