/*
 * Saying in plain words why the tenant answered as it did when a hand-made or old explorer token
 * (HS256, signed with the Global Client Secret) is used on GET /api/v2/clients.
 */
import type { HttpOutcome } from '../tenant-widgets/tenant-http.ts';

const PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** The standard reason phrase of an HTTP status the tenant sends ("" when unknown). */
export function reasonPhrase(status: number): string {
  return PHRASES[status] ?? '';
}

/** "HTTP 401 Unauthorized (today's tenant)": the status line the widgets show. */
export function statusLine(status: number, legacyMode: boolean): string {
  return `HTTP ${`${status} ${reasonPhrase(status)}`.trim()} (${legacyMode ? 'tenant before the change' : 'today\'s tenant'})`;
}

/** One or two sentences on what the status means for an HS256 token signed with the Global Client Secret. */
export function explainOutcome(outcome: HttpOutcome, legacyMode: boolean): string {
  const message = messageOf(outcome.body);
  if (outcome.status === 200) {
    return legacyMode
      ? 'It worked: the tenant follows the old rules, checks only the signature, and lets the token in.'
      : 'It worked.';
  }
  if (outcome.status === 401 && !legacyMode) {
    // Auth0 does not document that a real tenant refuses these tokens: say whose rule this is.
    return 'Refused: the sandbox, standing in for today\'s tenant, trusts only RS256 tokens that it issued itself, so a token signed with the Global Client Secret fails the signature check. Whether a real tenant still refuses such tokens is not documented.';
  }
  if (outcome.status === 401 && message !== undefined) return `Refused even in legacy mode: ${message}.`;
  if (outcome.status === 403) {
    return 'Refused for scope: even before the change, the API checked the token\'s scopes. This endpoint needs read:clients (or another read:client… scope).';
  }
  return message === undefined ? `The tenant answered ${outcome.status}.` : `The tenant answered ${outcome.status}: ${message}.`;
}

function messageOf(body: unknown): string | undefined {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}
