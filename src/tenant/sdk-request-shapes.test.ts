import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callApi, tokenFor, useTenantServer } from './hosts/testing.ts';
import type { Shape } from './payload-schema.ts';
import { readSdkRequestShapes, sdkShapesFileText, type SdkRequestType } from './read-sdk-request-types.ts';
import { restoreTenant } from './restore-tenant.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { TenantError } from './tenant-error.ts';

/*
 * The tenant's request schema is Auth0's: every field the installed official SDK (`auth0`)
 * documents for the routes below is accepted, stored and returned. The field lists are read from
 * the SDK's own type definitions while the test runs, not from the tenant's generated copy, so a
 * new SDK release that documents a new field fails here until the tenant takes it.
 */

// Each test sends a few hundred requests: limits high enough never to be the subject here.
const tenant = useTenantServer({ rateLimits: { management: { limit: 10_000, perSecond: 10_000 } } });
let sdk: Record<SdkRequestType, Shape>;

beforeAll(() => {
  sdk = readSdkRequestShapes();
}, 60_000);

type ObjectShape = Extract<Shape, { type: 'object' }>;

function properties(name: SdkRequestType): Array<[string, Shape]> {
  return Object.entries((sdk[name] as ObjectShape).properties);
}

/**
 * A value that fits `shape` as the SDK types it: every property of an object filled in, the first
 * option of a union, the first value of an enum. Strings are URLs because many fields are.
 */
function sampleOf(shape: Shape): unknown {
  switch (shape.type) {
    case 'any': return 'sample';
    case 'string': return shape.enum?.[0] ?? 'https://sample.example/x';
    case 'integer':
    case 'number': return 60;
    case 'boolean': return true;
    case 'array': return [sampleOf(shape.items)];
    case 'oneOf': return sampleOf(shape.options[0]!);
    case 'object': return Object.fromEntries(Object.entries(shape.properties).map(([name, inner]) => [name, sampleOf(inner)]));
  }
}

/**
 * Values that together use every enum value `shape` documents, at any depth: the sample with one
 * spot changed per value. None for a shape without an enum anywhere in it.
 */
function enumVariants(shape: Shape): unknown[] {
  const seen = new Map<string, unknown>();
  const add = (value: unknown) => seen.set(JSON.stringify(value), value);
  switch (shape.type) {
    case 'string': for (const value of shape.enum ?? []) add(value); break;
    case 'array': for (const value of enumVariants(shape.items)) add([value]); break;
    case 'oneOf': for (const option of shape.options) for (const value of enumVariants(option)) add(value); break;
    case 'object': {
      const base = sampleOf(shape) as Record<string, unknown>;
      for (const [name, inner] of Object.entries(shape.properties)) {
        for (const value of enumVariants(inner)) add({ ...base, [name]: value });
      }
      break;
    }
    default: break;
  }
  return [...seen.values()];
}

// Fields whose value the sandbox also checks against its records or Auth0's own rules.
const CLIENT_SAMPLES: Record<string, unknown> = {
  name: 'Sample app',
  grant_types: ['authorization_code'],
  client_metadata: { team: 'billing' },
  app_type: 'regular_web',
};

/**
 * The sample for a field, checked by the sandbox or not. `client_authentication_methods` keeps its
 * mTLS methods (stored as sent); its `private_key_jwt` must name keys or credentials the
 * application really has, which client-credentials.test.ts covers.
 */
function clientSample(field: string, shape: Shape): unknown {
  if (Object.hasOwn(CLIENT_SAMPLES, field)) return CLIENT_SAMPLES[field];
  const value = sampleOf(shape);
  return field === 'client_authentication_methods' ? stripPrivateKeyJwt(value) : value;
}

/** `client_authentication_methods` without its `private_key_jwt`, which must name real credentials (see clientSample). */
function stripPrivateKeyJwt(value: unknown): unknown {
  const { private_key_jwt: _checked, ...stored } = value as Record<string, unknown>;
  return stored;
}

