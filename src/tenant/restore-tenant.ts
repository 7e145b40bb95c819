import { VirtualClock } from './clock.ts';
import { createTenant, fullBuckets, type CreateTenantOptions } from './create-tenant.ts';
import { DEFAULT_RATE_LIMITS, RATE_LIMIT_KINDS } from './rate-limit.ts';
import { validateDomain } from './domain-name.ts';
import { managementAudience } from './management-scopes.ts';
import { KNOWN_GRANT_TYPES } from './model.ts';
import { base64ToBytes } from './base64.ts';
import { checkShape } from './payload-schema.ts';
import { clientAuthenticationProblem, MAX_CREDENTIALS_PER_APPLICATION } from './client-authentication.ts';
import { importSigningKey, type SigningKey } from './signing-keys.ts';
import { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_SHAPE, SNAPSHOT_VERSION, type TenantSnapshot } from './tenant-snapshot.ts';
import { seedUsers } from './seed-users.ts';

/** What {@link restoreTenant} hands back: always a working tenant, plus what happened. */
export interface RestoreOutcome {
  /** The restored tenant, or a freshly seeded one when the saved state was refused. */
  tenant: Tenant;
  /** True when the saved state was used. */
  restored: boolean;
  /** Why the saved state was refused (a `[tenant]` message for the console or a notice). */
  problem?: string;
}

// Saved state larger than this is refused before parsing; a real one is a few tens of KiB.
const MAX_SAVED_CHARS = 2_000_000;

/**
 * Rebuilds a tenant from `tenant.toJSON()` output (the object or its JSON text).
 *
 * Never rejects because of the saved data: anything missing, mistyped, inconsistent or from
 * another format version is refused, and a fresh seeded tenant is returned together with the
 * reason. `options` configures that fresh tenant (and the live clock source of a restored one); if
 * `options.domain` is set, state saved for another domain is refused too.
 */
