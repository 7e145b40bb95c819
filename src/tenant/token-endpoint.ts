import type { AuthApiErrorCode } from './error-codes.ts';
import { authApiErrorReply } from './error-responses.ts';
import { issueToken, type TokenResponseBody } from './issue-token.ts';
import { jsonResponse } from './json-response.ts';
import { rateLimitHeaders } from './rate-limit.ts';
import { readRequestBody } from './read-body.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { parseTokenRequest } from './token-request.ts';

/**
 * `POST https://{domain}/oauth/token` as a `Request → Response` function: tokens for the
 * client-credentials grant, other grants recognised and refused. Every answer carries the `x-ratelimit-*` headers and `Cache-Control: no-store`.
 */
export async function handleTokenRequest(tenant: Tenant, request: Request): Promise<Response> {
  const decision = tenant.takeRateLimit('token');
  const headers = rateLimitHeaders(decision);
  const outcome = decision.allowed ? await exchange(tenant, request) : new TenantError('rate_limited');
  if (outcome instanceof TenantError) {
    const reply = authApiErrorReply(outcome);
    return jsonResponse(reply.status, reply.body, { ...headers, ...reply.headers });
  }
  return jsonResponse(200, outcome, headers);
}

async function exchange(tenant: Tenant, request: Request): Promise<TokenResponseBody | TenantError<AuthApiErrorCode>> {
  const body = await readRequestBody(request, ['json', 'form']);
  if (body instanceof TenantError) return body;
  const parsed = parseTokenRequest(body, request.headers.get('authorization'));
  if (parsed instanceof TenantError) return parsed;
  return issueToken(tenant, parsed);
}
