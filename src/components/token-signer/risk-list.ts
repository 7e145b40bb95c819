/*
 * The risk list under the signer: what is dangerous about the token as built, computed from its
 * header and payload alone. Pure, so every rule is tested.
 */

/** One risk, with a stable id for tests and a sentence for the reader. */
export interface Risk {
  id: 'no-exp' | 'long-lifetime' | 'shared-secret' | 'write-scopes' | 'many-scopes';
  title: string;
  detail: string;
}

/** More scopes than this counts as broad. */
export const MANY_SCOPES = 5;
const DAY = 86_400;

/**
 * Lists what makes this token risky, worst first. `nowSeconds` stands in for a missing `iat`
 * when judging the lifetime.
 */
export function assessRisks(header: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>, nowSeconds: number): Risk[] {
  const risks: Risk[] = [];
  const exp = numberClaim(payload.exp);
  const iat = numberClaim(payload.iat) ?? nowSeconds;
  if (exp === undefined) {
    risks.push({
      id: 'no-exp',
      title: 'No exp: it never expires',
      detail: payload.jti === undefined
        ? 'Whoever gets a copy can use it until the signing secret is rotated, and rotating that secret breaks every token signed with it. Without a jti, the denylist cannot name it.'
        : 'Whoever gets a copy can use it until the signing secret is rotated, which breaks every token signed with it. Its jti could be put on the denylist, but whether Auth0 honours that is unconfirmed.',
    });
  } else if (exp - iat > DAY) {
    risks.push({
      id: 'long-lifetime',
      title: `Lives ${describeSpan(exp - iat)}, longer than 24 hours`,
      detail: 'A leaked copy stays useful for all that time. Tokens from /oauth/token last 24 hours unless someone raised the Token Expiration.',
    });
  }
  if (typeof header.alg === 'string' && /^HS/i.test(header.alg)) {
    risks.push({
      id: 'shared-secret',
      title: `${header.alg}: a shared secret signs it`,
      detail: 'The key that verifies is the key that signs: anyone who holds the Global Client Secret can mint any token for the whole tenant.',
    });
  }
  const scopes = scopeList(payload.scope);
  const writes = scopes.filter((scope) => /^(create|update|delete):/.test(scope));
  if (writes.length > 0) {
    risks.push({
      id: 'write-scopes',
      title: `Can change the tenant: ${writes.join(', ')}`,
      detail: 'A leaked token with write scopes can alter or delete applications, users or grants. Ask only for what one job needs.',
    });
  }
  if (scopes.length > MANY_SCOPES) {
    risks.push({
      id: 'many-scopes',
      title: `${scopes.length} scopes`,
      detail: `More than ${MANY_SCOPES} scopes in one token is rarely least privilege. Split the work or trim the list.`,
    });
  }
  return risks;
}

/**
 * Whether two lists would read the same. The signer re-renders on every keystroke and its list is
 * a live region: rebuilding an unchanged list would have a screen reader read it out again.
 */
export function sameRisks(a: readonly Risk[], b: readonly Risk[]): boolean {
  return a.length === b.length && a.every((risk, i) => risk.id === b[i]!.id && risk.title === b[i]!.title && risk.detail === b[i]!.detail);
}

/** The `scope` claim as a list (space-separated string or array). */
export function scopeList(scope: unknown): string[] {
  if (typeof scope === 'string') return scope.split(/\s+/).filter((entry) => entry !== '');
  if (Array.isArray(scope)) return scope.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

function numberClaim(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function describeSpan(seconds: number): string {
  if (seconds >= 365 * DAY) return `${Math.round(seconds / (365 * DAY))} year${seconds >= 1.5 * 365 * DAY ? 's' : ''}`;
  return `${Math.round(seconds / DAY)} days`;
}