/** The body of a request that must succeed; a refusal fails the test naming the field and the answer. */
async function accepted(pending: Promise<Response>, field: string): Promise<Record<string, unknown>> {
  const response = await pending;
  const body = await response.json() as Record<string, unknown>;
  expect(response.status, `${field}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

// One token per test: the subject is the schema, not the token endpoint.
let token: string | undefined;
beforeEach(() => {
  token = undefined;
});

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  token ??= await tokenFor(tenant(), 'explorer');
  return callApi(tenant(), path, token, init);
}

function send(path: string, method: string, body: unknown): Promise<Response> {
  return call(path, { method, body: JSON.stringify(body) });
}

describe('sdk-request-shapes.json', () => {
  it('matches the installed SDK (after an SDK update, run npm run sdk-shapes)', () => {
    const committed = readFileSync(new URL('./sdk-request-shapes.json', import.meta.url), 'utf8');
    expect(committed).toBe(sdkShapesFileText());
  });
});

describe('every field node-auth0 documents for /api/v2/clients', () => {
  it('is accepted by POST, stored and returned', async () => {
    const fields = properties('CreateClientRequestContent');
    expect(fields.length).toBeGreaterThan(50);
    for (const [field, shape] of fields) {
      const value = clientSample(field, shape);
      const created = await accepted(send('/api/v2/clients', 'POST', { name: 'Sample app', grant_types: ['authorization_code'], [field]: value }), field);
      const read = await accepted(call(`/api/v2/clients/${created.client_id as string}`), field);
      expect(read[field], field).toMatchObject(value as object);
    }
  });

  it('is accepted by PATCH, stored and returned', async () => {
    const app = tenant().createApplication({ name: 'Patched app', grant_types: ['authorization_code'] });
    if (app instanceof TenantError) throw app;
    for (const [field, shape] of properties('UpdateClientRequestContent')) {
      const value = clientSample(field, shape);
      await accepted(send(`/api/v2/clients/${app.client_id}`, 'PATCH', { [field]: value }), field);
      const read = await accepted(call(`/api/v2/clients/${app.client_id}`), field);
      expect(read[field], field).toMatchObject(value as object);
    }
  });
});

describe('every enum value node-auth0 documents, at any depth', () => {
  // A field test sends an enum's first value only; a narrowed enum (PS256 dropped, say) shows here.
  // Each sender sends one field and answers with what a read then returns for it.
  type Sender = (field: string, value: unknown) => Promise<unknown>;
  const readField = async (path: string, field: string) => (await accepted(call(path), field))[field];

  async function senders(): Promise<Array<[SdkRequestType, Sender]>> {
    const app = tenant().createApplication({ name: 'Enum app', grant_types: ['authorization_code'] });
    if (app instanceof TenantError) throw app;
    const api = await accepted(send('/api/v2/resource-servers', 'POST', { identifier: 'urn:enum' }), 'identifier');
    const userId = encodeURIComponent(tenant().records.users[0]!.user_id);
    const noGrant = SEEDED_CREDENTIALS.noGrant.client_id;
    const grantBase = () => ({ client_id: noGrant, audience: tenant().managementAudience, scope: ['read:clients'] });
    return [
      ['CreateClientRequestContent', async (field, value) => {
        const created = await accepted(send('/api/v2/clients', 'POST', { name: 'Enum app', grant_types: ['authorization_code'], [field]: value }), field);
        return readField(`/api/v2/clients/${created.client_id as string}`, field);
      }],
      ['UpdateClientRequestContent', async (field, value) => {
        await accepted(send(`/api/v2/clients/${app.client_id}`, 'PATCH', { [field]: value }), field);
        return readField(`/api/v2/clients/${app.client_id}`, field);
      }],
      ['CreateClientGrantRequestContent', async (field, value) => {
        const created = await accepted(send('/api/v2/client-grants', 'POST', { ...grantBase(), [field]: value }), field);
        await call(`/api/v2/client-grants/${created.id as string}`, { method: 'DELETE' });
        return created[field];
      }],
      ['UpdateClientGrantRequestContent', async (field, value) => (await accepted(send('/api/v2/client-grants/cgr_sbxReporting000001', 'PATCH', { [field]: value }), field))[field]],
      ['CreateResourceServerRequestContent', async (field, value) => {
        const created = await accepted(send('/api/v2/resource-servers', 'POST', { identifier: `urn:enum:${JSON.stringify(value)}`, [field]: value }), field);
        return readField(`/api/v2/resource-servers/${created.id as string}`, field);
      }],
      ['UpdateResourceServerRequestContent', async (field, value) => (await accepted(send(`/api/v2/resource-servers/${api.id as string}`, 'PATCH', { [field]: value }), field))[field]],
      ['UpdateUserRequestContent', async (field, value) => (await accepted(send(`/api/v2/users/${userId}`, 'PATCH', { [field]: value }), field))[field]],
    ];
  }

  // Fields the sandbox checks against its records or Auth0's rules, covered by the field tests above.
  const CHECKED = new Set([...Object.keys(CLIENT_SAMPLES), 'client_id', 'audience', 'scope', 'identifier', 'token_lifetime', 'email', 'phone_number', 'app_metadata', 'user_metadata']);

  it('is accepted by every route that documents it, stored and returned', async () => {
    let sent = 0;
    for (const [type, sendField] of await senders()) {
      for (const [field, shape] of properties(type)) {
        if (CHECKED.has(field)) continue;
        for (const variant of enumVariants(shape)) {
          const value = field === 'client_authentication_methods' ? stripPrivateKeyJwt(variant) : variant;
          const label = `${type}.${field}=${JSON.stringify(value).slice(0, 120)}`;
          const read = await sendField(field, value);
          if (typeof value === 'object') expect(read, label).toMatchObject(value as object);
          else expect(read, label).toBe(value);
          sent += 1;
        }
      }
    }
    // The bodies carry dozens of enums: app_type, organization_usage, compliance_level, jwt_configuration.alg, signing_alg…
    expect(sent).toBeGreaterThan(100);
  }, 60_000);
});

describe('every field node-auth0 documents for /api/v2/client-grants', () => {
  const grantBase = () => ({ client_id: SEEDED_CREDENTIALS.noGrant.client_id, audience: tenant().managementAudience, scope: ['read:clients'] });

  it('is accepted by POST, stored and returned', async () => {
    for (const [field, shape] of properties('CreateClientGrantRequestContent')) {
      const base = grantBase();
      const value = (base as Record<string, unknown>)[field] ?? sampleOf(shape);
      const created = await accepted(send('/api/v2/client-grants', 'POST', { ...base, [field]: value }), field);
      const listed = await accepted(call(`/api/v2/client-grants?client_id=${base.client_id}&include_totals=true`), field);
      expect((listed.client_grants as Array<Record<string, unknown>>)[0]?.[field], field).toEqual(value);
      await call(`/api/v2/client-grants/${created.id as string}`, { method: 'DELETE' });
    }
  });

  it('is accepted by PATCH, stored and returned', async () => {
    for (const [field, shape] of properties('UpdateClientGrantRequestContent')) {
      const value = field === 'scope' ? ['read:users'] : sampleOf(shape);
      const updated = await accepted(send('/api/v2/client-grants/cgr_sbxReporting000001', 'PATCH', { [field]: value }), field);
      expect(updated[field], field).toEqual(value);
    }
  });
});

describe('every field node-auth0 documents for /api/v2/resource-servers', () => {
  it('is accepted by POST, stored and returned, and survives a save and restore', async () => {
    for (const [field, shape] of properties('CreateResourceServerRequestContent')) {
      const identifier = `urn:sample:${field}`;
      const value = field === 'identifier' ? identifier : field === 'token_lifetime' ? 3_600 : sampleOf(shape);
      const created = await accepted(send('/api/v2/resource-servers', 'POST', { identifier, [field]: value }), field);
      const read = await accepted(call(`/api/v2/resource-servers/${created.id as string}`), field);
      if (typeof value === 'object') expect(read[field], field).toMatchObject(value as object);
      else expect(read[field], field).toBe(value);
    }
    const { restored, problem } = await restoreTenant(JSON.stringify(tenant().toJSON()));
    expect(problem).toBeUndefined();
    expect(restored).toBe(true);
  });

  it('is accepted by PATCH on an API of your own, stored and returned', async () => {
    const api = await accepted(send('/api/v2/resource-servers', 'POST', { identifier: 'urn:patched' }), 'identifier');
    for (const [field, shape] of properties('UpdateResourceServerRequestContent')) {
      const value = field === 'token_lifetime' ? 3_600 : sampleOf(shape);
      const updated = await accepted(send(`/api/v2/resource-servers/${api.id as string}`, 'PATCH', { [field]: value }), field);
      if (typeof value === 'object') expect(updated[field], field).toMatchObject(value as object);
      else expect(updated[field], field).toBe(value);
    }
  });
});

describe('every field node-auth0 documents for PATCH /api/v2/users/{id}', () => {
  // Instructions for the change, not attributes of the user: accepted, never returned.
  const INSTRUCTIONS = new Set(['password', 'verify_email', 'verify_phone_number', 'connection', 'client_id']);
  const USER_SAMPLES: Record<string, unknown> = { email: 'ada.renamed@customers.example', phone_number: '+15555550100', app_metadata: { plan: 'team' }, user_metadata: { locale: 'fr' } };

  it('is accepted; the user attributes among them are stored and returned', async () => {
    const userId = tenant().records.users[0]!.user_id;
    for (const [field, shape] of properties('UpdateUserRequestContent')) {
      const value = USER_SAMPLES[field] ?? sampleOf(shape);
      const updated = await accepted(send(`/api/v2/users/${encodeURIComponent(userId)}`, 'PATCH', { [field]: value }), field);
      if (INSTRUCTIONS.has(field)) expect(updated, field).not.toHaveProperty(field);
      else if (typeof value === 'object') expect(updated[field], field).toMatchObject(value as object);
      else expect(updated[field], field).toBe(value);
    }
  });
});
