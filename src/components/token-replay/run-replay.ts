/**
 * Plays a workload against a fresh in-memory tenant: the virtual clock jumps from event to
 * event, every API call first gets a token from the strategy, and each token request is
 * recorded with its status. Calls the tenant's request handler directly: no network, no MSW.
 */
import { createTenant, DEFAULT_RATE_LIMITS, handleTenantRequest, SEEDED_CREDENTIALS, type RateLimitPolicy, type Tenant } from '../../tenant/index.ts';
import { strategy, type StrategyName, type TokenAnswer } from './strategies.ts';
import type { TrafficEvent } from './workload.ts';

/** Where every replay starts: midnight UTC, so hour 33 reads as 09:00 on day two. */
export const REPLAY_START = Date.UTC(2026, 10, 29);

/** One request to `/oauth/token` during a replay. */
export interface TokenRequestRecord {
  /** Seconds since the start. */
  readonly at: number;
  readonly status: number;
}

/** What a replay of one strategy produced. */
export interface ReplayResult {
  readonly strategy: StrategyName;
  readonly hours: number;
  readonly apiCalls: number;
  /** API calls that could not be made or were refused (no token, or the API said no). */
  readonly failedCalls: number;
  readonly tokenRequests: TokenRequestRecord[];
  /** The token endpoint's limit during the replay. */
  readonly tokenLimit: RateLimitPolicy;
}

/** Options of {@link runReplay}. */
export interface ReplayOptions {
  readonly strategy: StrategyName;
  readonly events: readonly TrafficEvent[];
  readonly hours: number;
  /** Called between chunks of events so a page can breathe (e.g. `() => new Promise(r => setTimeout(r))`). */
  readonly pause?: () => Promise<void>;
  /** Events per chunk between pauses. */
  readonly chunk?: number;
  /** Told how far the replay has got, from 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
}

/** Replays the workload once with a fresh tenant (the sandbox's default rate limits). */
export async function runReplay(options: ReplayOptions): Promise<ReplayResult> {
  const tenant = await createTenant({ now: REPLAY_START });
  const { client_id, client_secret } = SEEDED_CREDENTIALS.reporting;
  const records: TokenRequestRecord[] = [];
  const now = () => tenant.clock.now();

  const requestToken = async (): Promise<TokenAnswer> => {
    const response = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret, audience: tenant.managementAudience }),
    }));
    records.push({ at: Math.round((now() - REPLAY_START) / 1000), status: response.status });
    const body = (await response.json()) as TokenAnswer & { error?: string };
    if (!response.ok) throw new Error(`token request refused: ${response.status} ${body.error ?? ''}`);
    return body;
  };
  const getToken = strategy(options.strategy, requestToken, now);

  let apiCalls = 0;
  let failedCalls = 0;
  const chunk = options.chunk ?? 24;
  for (const [index, event] of options.events.entries()) {
    tenant.clock.set(REPLAY_START + event.at * 1000);
    const outcomes = await Promise.all(Array.from({ length: event.calls }, () => callApi(tenant, getToken)));
    apiCalls += outcomes.length;
    failedCalls += outcomes.filter((ok) => !ok).length;
    if (options.pause && (index + 1) % chunk === 0) {
      options.onProgress?.((index + 1) / options.events.length);
      await options.pause();
    }
  }
  options.onProgress?.(1);
  return { strategy: options.strategy, hours: options.hours, apiCalls, failedCalls, tokenRequests: records, tokenLimit: DEFAULT_RATE_LIMITS.token };
}

async function callApi(tenant: Tenant, getToken: () => Promise<string>): Promise<boolean> {
  let token: string;
  try {
    token = await getToken();
  } catch {
    return false;
  }
  const response = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}/api/v2/clients?fields=name`, {
    headers: { authorization: `Bearer ${token}` },
  }));
  await response.body?.cancel();
  return response.ok;
}
