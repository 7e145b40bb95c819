/**
 * Reads a run's recorded requests the way a check needs them: which were token requests and
 * what they asked for, which were Management API calls and with which token, and where the
 * tenant's test clock moved. Everything comes from what the runtime recorded, never from output.
 *
 * @module
 */
import { decodeJwt, type JWTPayload } from 'jose';
import type { RecordedRequest } from '../playground/protocol.ts';

/** Where a token request put the client secret. */
export type SecretPlace = 'body' | 'basic' | 'query' | 'none';

export interface TokenRequestView {
  /** Position in the run's request list. */
  index: number;
  status: number;
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  secretIn: SecretPlace;
  /** True when the secret (also) appeared in the URL's query string. */
  secretInQuery: boolean;
  audience?: string;
  /** The requested `scope` parameter, as sent (undefined when absent). */
  scope?: string;
  /** The issued token on a 200, with its decoded claims. */
  accessToken?: string;
  claims?: JWTPayload;
  /** The answer's JSON body (token or error). */
  response?: Record<string, unknown>;
}

export interface ApiCallView {
  index: number;
  method: string;
  /** Path and query, e.g. `/api/v2/clients`. */
  path: string;
  status: number;
  /** The bearer token sent, and its claims when it decodes. */
  bearer?: string;
  claims?: JWTPayload;
  response?: unknown;
}

export interface ClockMoveView {
  index: number;
  status: number;
  /** Tenant time after the move, from the answer (seconds). */
  nowSeconds?: number;
  /** How far the move asked to go, from the request's `advance_seconds` (seconds). */
  advanceSeconds?: number;
}

/** A run's traffic to one tenant, sorted into the three kinds a check cares about. */
export interface Traffic {
  tokenRequests: TokenRequestView[];
  apiCalls: ApiCallView[];
  clockMoves: ClockMoveView[];
  /** Requests to anything else (refused hosts, other paths). */
  other: RecordedRequest[];
  /** True when the runtime stopped listing requests (it lists at most 200). */
  truncated: boolean;
}

export const MAX_LISTED_REQUESTS = 200;

/** Sorts `requests` sent to `domain`. */
export function readTraffic(requests: readonly RecordedRequest[], domain: string): Traffic {
  const traffic: Traffic = { tokenRequests: [], apiCalls: [], clockMoves: [], other: [], truncated: requests.length >= MAX_LISTED_REQUESTS };
  requests.forEach((request, index) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      traffic.other.push(request);
      return;
    }
    if (url.host !== domain) traffic.other.push(request);
    else if (url.pathname === '/oauth/token' && request.method === 'POST') traffic.tokenRequests.push(tokenRequest(request, url, index));
    else if (url.pathname.startsWith('/api/v2/')) traffic.apiCalls.push(apiCall(request, url, index));
    else if (url.pathname === '/__sandbox/clock' && request.method === 'POST') {
      const body = jsonObject(request.responseBody?.text);
      const nowSeconds = typeof body?.now_seconds === 'number' ? body.now_seconds : undefined;
      const asked = jsonObject(request.requestBody?.text)?.advance_seconds;
      const advanceSeconds = typeof asked === 'number' ? asked : undefined;
      traffic.clockMoves.push({
        index,
        status: request.status,
        ...(nowSeconds === undefined ? {} : { nowSeconds }),
        ...(advanceSeconds === undefined ? {} : { advanceSeconds }),
      });
    } else traffic.other.push(request);
  });
  return traffic;
}

function tokenRequest(request: RecordedRequest, url: URL, index: number): TokenRequestView {
  const params = bodyParameters(request);
  const basic = basicCredentials(header(request, 'authorization'));
  const secretInQuery = url.searchParams.has('client_secret');
  const clientSecret = params.get('client_secret') ?? basic?.secret ?? url.searchParams.get('client_secret') ?? undefined;
  const secretIn: SecretPlace = params.has('client_secret') ? 'body' : basic ? 'basic' : secretInQuery ? 'query' : 'none';
  const response = jsonObject(request.responseBody?.text);
  const accessToken = request.status === 200 && typeof response?.access_token === 'string' ? response.access_token : undefined;
  const claims = accessToken === undefined ? undefined : claimsOf(accessToken);
  const view: TokenRequestView = { index, status: request.status, secretIn, secretInQuery };
  const set = <K extends keyof TokenRequestView>(key: K, value: TokenRequestView[K] | undefined) => {
    if (value !== undefined) view[key] = value;
  };
  set('grantType', params.get('grant_type') ?? undefined);
  set('clientId', params.get('client_id') ?? basic?.id ?? undefined);
  set('clientSecret', clientSecret);
  set('audience', params.get('audience') ?? undefined);
  set('scope', params.get('scope') ?? undefined);
  set('accessToken', accessToken);
  set('claims', claims);
  set('response', response);
  return view;
}

function apiCall(request: RecordedRequest, url: URL, index: number): ApiCallView {
  const authorization = header(request, 'authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const view: ApiCallView = { index, method: request.method, path: url.pathname + url.search, status: request.status };
  if (match) {
    view.bearer = match[1]!;
    const claims = claimsOf(match[1]!);
    if (claims) view.claims = claims;
  }
  const text = request.responseBody?.text;
  if (text !== undefined) {
    try {
      view.response = JSON.parse(text);
    } catch {
      // Not JSON: the check sees no body.
    }
  }
  return view;
}

/** The scopes a token's claims carry. */
export function scopesOf(claims: JWTPayload | undefined): string[] {
  return typeof claims?.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
}

function claimsOf(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

function header(request: RecordedRequest, name: string): string | undefined {
  return request.requestHeaders.find((h) => h.name.toLowerCase() === name)?.value;
}

/** The body's parameters, JSON or form-encoded (a JSON body's non-string values are left out). */
function bodyParameters(request: RecordedRequest): Map<string, string> {
  const text = request.requestBody?.text ?? '';
  const params = new Map<string, string>();
  const json = jsonObject(text);
  if (json) {
    for (const [key, value] of Object.entries(json)) if (typeof value === 'string') params.set(key, value);
    return params;
  }
  for (const [key, value] of new URLSearchParams(text)) if (!params.has(key)) params.set(key, value);
  return params;
}

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return undefined;
  try {
    const decoded = atob(match[1]!);
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** A JSON object parsed from text, or undefined. */
export function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The run's result parsed from its JSON text; `{ ok: false }` when there is none. */
export function resultOf(resultJson: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (resultJson === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(resultJson) };
  } catch {
    return { ok: false };
  }
}
