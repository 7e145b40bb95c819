import { expect } from 'vitest';
import { MANAGEMENT_ROUTES } from './management-api.ts';
import { displayRoutePath } from './management-route.ts';

/*
 * What the fuzz properties (fuzz.test.ts) hold every answer to, apart from the generators so each
 * file keeps one subject: JSON or an empty 204, never a 5xx; an error body in the shape of its
 * route family (Authentication API `{error, error_description}` vs Management API `{statusCode,
 * error, message}`, statusCode equal to the HTTP status); x-ratelimit-* headers exactly on the
 * rate-limited routes. It also records the statuses seen, so the last property can tell a
 * degenerate generator (only 404s, say) from a real run.
 */

type Family = 'auth' | 'management' | 'jwks' | 'preflight';

/** Which kind of answer a request must get, from its method and path alone. */
function familyOf(method: string, path: string): Family {
  const upper = method.toUpperCase();
  if (upper === 'OPTIONS') return 'preflight';
  if (path === '/oauth/token' && upper === 'POST') return 'auth';
  if (path === '/.well-known/jwks.json' && (upper === 'GET' || upper === 'HEAD')) return 'jwks';
  return 'management';
}

const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKeys = (value: Record<string, unknown>, allowed: readonly string[]) => Object.keys(value).every((key) => allowed.includes(key));

/** Statuses seen, by route family, so a degenerate generator (only 404s, say) cannot pass. */
export const seen = new Map<Family, Set<number>>();
/** Statuses seen per Management API route (`GET /api/v2/users/{id}`), so every route is reached. */
export const seenByRoute = new Map<string, Set<number>>();

function routeLabel(method: string, path: string): string | undefined {
  const route = MANAGEMENT_ROUTES.find((candidate) => candidate.method === method.toUpperCase() && candidate.pattern.test(path));
  return route === undefined ? undefined : `${route.method} ${displayRoutePath(route.pattern)}`;
}

/** Throws (so fast-check shrinks) when `response` is not what the route family promises. */
export async function checkResponse(method: string, url: URL, response: Response): Promise<void> {
  const family = familyOf(method, url.pathname);
  seen.set(family, (seen.get(family) ?? new Set()).add(response.status));
  const label = routeLabel(method, url.pathname);
  if (label !== undefined) seenByRoute.set(label, (seenByRoute.get(label) ?? new Set()).add(response.status));
  const where = `${method} ${url.pathname} → ${response.status}`;
  expect(response.status, where).toBeLessThan(500);
  const text = await response.text();
  if (response.status === 204) {
    expect(text, where).toBe('');
    const upper = method.toUpperCase();
    const emptyAllowed = family === 'preflight'
      || (upper === 'DELETE' && /^\/api\/v2\/(client-grants|clients|resource-servers)\/[^/]+$/.test(url.pathname))
      || (upper === 'DELETE' && /^\/api\/v2\/clients\/[^/]+\/credentials\/[^/]+$/.test(url.pathname))
      || (upper === 'POST' && url.pathname === '/api/v2/blacklists/tokens');
    expect(emptyAllowed, `${where}: 204 where the spec has none`).toBe(true);
    return;
  }
  expect(family, `${where}: a preflight must be an empty 204`).not.toBe('preflight');
  expect(response.headers.get('content-type'), where).toBe('application/json; charset=utf-8');
  const rateLimited = family === 'auth' || family === 'jwks' || url.pathname === '/api/v2' || url.pathname.startsWith('/api/v2/');
  for (const name of RATE_LIMIT_HEADERS) {
    expect(response.headers.has(name), `${where}: ${name}`).toBe(rateLimited);
    if (rateLimited) expect(response.headers.get(name), `${where}: ${name}`).toMatch(/^\d+$/);
  }
  if (response.status === 429) expect(rateLimited, `${where}: a 429 outside the rate-limited routes`).toBe(true);
  // A HEAD answer carries the headers of the JSON it would send; fetch drops its body.
  if (method.toUpperCase() === 'HEAD' && text === '') return;
  const body: unknown = JSON.parse(text);

  if (family === 'jwks' && response.status === 429) {
    expect(body, where).toEqual({ error: 'too_many_requests', error_description: expect.any(String) });
  } else if (family === 'jwks') {
    expect(response.status).toBe(200);
    expect(isObject(body) && Array.isArray(body.keys)).toBe(true);
  } else if (family === 'auth') {
    expect(response.headers.get('cache-control'), where).toBe('no-store');
    if (response.status === 200) {
      expect(body, where).toEqual({ access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/), scope: expect.any(String), expires_in: 86_400, token_type: 'Bearer' });
    } else {
      expect([400, 401, 403, 413, 429], where).toContain(response.status);
      expect(isObject(body) && onlyKeys(body, ['error', 'error_description', 'error_uri']), `${where}: ${text}`).toBe(true);
      expect(body, where).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
    }
  } else if (response.status >= 400) {
    expect(isObject(body) && onlyKeys(body, ['statusCode', 'error', 'message', 'errorCode', 'attributes']), `${where}: ${text}`).toBe(true);
    expect(body, where).toMatchObject({ statusCode: response.status, error: REASONS[response.status], message: expect.any(String) });
    const { attributes, errorCode } = body as { attributes?: unknown; errorCode?: unknown; message: string };
    if (attributes !== undefined) expect(attributes, where).toEqual({ error: (body as { message: string }).message });
    if (errorCode !== undefined) expect(typeof errorCode, where).toBe('string');
    if (response.status === 401) expect(response.headers.get('www-authenticate'), where).toMatch(/^Bearer/);
  } else {
    expect([200, 201], where).toContain(response.status);
    expect(typeof body === 'object' && body !== null, where).toBe(true);
  }
}
