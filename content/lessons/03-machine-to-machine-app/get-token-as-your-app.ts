// Ask for a Management API token as whichever app the Dashboard above made "yours".
// tokenLab.clientId and tokenLab.clientSecret follow that choice on every run.
console.log('acting as', tokenLab.clientId);

const response = await fetch(`https://${tokenLab.domain}/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    audience: tokenLab.audience,
  }),
});

const body = await response.json();
// 200 once the app is authorized; 403 access_denied while it has no client grant.
console.log(response.status, body.scope ?? body.error_description);

export default body.access_token ?? body;
