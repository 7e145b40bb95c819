import type { RecordedBody, RecordedHeader, RecordedRequest, SecretSpan } from './protocol.ts';

/** How the guarded fetch decides and reports. */
export interface GuardedFetchOptions {
  /** Host names `fetch` may reach over https (the mocked tenant's domain). */
  allowedHosts: readonly string[];
  /** Called once per request, allowed or refused, after its response body was read. */
  onRecord: (request: RecordedRequest) => void;
  /** A monotonic clock in milliseconds; defaults to `performance.now`. */
  now?: () => number;
  /** Characters of each body kept in the record. */
  maxBodyLength?: number;
}

// Fields whose values are credentials; the Requests panel masks them.
const SECRET_FIELDS = 'client_secret|client_assertion|access_token|refresh_token|id_token|password';
// A value cut off by the size cap still counts (`$`), so no half of a secret shows unmasked.
const JSON_SECRET = new RegExp(`"(${SECRET_FIELDS})"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)(?:"|$)`, 'dg');
const FORM_SECRET = new RegExp(`(?:^|&)(${SECRET_FIELDS})=([^&]*)`, 'dg');
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * Wraps `fetch` so the learner's code reaches only the mocked tenant. Every other destination
 * (a real Auth0 domain, an IP address, localhost, http:, data:) fails with a `TypeError`, as a
 * network failure would, before anything is sent. Every request is recorded for the Requests panel.
 */
export function createGuardedFetch(realFetch: typeof fetch, options: GuardedFetchOptions): typeof fetch {
  const { allowedHosts, onRecord, now = () => performance.now(), maxBodyLength = 65_536 } = options;
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  const tenant = allowedHosts[0] ? `https://${allowedHosts[0]}` : 'the mocked tenant';

  return async function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const started = now();
    const rawUrl = input instanceof Request ? input.url : String(input);
    const base: RecordedRequest = {
      method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
      url: rawUrl, status: 0, durationMs: 0, requestHeaders: [], requestBody: null, responseHeaders: [], responseBody: null,
    };
    const fail = (message: string, cause?: unknown): never => {
      onRecord({ ...base, durationMs: now() - started, error: message });
      throw new TypeError(message, cause === undefined ? undefined : { cause });
    };

    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return fail(`[playground] fetch needs a full URL such as ${tenant}/oauth/token; '${rawUrl}' is not one. Use tokenLab.domain to build it.`);
    }
    let request: Request;
    try {
      request = new Request(input, init);
    } catch (error) {
      return fail(`[playground] This request could not be built: ${(error as Error).message}`, error);
    }
    base.method = request.method;
    base.requestHeaders = recordHeaders(request.headers);
    base.requestBody = request.body ? recordBody(await request.clone().text(), maxBodyLength) : null;

    const refusal = refusalFor(url, allowed, tenant);
    if (refusal) return fail(refusal);

    let response: Response;
    try {
      response = await realFetch(request);
    } catch (error) {
      return fail(`[playground] The request to ${url.host} failed: ${(error as Error)?.message ?? String(error)}`, error);
    }
    const responseText = await response.clone().text().catch(() => '');
    onRecord({
      ...base,
      status: response.status,
      durationMs: now() - started,
      responseHeaders: recordHeaders(response.headers),
      responseBody: responseText === '' ? null : recordBody(responseText, maxBodyLength),
    });
    return response;
  };
}

/** The message for a request that may not leave, or `null` when it goes to an allowed host over https. */
export function refusalFor(url: URL, allowed: ReadonlySet<string>, tenant: string): string | null {
  const reach = `Nothing leaves your browser here: only the mocked tenant ${tenant} is reachable.`;
  if (url.protocol !== 'https:') {
    const where = url.host ? `${url.protocol}//${url.host}` : `a ${url.protocol} URL`;
    return `[playground] Blocked a request to ${where}. ${reach} Use https://.`;
  }
  if (allowed.has(url.host)) return null;
  const hint = url.hostname.endsWith('.auth0.com') || url.hostname.endsWith('.auth0app.com')
    ? ' Real Auth0 tenants cannot be reached from Token Lab; build URLs from tokenLab.domain.'
    : '';
  return `[playground] Blocked a request to ${url.host}. ${reach}${hint}`;
}

/** Headers in order, with credentials (Basic or Bearer authorization) marked as secret. */
export function recordHeaders(headers: Headers): RecordedHeader[] {
  return [...headers].map(([name, value]) => ({ name, value, secret: SECRET_HEADERS.has(name) }));
}

/** A body cut to `maxLength` characters, with the spans of secret field values (JSON or form encoded). */
export function recordBody(text: string, maxLength: number): RecordedBody {
  const kept = text.length > maxLength ? text.slice(0, maxLength) : text;
  const secrets: SecretSpan[] = [];
  for (const pattern of [JSON_SECRET, FORM_SECRET]) {
    for (const match of kept.matchAll(pattern)) {
      const [start, end] = match.indices?.[2] ?? [0, 0];
      secrets.push({ start, end, field: match[1]! });
    }
  }
  secrets.sort((a, b) => a.start - b.start);
  return { text: kept, size: text.length, truncated: kept.length < text.length, secrets };
}
