import { TenantError } from './tenant-error.ts';

/** The domain a tenant gets when none is given. */
export const DEFAULT_DOMAIN = 'acme.auth0.test';

// A DNS hostname: labels of letters, digits and inner hyphens, 1–63 characters each.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks that a tenant domain can never reach the internet: it must be a hostname under the
 * reserved `.test` or `.example` top-level domains (RFC 2606 / RFC 6761).
 * Returns the lower-cased domain or a `TenantError` with code `invalid_domain`.
 */
export function validateDomain(domain: unknown): string | TenantError<'invalid_domain'> {
  if (typeof domain !== 'string') return new TenantError('invalid_domain', { domain: String(domain) });
  const lower = domain.toLowerCase();
  const labels = lower.split('.');
  const reserved = lower.endsWith('.test') || lower.endsWith('.example');
  if (!reserved || lower.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return new TenantError('invalid_domain', { domain });
  }
  return lower;
}
