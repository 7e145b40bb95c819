import { TenantError } from './tenant-error.ts';

/** The domain a tenant gets when none is given. */
export const DEFAULT_DOMAIN = 'acme.auth0.test';

// A DNS hostname: labels of letters, digits and inner hyphens, 1–63 characters each.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// The HTTPS sandbox (`npm run tenant -- --https`) is its own tenant domain, port included, so an
// SDK given AUTH0_DOMAIN=localhost:4380 builds the same token URL, audience and issuer as the
// tenant does. Ports 1 to 65535, without leading zeros.
const LOCALHOST = /^localhost(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?$/;

/**
 * Checks that a tenant domain can never reach the internet: a hostname under the reserved
 * `.test` or `.example` top-level domains (RFC 2606 / RFC 6761), or `localhost` with an optional
 * port (RFC 6761 §6.3: it always names this machine).
 * Returns the lower-cased domain or a `TenantError` with code `invalid_domain`.
 */
export function validateDomain(domain: unknown): string | TenantError<'invalid_domain'> {
  if (typeof domain !== 'string') return new TenantError('invalid_domain', { domain: String(domain) });
  const lower = domain.toLowerCase();
  if (LOCALHOST.test(lower)) return lower;
  const labels = lower.split('.');
  const reserved = lower.endsWith('.test') || lower.endsWith('.example');
  if (!reserved || lower.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return new TenantError('invalid_domain', { domain });
  }
  return lower;
}
