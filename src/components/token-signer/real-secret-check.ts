/*
 * The signer is a sandbox. This check refuses input that looks like it came from a real tenant:
 * an Auth0-hosted domain or a long random secret that is not the sandbox's. It never repeats the
 * value back in full, so a pasted secret does not end up on screen twice.
 */

/** Why an input was refused. */
export interface Refusal {
  /** Which input (e.g. "payload", "secret"). */
  field: string;
  kind: 'domain' | 'secret';
  /** The offending value, shortened so a real secret is not echoed. */
  excerpt: string;
  message: string;
}

// Tenant domains Auth0 hosts: name.auth0.com and the regional name.us|eu|au|jp.auth0.com.
const AUTH0_DOMAIN = /(?<![a-z0-9.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+)(?:(?:us|eu|au|jp)\.)?auth0\.com(?![a-z0-9-])/gi;
// Auth0's own web hosts: not a tenant.
const NOT_TENANTS = new Set(['www.', 'cdn.', 'manage.', 'community.', 'support.', 'marketplace.']);
// 64 or more base64 or base64url characters in one run: the shape of a client or global secret.
const LONG_SECRET = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{64,}={0,2}(?![A-Za-z0-9+/_=-])/g;

/**
 * The first input that looks real, or `null`. `sandboxSecrets` are the secrets this site
 * publishes on purpose (the seeded Global Client Secret and the tenant's current one).
 */
export function findRealLookingInput(fields: Readonly<Record<string, string>>, sandboxSecrets: readonly string[]): Refusal | null {
  for (const [field, text] of Object.entries(fields)) {
    for (const match of text.matchAll(AUTH0_DOMAIN)) {
      if (NOT_TENANTS.has(match[1]!.toLowerCase()) && !/\.(us|eu|au|jp)\.auth0\.com$/i.test(match[0])) continue;
      return {
        field,
        kind: 'domain',
        excerpt: match[0],
        message: `The ${field} names ${match[0]}, which looks like a real Auth0 tenant. This signer works only with the sandbox: use acme.auth0.test (or YOUR_DOMAIN in notes).`,
      };
    }
    for (const match of text.matchAll(LONG_SECRET)) {
      const value = match[0];
      if (sandboxSecrets.includes(value) || isMarkedFake(value)) continue;
      return {
        field,
        kind: 'secret',
        excerpt: `${value.slice(0, 4)}…(${value.length} characters)`,
        message: `The ${field} contains a long random-looking string (${value.slice(0, 4)}…, ${value.length} characters) shaped like a real Auth0 client or global secret. Take it out: a real secret must never be pasted into a web page, this one included. The sandbox secret works here.`,
      };
    }
  }
  return null;
}

/** The sandbox's own secrets say so, in clear or once base64-decoded. */
function isMarkedFake(value: string): boolean {
  if (value.includes('NOT-A-REAL-SECRET')) return true;
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/')).startsWith('NOT-A-REAL-SECRET');
  } catch {
    return false;
  }
}
