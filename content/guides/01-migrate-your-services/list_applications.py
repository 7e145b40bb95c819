# list_applications.py: Python 3.9 or later, standard library only. Run: python3 list_applications.py
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request

DOMAIN = os.environ.get("AUTH0_DOMAIN", "YOUR_DOMAIN")
CLIENT_ID = os.environ.get("AUTH0_CLIENT_ID", "YOUR_CLIENT_ID")
CLIENT_SECRET = os.environ.get("AUTH0_CLIENT_SECRET")  # from the environment, never from the code
# Only for trying it against `npm run tenant`; leave AUTH0_BASE_URL unset for a real tenant.
BASE_URL = os.environ.get("AUTH0_BASE_URL", f"https://{DOMAIN}")
if not CLIENT_SECRET:
    raise SystemExit("Set AUTH0_CLIENT_SECRET in the environment.")


class ManagementToken:
    """One per process: holds the token and asks for a new one only shortly before it expires."""

    def __init__(self, early_seconds=60):
        self._token = None
        self._expires_at = 0.0
        self._early = early_seconds

    def get(self):
        if self._token is None or time.time() >= self._expires_at - self._early:
            body = urllib.parse.urlencode({
                "grant_type": "client_credentials",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "audience": f"https://{DOMAIN}/api/v2/",
            }).encode()
            answer = call("POST", "/oauth/token", body=body)
            self._token = answer["access_token"]
            self._expires_at = time.time() + answer["expires_in"]
        return self._token


def call(method, path, body=None, token=None):
    request = urllib.request.Request(BASE_URL + path, data=body, method=method)
    if token:
        request.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {path} failed: {error.code} {error.read().decode()}")


token = ManagementToken()


def list_applications():
    lines, page = [], 0
    while True:  # every page, not just the first 50 applications
        query = urllib.parse.urlencode({"is_global": "false", "fields": "name,client_id", "page": page, "per_page": 50})
        batch = call("GET", f"/api/v2/clients?{query}", token=token.get())
        lines += [f"{app['name']} {app['client_id']}" for app in batch]
        if len(batch) < 50:
            return lines
        page += 1


print("\n".join(list_applications()))
# A service calls again and again; the second call reuses the cached token.
print(f"Again: {len(list_applications())} applications")
