import type { JWK } from 'jose';
import type { DrillSettings } from './drills.ts';
import { CLIENT_CHANGES_SHAPE, CLIENT_METADATA_SHAPE, NEW_CLIENT_SHAPE } from './application-shape.ts';
import { NEW_RESOURCE_SERVER_SHAPE, RESOURCE_SERVER_CHANGES_SHAPE } from './resource-server-shape.ts';
import type { Shape } from './payload-schema.ts';
import { CREATE_CLIENT_GRANT_BODY, UPDATE_CLIENT_GRANT_BODY } from './sdk-request-shapes.ts';
import { MAX_RATE_LIMIT } from './rate-limit.ts';
import { USER_ATTRIBUTE_SHAPES } from './update-user.ts';
import { MAX_USED_ASSERTION_IDS } from './used-assertion-ids.ts';
import type { RateLimitState, TenantRecords, TenantState } from './tenant-state.ts';

/** Marks a saved tenant so unrelated JSON in storage is recognised as such. */
export const SNAPSHOT_FORMAT = 'token-lab-tenant';
/**
 * Bumped whenever the snapshot's shape changes. Version 1 (before users, the denylist and
 * `client_metadata`), version 2 (`cross_origin_auth`, before the documented client fields) and
 * version 3 (before credentials, secret switches and used assertion ids) are upgraded on restore;
 * anything else older or newer is refused.
 */
export const SNAPSHOT_VERSION = 4;

/**
 * A tenant's whole state as plain JSON (`tenant.toJSON()`), private keys included: this is a
 * sandbox, and a learner's tenant must survive a page reload with its tokens still valid.
 */
export interface TenantSnapshot extends TenantRecords {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  clock: { start: number; now: number };
  legacyMode: boolean;
  drills: DrillSettings;
  signingKeys: Array<{ kid: string; privateJwk: JWK }>;
  rateLimits: RateLimitState;
}

/** Builds the snapshot of a tenant's state: copies throughout, so later changes never reach it. */
export function takeSnapshot(state: TenantState): TenantSnapshot {
  const { records } = state;
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    domain: records.domain,
    clock: { start: state.clock.start, now: state.clock.now() },
    applications: structuredClone(records.applications),
    clientGrants: structuredClone(records.clientGrants),
    resourceServers: structuredClone(records.resourceServers),
    globalClient: { ...records.globalClient },
    users: structuredClone(records.users),
    denylist: structuredClone(records.denylist),
    credentials: structuredClone(records.credentials),
    secretSwitches: structuredClone(records.secretSwitches),
    usedAssertionIds: structuredClone(records.usedAssertionIds),
    legacyMode: state.legacyMode,
    drills: { ...state.drills },
    signingKeys: state.signingKeys.map((key) => ({ kid: key.kid, privateJwk: { ...key.privateJwk } })),
    rateLimits: structuredClone(state.rateLimits),
  };
}

// Shapes for validating a snapshot read back from storage. Limits are generous but finite, so a
// hostile or runaway blob cannot make the tenant allocate without bound.
const text = (maxLength = 2_000): Shape => ({ type: 'string', maxLength });
const id: Shape = { type: 'string', minLength: 1, maxLength: 200 };
const bool: Shape = { type: 'boolean' };
const time: Shape = { type: 'number', min: 0, max: 253_402_300_799_000 };

function record(properties: Record<string, Shape>): Shape {
  return { type: 'object', properties, required: Object.keys(properties) };
}

/**
 * What a stored field may hold after a POST or a PATCH: where the two bodies type a field
 * differently (PATCH takes null inside native_social_login, credential ids instead of keys),
 * either form. Taking one over the other let a PATCH answer 200 and the saved tenant then fail to
 * restore.
 */
function storedFields(...bodies: ReadonlyArray<Extract<Shape, { type: 'object' }>>): Record<string, Shape> {
  const fields: Record<string, Shape> = {};
  for (const body of bodies) {
    for (const [name, shape] of Object.entries(body.properties)) {
      const known = fields[name];
      if (known === undefined) fields[name] = shape;
      else if (JSON.stringify(known) !== JSON.stringify(shape)) fields[name] = { type: 'oneOf', options: [...(known.type === 'oneOf' ? known.options : [known]), shape] };
    }
  }
  return fields;
}

// The fields the sandbox acts on are required; any other documented field may be stored.
const MODELLED_CLIENT_FIELDS = [
  'client_id', 'name', 'description', 'app_type', 'client_secret', 'grant_types', 'token_endpoint_auth_method', 'callbacks', 'allowed_origins',
  'web_origins', 'allowed_logout_urls', 'jwt_configuration', 'is_first_party', 'oidc_conformant', 'sso_disabled', 'cross_origin_authentication', 'client_metadata',
];
const applicationShape: Shape = {
  type: 'object',
  required: MODELLED_CLIENT_FIELDS,
  properties: {
    ...storedFields(NEW_CLIENT_SHAPE, CLIENT_CHANGES_SHAPE),
    // Stored after the merge, so as POST takes it: at most 10 keys, string values.
    client_metadata: CLIENT_METADATA_SHAPE,
    client_id: id,
    client_secret: { type: 'string', minLength: 1, maxLength: 500 },
    token_endpoint_auth_method: { ...(CLIENT_CHANGES_SHAPE.properties.token_endpoint_auth_method as Shape), nullable: true },
  },
};

