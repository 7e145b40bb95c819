import type { ResourceServer } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';

/*
 * What the resource-server routes share: finding an API by the id in the path, and showing it the
 * way the Management API does.
 */

/**
 * Settings the sandbox does not model but Auth0 returns for its APIs, with the values a tenant's
 * Management API shows by default (assumption `resource-server-fixed-fields`). Kept out of the
 * stored record so a saved tenant needs no new fields.
 */
const FIXED_SETTINGS = {
  allow_offline_access: false,
  skip_consent_for_verifiable_first_party_clients: false,
  token_lifetime_for_web: 7_200,
} as const;

/** A resource server as the Management API returns it. */
export type ResourceServerBody = ResourceServer & typeof FIXED_SETTINGS;

/** The record as `GET /api/v2/resource-servers` shows it, in Auth0's field order. */
export function presentResourceServer(server: ResourceServer): ResourceServerBody {
  return {
    id: server.id,
    name: server.name,
    is_system: server.is_system,
    identifier: server.identifier,
    scopes: server.scopes.map((scope) => ({ ...scope })),
    signing_alg: server.signing_alg,
    allow_offline_access: FIXED_SETTINGS.allow_offline_access,
    skip_consent_for_verifiable_first_party_clients: FIXED_SETTINGS.skip_consent_for_verifiable_first_party_clients,
    token_lifetime: server.token_lifetime,
    token_lifetime_for_web: FIXED_SETTINGS.token_lifetime_for_web,
  };
}

/** Finds an API by its `id` or by its `identifier` (audience): Auth0 accepts either in the path. */
export function findResourceServer(records: Pick<TenantRecords, 'resourceServers'>, idOrIdentifier: string): ResourceServer | undefined {
  return records.resourceServers.find((server) => server.id === idOrIdentifier) ?? records.resourceServers.find((server) => server.identifier === idOrIdentifier);
}
