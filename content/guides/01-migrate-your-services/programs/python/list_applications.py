"""Lists every application of an Auth0 tenant, one "<client_id>\t<name>" line each, with Python's
standard library alone (3.9 or later). Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET
and nothing else."""
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        sys.exit(f"Set {name} in the environment (from your secret store).")
    return value


DOMAIN = required("AUTH0_DOMAIN")
CLIENT_ID = required("AUTH0_CLIENT_ID")
CLIENT_SECRET = required("AUTH0_CLIENT_SECRET")
PER_PAGE = 50


def send(request: urllib.request.Request):
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        sys.exit(f"{request.get_method()} {request.full_url} failed: {error.code} {error.read().decode()}")


class TokenCache:
    """Keep one per process: it asks /oauth/token again only a minute before its token expires."""

    def __init__(self) -> None:
        self._token = ""
        self._renew_at = 0.0

    def get(self) -> str:
        if time.time() >= self._renew_at:
            form = urllib.parse.urlencode({
                "grant_type": "client_credentials",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "audience": f"https://{DOMAIN}/api/v2/",
            }).encode()
            answer = send(urllib.request.Request(f"https://{DOMAIN}/oauth/token", data=form, method="POST"))
            self._token = answer["access_token"]
            self._renew_at = time.time() + answer["expires_in"] - 60
        return self._token


tokens = TokenCache()


def applications():
    """Every application, page after page, until a page comes back short."""
    page = 0
    while True:
        query = urllib.parse.urlencode({"is_global": "false", "fields": "client_id,name", "page": page, "per_page": PER_PAGE})
        request = urllib.request.Request(f"https://{DOMAIN}/api/v2/clients?{query}")
        request.add_header("authorization", f"Bearer {tokens.get()}")
        batch = send(request)
        yield from batch
        if len(batch) < PER_PAGE:
            return
        page += 1


for app in applications():
    print(f"{app['client_id']}\t{app['name']}")