const grantShape: Shape = {
  type: 'object',
  required: ['id', 'client_id', 'audience', 'scope'],
  properties: {
    ...storedFields(CREATE_CLIENT_GRANT_BODY, UPDATE_CLIENT_GRANT_BODY),
    id, client_id: id, audience: text(), scope: { type: 'array', items: text(200), maxItems: 500, unique: true },
  },
};

const userShape: Shape = {
  type: 'object',
  required: ['user_id', 'email', 'email_verified', 'created_at', 'updated_at', 'identities', 'app_metadata', 'user_metadata', 'blocked'],
  properties: {
    // The attributes a PATCH may have set, with its limits (the rest of node-auth0's UpdateUserRequestContent are instructions).
    ...USER_ATTRIBUTE_SHAPES,
    phone_verified: bool,
    user_id: id,
    email_verified: bool,
    created_at: text(40),
    updated_at: text(40),
    identities: { type: 'array', maxItems: 10, items: record({ connection: text(200), provider: text(200), user_id: id, isSocial: bool }) },
    // Metadata is free-form JSON; its size is bounded by the whole snapshot's character limit.
    app_metadata: { type: 'object', properties: {}, additional: { type: 'any' } },
    user_metadata: { type: 'object', properties: {}, additional: { type: 'any' } },
    blocked: bool,
  },
};

const credentialShape: Shape = {
  type: 'object',
  required: ['id', 'client_id', 'credential_type', 'kid', 'alg', 'pem', 'created_at', 'updated_at'],
  properties: {
    id,
    client_id: id,
    credential_type: { type: 'string', enum: ['public_key'] },
    name: text(128),
    kid: { type: 'string', minLength: 1, maxLength: 64 },
    alg: { type: 'string', enum: ['RS256', 'RS384', 'PS256'] },
    pem: { type: 'string', minLength: 1, maxLength: 16_000 },
    created_at: text(40),
    updated_at: text(40),
    expires_at: text(40),
  },
};

const bucketShape = record({
  policy: record({ limit: { type: 'integer', min: 1, max: MAX_RATE_LIMIT }, perSecond: { type: 'number', min: Number.MIN_VALUE, max: MAX_RATE_LIMIT } }),
  state: record({ tokens: { type: 'number', min: 0, max: MAX_RATE_LIMIT }, updatedAt: time }),
});

/** The shape a snapshot must have before its contents are checked for consistency. */
export const SNAPSHOT_SHAPE: Shape = record({
  format: { type: 'string', enum: [SNAPSHOT_FORMAT] },
  version: { type: 'integer', min: SNAPSHOT_VERSION, max: SNAPSHOT_VERSION },
  domain: text(253),
  clock: record({ start: time, now: time }),
  applications: { type: 'array', items: applicationShape, maxItems: 1_000 },
  clientGrants: { type: 'array', maxItems: 5_000, items: grantShape },
  resourceServers: {
    type: 'array',
    maxItems: 50,
    items: {
      type: 'object',
      required: ['id', 'name', 'identifier', 'scopes', 'token_lifetime', 'signing_alg', 'is_system'],
      properties: {
        // Any documented field a learner's API was given, as node-auth0 types it.
        ...storedFields(NEW_RESOURCE_SERVER_SHAPE, RESOURCE_SERVER_CHANGES_SHAPE),
        id,
        name: text(200),
        identifier: text(),
        scopes: { type: 'array', maxItems: 1_000, items: { type: 'object', required: ['value'], properties: { value: text(280), description: text() } } },
        token_lifetime: { type: 'integer', min: 1, max: 2_592_000 },
        signing_alg: { type: 'string', enum: ['HS256', 'RS256', 'RS512', 'PS256'] },
        is_system: bool,
      },
    },
  },
  globalClient: record({ client_id: id, client_secret: { type: 'string', minLength: 24, maxLength: 500 } }),
  users: { type: 'array', maxItems: 1_000, items: userShape },
  denylist: { type: 'array', maxItems: 10_000, items: record({ aud: text(), jti: text(500) }) },
  credentials: { type: 'array', maxItems: 2_000, items: credentialShape },
  secretSwitches: { type: 'array', maxItems: 1_000, items: record({ client_id: id, previous_secret: { type: 'string', minLength: 1, maxLength: 500 }, switch_at: time }) },
  usedAssertionIds: { type: 'array', maxItems: MAX_USED_ASSERTION_IDS, items: record({ client_id: id, jti: { type: 'string', minLength: 1, maxLength: 64 }, exp: { type: 'number', min: 0, max: 253_402_300_799 } }) },
  legacyMode: bool,
  drills: record({
    rateLimited: bool,
    clockSkewSeconds: { type: 'integer', min: -315_360_000, max: 315_360_000 },
    wrongAudience: bool,
    grantRevoked: bool,
  }),
  signingKeys: {
    type: 'array',
    maxItems: 10,
    items: record({ kid: id, privateJwk: { type: 'object', properties: {}, additional: text(4_000) } }),
  },
  rateLimits: record({ token: bucketShape, management: bucketShape, jwks: bucketShape }),
});
