import type { ResourceServer } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';

/*
 * What the resource-server routes share: finding an API by the id in the path, and showing it the
 * way the Management API does.
 */

/**
 * Settings Auth0 returns for every API, with the values a tenant's Management API shows by
 * default (assumption `resource-server-fixed-fields`), until a PATCH stores another value. Kept
 * out of the stored record so a saved tenant needs no new fields.
 */
const DEFAULT_SETTINGS = {
  allow_offline_access: false,
  skip_consent_for_verifiable_first_party_clients: false,
  token_lifetime_for_web: 7_200,
} as const;

/** A resource server as the Management API returns it. */
export type ResourceServerBody = ResourceServer & Record<keyof typeof DEFAULT_SETTINGS, unknown>;

/** The record as `GET /api/v2/resource-servers` shows it, in Auth0's field order, then any other stored field. */
export function presentResourceServer(server: ResourceServer): ResourceServerBody {
  const { id, name, is_system: isSystem, identifier, scopes, signing_alg: signingAlg, token_lifetime: tokenLifetime, ...stored } = structuredClone(server);
  return {
    id,
    name,
    is_system: isSystem,
    identifier,
    scopes,
    signing_alg: signingAlg,
    allow_offline_access: DEFAULT_SETTINGS.allow_offline_access,
    skip_consent_for_verifiable_first_party_clients: DEFAULT_SETTINGS.skip_consent_for_verifiable_first_party_clients,
    token_lifetime: tokenLifetime,
    token_lifetime_for_web: DEFAULT_SETTINGS.token_lifetime_for_web,
    ...stored,
  };
}

/** Finds an API by its `id` or by its `identifier` (audience): Auth0 accepts either in the path. */
export function findResourceServer(records: Pick<TenantRecords, 'resourceServers'>, idOrIdentifier: string): ResourceServer | undefined {
  return records.resourceServers.find((server) => server.id === idOrIdentifier) ?? records.resourceServers.find((server) => server.identifier === idOrIdentifier);
}
