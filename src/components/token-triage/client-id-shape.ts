/**
 * What an Auth0 client id looks like, shared by the rules that tell an ID token (a client id in
 * aud) and a client assertion (a client id in iss and sub) from other tokens.
 */

// Auth0 client ids are opaque strings without dots, slashes, colons or @; URLs, URNs and
// `…@clients` subjects are not ids.
const CLIENT_ID_LIKE = /^[A-Za-z0-9_-]{16,64}$/;

/** Whether `value` could be an application's client id. */
export function looksLikeClientId(value: string): boolean {
  return CLIENT_ID_LIKE.test(value);
}