export async function restoreTenant(saved: unknown, options: CreateTenantOptions = {}): Promise<RestoreOutcome> {
  let refusal: TenantError<'invalid_snapshot'>;
  try {
    const result = await rebuild(saved, options);
    if (!(result instanceof TenantError)) return { tenant: result, restored: true };
    refusal = result;
  } catch (cause) {
    refusal = refused(`unexpected failure: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const tenant = await createTenant(options);
  return { tenant, restored: false, problem: refusal.message };
}

const refused = (problem: string) => new TenantError('invalid_snapshot', { problem });

async function rebuild(saved: unknown, options: CreateTenantOptions): Promise<Tenant | TenantError<'invalid_snapshot'>> {
  let data = saved;
  if (typeof saved === 'string') {
    if (saved.length > MAX_SAVED_CHARS) return refused(`the saved text is larger than ${MAX_SAVED_CHARS} characters`);
    try {
      data = JSON.parse(saved);
    } catch {
      return refused('the saved text is not valid JSON');
    }
  }
  data = upgradeVersion3(upgradeVersion2(upgradeVersion1(data)));
  const shapeProblem = checkShape(data, SNAPSHOT_SHAPE);
  if (shapeProblem !== undefined) {
    return refused(shapeProblem.property === '' ? shapeProblem.detail : `${shapeProblem.property}: ${shapeProblem.detail}`);
  }
  const snapshot = data as TenantSnapshot;
  const inconsistency = findInconsistency(snapshot, options);
  if (inconsistency !== undefined) return refused(inconsistency);

  const signingKeys: SigningKey[] = [];
  for (const [index, entry] of snapshot.signingKeys.entries()) {
    const key = await importSigningKey(entry.privateJwk, entry.kid);
    if (key instanceof TenantError) return refused(`signingKeys.${index}: ${key.details.problem}`);
    signingKeys.push(key);
  }
  const copy = structuredClone(snapshot);
  const clock = new VirtualClock(copy.clock.start, {
    now: copy.clock.now,
    ...(options.clockSource === undefined ? {} : { source: options.clockSource }),
  });
  return new Tenant({
    records: {
      domain: copy.domain,
      applications: copy.applications,
      clientGrants: copy.clientGrants,
      resourceServers: copy.resourceServers,
      globalClient: copy.globalClient,
      users: copy.users,
      denylist: copy.denylist,
      credentials: copy.credentials,
      secretSwitches: copy.secretSwitches,
      usedAssertionIds: copy.usedAssertionIds,
    },
    clock,
    wallClock: options.wallClock ?? Date.now,
    signingKeys,
    legacyMode: copy.legacyMode,
    drills: copy.drills,
    rateLimits: copy.rateLimits,
  });
}

/**
 * A version 1 snapshot predates users, the denylist `client_metadata` and the JWKS rate limit; a reader's saved
 * tenant must not be thrown away for that, so it gains what a fresh tenant of that day would have.
 */
function upgradeVersion1(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const old = data as Record<string, unknown>;
  if (old.format !== SNAPSHOT_FORMAT || old.version !== 1) return data;
  const applications = Array.isArray(old.applications)
    ? old.applications.map((app: unknown) => (typeof app === 'object' && app !== null && !Object.hasOwn(app, 'client_metadata') ? { ...app, client_metadata: {} } : app))
    : old.applications;
  // The JWKS bucket is new too: a full one, as a fresh tenant starts with.
  const clock = old.clock as { now?: unknown } | undefined;
  const now = typeof clock?.now === 'number' ? clock.now : 0;
  const rateLimits = typeof old.rateLimits === 'object' && old.rateLimits !== null
    ? { ...fullBuckets(DEFAULT_RATE_LIMITS, now), ...old.rateLimits }
    : old.rateLimits;
  return { ...old, version: 2, applications, users: seedUsers(), denylist: [], rateLimits };
}

/** Version 2 called `cross_origin_authentication` by its deprecated name, `cross_origin_auth`. */
function upgradeVersion2(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const old = data as Record<string, unknown>;
  if (old.format !== SNAPSHOT_FORMAT || old.version !== 2) return data;
  const applications = Array.isArray(old.applications)
    ? old.applications.map((app: unknown) => {
      if (typeof app !== 'object' || app === null || !Object.hasOwn(app, 'cross_origin_auth')) return app;
      const { cross_origin_auth: value, ...rest } = app as Record<string, unknown>;
      return { ...rest, cross_origin_authentication: value };
    })
    : old.applications;
  return { ...old, version: 3, applications };
}

/**
 * Version 3 had no credentials, secret switches or used assertion ids. It stored
 * `client_authentication_methods.private_key_jwt` as sent, naming credentials that never existed,
 * and its applications authenticated with their secrets all the same: the upgrade drops that
 * method, so they go on doing so.
 */
function upgradeVersion3(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const old = data as Record<string, unknown>;
  if (old.format !== SNAPSHOT_FORMAT || old.version !== 3) return data;
  const applications = Array.isArray(old.applications)
    ? old.applications.map((app: unknown) => {
      const methods = typeof app === 'object' && app !== null ? (app as { client_authentication_methods?: unknown }).client_authentication_methods : undefined;
      if (typeof methods !== 'object' || methods === null || !Object.hasOwn(methods, 'private_key_jwt')) return app;
      const { private_key_jwt: _dropped, ...others } = methods as Record<string, unknown>;
      const { client_authentication_methods: _old, ...rest } = app as Record<string, unknown>;
      return Object.keys(others).length === 0 ? rest : { ...rest, client_authentication_methods: others };
    })
    : old.applications;
  return { ...old, version: SNAPSHOT_VERSION, applications, credentials: [], secretSwitches: [], usedAssertionIds: [] };
}

/**
 * Credentials belong to applications that exist, two at most each; an application lists for
 * Private Key JWT only its own (client-authentication.ts); a secret switch is for an application.
 */
function findCredentialInconsistency(snapshot: TenantSnapshot, clientIds: ReadonlySet<string>): string | undefined {
  const credentialIds = new Set<string>();
  const held = new Map<string, number>();
  for (const [index, credential] of snapshot.credentials.entries()) {
    const where = `credentials.${index}`;
    if (credentialIds.has(credential.id)) return `${where}: duplicate id`;
    credentialIds.add(credential.id);
    if (!clientIds.has(credential.client_id)) return `${where}: no application ${JSON.stringify(credential.client_id)}`;
    held.set(credential.client_id, (held.get(credential.client_id) ?? 0) + 1);
    if (held.get(credential.client_id)! > MAX_CREDENTIALS_PER_APPLICATION) return `${where}: more than ${MAX_CREDENTIALS_PER_APPLICATION} credentials for one application`;
  }
  for (const [index, app] of snapshot.applications.entries()) {
    const problem = clientAuthenticationProblem(snapshot, app);
    if (problem !== undefined) return `applications.${index}.client_authentication_methods: ${problem.message}`;
  }
  const switching = new Set<string>();
  for (const [index, entry] of snapshot.secretSwitches.entries()) {
    if (!clientIds.has(entry.client_id)) return `secretSwitches.${index}: no application ${JSON.stringify(entry.client_id)}`;
    if (switching.has(entry.client_id)) return `secretSwitches.${index}: a second switch for one application`;
    switching.add(entry.client_id);
  }
  return undefined;
}

/** Cross-record checks the shape alone cannot express. */
function findInconsistency(snapshot: TenantSnapshot, options: CreateTenantOptions): string | undefined {
  const domain = validateDomain(snapshot.domain);
  if (domain instanceof TenantError || domain !== snapshot.domain) return `domain: ${JSON.stringify(snapshot.domain)} is not a reserved .test/.example name`;
  if (options.domain !== undefined && options.domain.toLowerCase() !== snapshot.domain) {
    return `the state was saved for ${snapshot.domain}, not ${options.domain}`;
  }
  const servers = new Map(snapshot.resourceServers.map((server) => [server.identifier, server]));
  if (servers.size !== snapshot.resourceServers.length) return 'resourceServers: duplicate identifier';
  if (!servers.has(managementAudience(snapshot.domain))) return 'resourceServers: the Management API is missing';

  const clientIds = new Set(snapshot.applications.map((app) => app.client_id));
  if (clientIds.size !== snapshot.applications.length) return 'applications: duplicate client_id';
  for (const [index, app] of snapshot.applications.entries()) {
    const unknown = app.grant_types.find((type) => !KNOWN_GRANT_TYPES.includes(type));
    if (unknown !== undefined) return `applications.${index}.grant_types: unknown grant type ${JSON.stringify(unknown)}`;
  }

  const credentialProblem = findCredentialInconsistency(snapshot, clientIds);
  if (credentialProblem !== undefined) return credentialProblem;

  const grantIds = new Set<string>();
  const pairs = new Set<string>();
  for (const [index, grant] of snapshot.clientGrants.entries()) {
    const where = `clientGrants.${index}`;
    if (grantIds.has(grant.id)) return `${where}: duplicate id`;
    grantIds.add(grant.id);
    if (!clientIds.has(grant.client_id)) return `${where}: no application ${JSON.stringify(grant.client_id)}`;
    const server = servers.get(grant.audience);
    if (server === undefined) return `${where}: no API with identifier ${JSON.stringify(grant.audience)}`;
    const pair = JSON.stringify([grant.client_id, grant.audience]);
    if (pairs.has(pair)) return `${where}: a second grant for the same application and API`;
    pairs.add(pair);
    const defined = new Set(server.scopes.map((scope) => scope.value));
    const undefinedScope = grant.scope.find((scope) => !defined.has(scope));
    if (undefinedScope !== undefined) return `${where}.scope: ${JSON.stringify(undefinedScope)} is not a scope of ${grant.audience}`;
  }

  const userIds = new Set(snapshot.users.map((user) => user.user_id));
  if (userIds.size !== snapshot.users.length) return 'users: duplicate user_id';

  const secret = base64ToBytes(snapshot.globalClient.client_secret);
  if (secret === undefined || secret.length < 16) return 'globalClient.client_secret: not base64 of at least 16 bytes';
  if (snapshot.signingKeys.length === 0) return 'signingKeys: there must be at least one key';
  for (const kind of RATE_LIMIT_KINDS) {
    const { policy, state } = snapshot.rateLimits[kind];
    if (state.tokens > policy.limit) return `rateLimits.${kind}: more requests left than the limit`;
  }
  return undefined;
}
