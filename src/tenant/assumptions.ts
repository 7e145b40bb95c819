/**
 * Every behaviour of the mocked tenant that the reference (`shared/reference/auth0-behaviour.md`)
 * marks UNCONFIRMED or does not cover, with the choice made and why. Exported as data so the
 * tenant's reference page can render it; the texts themselves live in `error-responses.ts`.
 */
export interface Assumption {
  /** Stable id, for links from lessons. */
  readonly id: string;
  /** Which part of the tenant it concerns. */
  readonly area: 'token endpoint' | 'management api' | 'tokens' | 'legacy' | 'rate limits' | 'sandbox';
  /** What the sandbox does. */
  readonly choice: string;
  /** Why. */
  readonly reason: string;
}

/** The list, grouped by area. */
export const ASSUMPTIONS: readonly Assumption[] = [
  // POST /oauth/token
  { id: 'no-grant-wording', area: 'token endpoint', choice: 'An application without a client grant gets 403 access_denied with the newest wording: Client "<client_id>" is not authorized to access resource server "<audience>".', reason: 'Auth0 has used three wordings over time; the sandbox keeps the current one only.' },
  { id: 'missing-parameter', area: 'token endpoint', choice: 'A missing grant_type, client_id or client_secret is 400 invalid_request "Missing required parameter: <name>".', reason: 'invalid_request is the documented code for malformed requests (RFC 6749 §5.2); the exact text is not documented.' },
  { id: 'missing-audience', area: 'token endpoint', choice: 'A missing audience is 403 access_denied "No audience parameter was provided, and no default audience has been configured".', reason: 'The sandbox tenant has no default audience; this is the wording Auth0 is known to use for that case.' },
  { id: 'unknown-client', area: 'token endpoint', choice: 'An unknown client_id is 401 invalid_client "Unknown client: <client_id>".', reason: 'invalid_client is the documented code for failed client identification; the text follows the wording Auth0 shows for unknown clients.' },
  { id: 'unsupported-grant-type', area: 'token endpoint', choice: 'Any grant_type other than client_credentials is 400 unsupported_grant_type "Unsupported grant type: <value>".', reason: 'RFC 6749 says 400; Auth0 documents 501 as well, but the sandbox only implements client_credentials and must never answer with a 5xx.' },
  { id: 'content-type', area: 'token endpoint', choice: 'A Content-Type other than application/json or application/x-www-form-urlencoded (or none) is 400 invalid_request.', reason: 'Those are the two body formats Auth0 documents for the token endpoint.' },
  { id: 'broken-json', area: 'token endpoint', choice: 'Unparseable JSON is 400 invalid_request "Request body is not valid JSON."; JSON that is not an object is 400 invalid_request "Request body must be a JSON object.".', reason: 'Not documented; invalid_request is the code for malformed requests.' },
  { id: 'parameter-types', area: 'token endpoint', choice: 'A JSON parameter that is not a string is 400 invalid_request "Parameter \'<name>\' must be a string.".', reason: 'Not documented; form bodies can only carry strings, so JSON must too.' },
  { id: 'duplicate-parameters', area: 'token endpoint', choice: 'A form parameter sent twice is 400 invalid_request "Parameter \'<name>\' was sent more than once.".', reason: 'RFC 6749 §3.2: request parameters must not be included more than once. (Duplicate JSON keys cannot be seen after parsing; the last one wins.)' },
  { id: 'body-limit', area: 'sandbox', choice: 'Request bodies over 64 KiB are refused: 413 invalid_request on /oauth/token, 413 "Payload content length greater than maximum allowed: 65536" on /api/v2.', reason: 'Auth0 does not document its limit; 64 KiB is far above any real token request and keeps hostile bodies cheap.' },
  { id: 'two-auth-methods', area: 'token endpoint', choice: 'Sending the secret both with HTTP Basic and in the body is 400 invalid_request; a client_id in the body that differs from the Basic one is 400 invalid_request; undecodable Basic credentials are 400 invalid_request.', reason: 'RFC 6749 §2.3: a client must not use more than one authentication method per request.' },
  { id: 'auth-method-leniency', area: 'token endpoint', choice: 'An application accepts its secret in the body or via HTTP Basic, whatever its token_endpoint_auth_method says.', reason: 'Keeps lessons about the two methods simple; the field is shown but not enforced.' },
  { id: 'private-key-jwt', area: 'token endpoint', choice: 'client_assertion (Private Key JWT) is refused with 400 invalid_request.', reason: 'Not implemented in the sandbox; the lessons use client secrets.' },
  { id: 'organization', area: 'token endpoint', choice: 'The optional organization parameter is accepted and ignored.', reason: 'The sandbox has no organizations.' },
  { id: 'empty-scope', area: 'token endpoint', choice: 'An empty scope parameter means "every scope of the grant", like an absent one. Repeated scopes are collapsed, and the token lists scopes in the grant\'s order.', reason: 'Not documented; this keeps the issued scope string deterministic.' },
  { id: 'no-store', area: 'token endpoint', choice: 'Every tenant response carries Cache-Control: no-store and Pragma: no-cache (except the JWKS, which is public, max-age=15).', reason: 'RFC 6749 §5.1 requires them for token responses.' },
  // Tokens and verification
  { id: 'management-token-lifetime', area: 'tokens', choice: 'Management API tokens live 86,400 s (24 h); the sandbox does not let the lifetime go up to the 30-day API maximum.', reason: 'Whether the Management API allows the maximum is unconfirmed.' },
  { id: 'kid', area: 'tokens', choice: 'The kid is the RFC 7638 thumbprint of the public key; JWKS entries carry kty, n, e, kid, use and alg but no x5c/x5t certificate chain.', reason: 'Real tenants publish certificates too; nothing in the lessons needs them.' },
  { id: 'verification-401-attributes', area: 'management api', choice: 'Every token-validation 401 carries attributes.error equal to the message and WWW-Authenticate: Bearer error="<message>"; a missing header gets WWW-Authenticate: Bearer and no attributes.', reason: 'The reference shows attributes.error for malformed and expired tokens; this is the Boom (hapi) convention those bodies come from.' },
  { id: 'wrong-scheme', area: 'management api', choice: 'An Authorization header with another scheme (e.g. Basic) is treated as missing: 401 "Missing authentication". "Bearer" with no token or extra parts is 401 "Bad HTTP authentication header format".', reason: 'What a hapi bearer-token strategy answers; not documented by Auth0.' },
  { id: 'alg-none', area: 'management api', choice: 'A token with alg "none", or whose header cannot be decoded, is 401 "Invalid token".', reason: 'The reference gives "Invalid token" for malformed tokens; an unsigned token is treated as one.' },
  { id: 'wrong-algorithm', area: 'management api', choice: 'A token signed with any algorithm other than RS256 (including HS256 signed with the RSA public key, and old explorer tokens outside legacy mode) is 401 "Invalid signature received for JSON Web Token validation".', reason: 'From the API\'s point of view no key of the tenant produced that signature.' },
  { id: 'unknown-kid', area: 'management api', choice: 'An RS256 token whose kid is missing or not in the JWKS is 401 "Invalid signature received for JSON Web Token validation".', reason: 'No tenant key can have produced it; the reference has no separate text.' },
  { id: 'not-yet-valid', area: 'management api', choice: 'A token whose nbf, or iat, is in the future (by tenant time, including the clock-skew drill) is 401 "Not yet valid token received for JSON Web Token validation".', reason: 'Not documented; the text follows the pattern of the expired-token message.' },
  { id: 'bad-issuer', area: 'management api', choice: 'A token with another iss is 401 "Bad issuer: <iss>".', reason: 'Not documented; follows the "Bad audience: <aud>" pattern.' },
  { id: 'claim-check-order', area: 'management api', choice: 'Checks run signature first, then iss, aud, nbf, exp (jose\'s order): an expired token for the wrong audience reports the audience.', reason: 'The real order is not documented.' },
  { id: 'bad-audience-value', area: 'management api', choice: '"Bad audience: <aud>" shows the token\'s aud (an array joined with spaces).', reason: 'The reference shows the received audience.' },
  { id: 'missing-claims', area: 'management api', choice: 'A correctly signed token without exp, iss or aud, or with a non-string scope, is 401 "Invalid token".', reason: 'Not documented.' },
  { id: 'unknown-route', area: 'management api', choice: 'An unknown path or method under /api/v2 (and any other path on the domain) is 404 {"statusCode":404,"error":"Not Found","message":"Not Found"}, checked before the token.', reason: 'What a hapi server answers for an unmatched route; routes are looked up before authentication.' },
  { id: 'head', area: 'management api', choice: 'HEAD is answered like GET (same checks, same status and headers) without a body; it counts against the rate limit.', reason: 'What a hapi server does for GET routes.' },
  { id: 'body-errors', area: 'management api', choice: 'Broken JSON is 400 "Invalid request payload JSON format"; a non-JSON Content-Type is 415 "Unsupported Media Type"; a missing Content-Type is read as JSON.', reason: 'hapi\'s standard payload errors.' },
  { id: 'validation-texts', area: 'management api', choice: 'Payload and query errors read "Payload validation error: \'<detail>\' on property <name>." (errorCode invalid_body) and "Query validation error: …" (errorCode invalid_query_string), with JSON-schema style details such as "Missing required property: name".', reason: 'The shape matches real Auth0 bodies; the exact detail texts vary by field.' },
  { id: 'unknown-query-parameters', area: 'management api', choice: 'Query parameters a route does not know are ignored; repeated known ones are a 400.', reason: 'Lenient for SDKs that send extra parameters.' },
  { id: 'paging', area: 'management api', choice: 'per_page is 1–100 (default 50), page starts at 0; a list without include_totals is a plain array.', reason: 'Auth0\'s documented limits for these list endpoints.' },
  { id: 'client-404', area: 'management api', choice: 'An unknown client id is 404 "The client does not exist" (errorCode inexistent_client); an unknown grant id is 404 "The client grant does not exist" (errorCode inexistent_client_grant); an unknown audience in a new grant is 404 "No resource server found by specified identifier" (errorCode inexistent_resource_server).', reason: 'Auth0-style texts; only the first is widely quoted.' },
  { id: 'grant-conflict', area: 'management api', choice: 'A second grant for the same application and API is 409 "A client grant for this client and audience already exists" (errorCode client_grant_conflict).', reason: 'Auth0 answers 409; the exact text is not documented.' },
  { id: 'grant-scopes', area: 'management api', choice: 'Grant scopes must be defined by the API: otherwise 400 "Payload validation error: \'Scopes are not defined by the resource server: <scopes>\' on property scope.".', reason: 'Catches typos where the learner makes them instead of at /oauth/token.' },
  { id: 'client-defaults', area: 'management api', choice: 'A new application defaults to app_type regular_web; grant types default by type (client_credentials only for non_interactive; none for spa/native); auth method defaults to client_secret_post (none for spa/native).', reason: 'Approximates the Dashboard\'s defaults.' },
  { id: 'signing-keys-field', area: 'management api', choice: 'The signing_keys field of an application lists {subject, key_id} of the tenant key instead of PEM certificates.', reason: 'Shows that the field is secret-gated without inventing certificates.' },
  { id: 'delete-status', area: 'management api', choice: 'DELETE /api/v2/client-grants/{id} answers 204 with no body.', reason: 'Auth0\'s documented success status for deletes.' },
  // Legacy
  { id: 'legacy-acceptance', area: 'legacy', choice: 'In legacy mode the API also accepts HS256 tokens signed with the base64-decoded Global Client Secret, aud = Global Client id, iss = https://{domain}/; exp is optional but enforced when present.', reason: 'Matches the old explorer and the old docs\' workaround token; when v2 stopped accepting them is undocumented.' },
  { id: 'legacy-default-scope', area: 'legacy', choice: 'mintLegacyExplorerToken() puts every Management API scope in the token and no exp unless asked.', reason: 'The old explorer let you tick any scope and its tokens did not expire.' },
  // Rate limits
  { id: 'token-rate-limit', area: 'rate limits', choice: '/oauth/token: a token bucket of 30, refilled at 30 per second of tenant time, shared by all clients.', reason: 'The free plan\'s documented 30/s burst 30; per-client buckets are not modelled.' },
  { id: 'management-rate-limit', area: 'rate limits', choice: '/api/v2: a token bucket of 50, refilled at 50 per second of tenant time (the real free plan is 2/s burst 2).', reason: 'The virtual clock is usually frozen, so 2 requests would exhaust the API for good in a multi-call lesson; the rate-limited drill teaches 429s instead.' },
  { id: 'rate-limit-scope', area: 'rate limits', choice: 'Every request to /oauth/token or /api/v2 counts, errors included; the JWKS and other paths do not count and carry no x-ratelimit-* headers.', reason: 'Not documented in detail.' },
  { id: 'rate-limit-reset', area: 'rate limits', choice: 'x-ratelimit-reset is the Unix second at which the bucket is full again (under the rate-limited drill: one second from now).', reason: 'Auth0 documents it as the time the limit resets, in Unix seconds.' },
  // Sandbox
  { id: 'cors', area: 'sandbox', choice: 'Every response allows any origin (Access-Control-Allow-Origin: *) and exposes the x-ratelimit-* and WWW-Authenticate headers; OPTIONS preflights get 204.', reason: 'The sandbox is called from pages, workers and local backends alike.' },
  { id: 'frozen-clock', area: 'sandbox', choice: 'The virtual clock is frozen unless the tenant was created with a clockSource; rate-limit buckets refill and tokens expire only when time is advanced.', reason: 'Lessons and tests must be reproducible.' },
];
