import fc from 'fast-check';
import { CLIENT_CHANGES_SHAPE, CLIENT_METADATA_KEY, NEW_CLIENT_SHAPE } from './application-shape.ts';
import type { Shape } from './payload-schema.ts';
import { NEW_RESOURCE_SERVER_SHAPE, RESOURCE_SERVER_CHANGES_SHAPE } from './resource-server-shape.ts';
import { CREATE_CLIENT_GRANT_BODY, UPDATE_CLIENT_GRANT_BODY, UPDATE_USER_BODY } from './sdk-request-shapes.ts';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import type { Tenant } from './tenant.ts';
import { RESERVED_APP_METADATA_NAMES } from './update-user.ts';
import { NEW_CREDENTIAL_SHAPE } from './create-client-credential.ts';
import { serviceKey } from './private-key-jwt-test-support.ts';
import { CLIENT_ASSERTION_TYPE } from './verify-client-assertion.ts';
import {
  AUDIENCE, bakeAuthorization, claimValue, headerText, ORIGIN,
  type AuthorizationRecipe, type Fixture,
} from './fuzz-credentials-test-support.ts';

/*
 * The fuzz generators for whole requests (fuzz.test.ts runs them): methods, paths, ids, query
 * strings, bodies from random bytes to nearly right token requests, Origin headers, and the
 * well-formed Management API calls that reach the routes' own checks (201, 204, 409, 413…), with
 * bodies made from the SDK's request types (every documented field, valid or wrong in one spot).
 * `bakeRequest` turns a recipe into what `fetch` or `handleTenantRequest` takes.
 */

const TOKEN_PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'audience', 'scope', 'organization', 'client_assertion', 'client_assertion_type'];
const roleCredentials = Object.values(SEEDED_CREDENTIALS);
// Unsigned JWTs that name a seeded application, so a client assertion gets past parsing into its checks.
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimedAssertions = roleCredentials.map((c) => `${b64({ alg: 'RS256' })}.${b64({ iss: c.client_id, sub: c.client_id, aud: `${ORIGIN}/`, exp: 4_000_000_000, jti: 'x' })}.c2ln`);
const parameterValue = fc.oneof(
  fc.constantFrom('client_credentials', AUDIENCE, 'read:clients', 'read:clients delete:clients', '', CLIENT_ASSERTION_TYPE, ...claimedAssertions, ...roleCredentials.flatMap((c) => [c.client_id, c.client_secret])),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const tokenParams = fc.dictionary(fc.oneof(fc.constantFrom(...TOKEN_PARAMETERS), fc.string({ maxLength: 10 })), fc.oneof({ weight: 4, arbitrary: parameterValue }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }), { maxKeys: 7 });
const formPairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...TOKEN_PARAMETERS), fc.string({ maxLength: 10 })), parameterValue), { maxLength: 8 });

type BodyRecipe = { contentType: string | undefined; payload: string | Uint8Array<ArrayBuffer> } | undefined;

const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', 'APPLICATION/JSON') },
  { weight: 2, arbitrary: fc.constantFrom(undefined, '', 'text/plain', 'multipart/form-data; boundary=x', 'application/jwt', ';') },
  { weight: 1, arbitrary: headerText(40) },
);

const appPayload = fc.record({ name: fc.string({ maxLength: 130 }), app_type: fc.constantFrom('non_interactive', 'spa', 'robot'), grant_types: fc.subarray(['client_credentials', 'password', 'nope']) }, { requiredKeys: [] }).map((app) => JSON.stringify(app));
const grantPayload = fc.record({ client_id: fc.constantFrom(...roleCredentials.map((c) => c.client_id), 'nobody'), audience: fc.constantFrom(AUDIENCE, 'https://x.test/'), scope: fc.oneof(fc.subarray(['read:clients', 'read:users', 'create:clients', 'read:nothing']), claimValue) }, { requiredKeys: [] }).map((grant) => JSON.stringify(grant));
const oversizedPayload = fc.constantFrom('x'.repeat(70_000), `{"name":"${'y'.repeat(66_000)}"}`);

/*
 * Bodies made from the shapes the routes check (node-auth0's request types, tightened by the
 * tenant's own limits), so every documented field gets sent, and the list grows with the SDK
 * instead of falling behind a hand-written one. `fitting` makes a value the shape accepts, so a
 * body gets past validation into the code that stores, merges and shows it; `askew` makes one
 * that breaks the shape at exactly one spot (wrong type, wrong enum, null where the SDK has none,
 * out of range, an unknown name), so each refusal path runs with an otherwise valid body.
 */

type ObjectShape = Extract<Shape, { type: 'object' }>;

// Deeper than this, objects get their required fields only and arrays stay empty: the SDK's types
// nest five levels, the deeper ones hold the same kinds of rules, and small bodies keep runs fast.
const MAX_DEPTH = 3;

/** Metadata keys Auth0 takes anywhere: no `.` or `$`, not one of the names it reserves. */
const plainKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((key) => !RESERVED_APP_METADATA_NAMES.includes(key));
/** What a free-form (`any`) field gets: shallow JSON with plain keys, so no metadata rule trips on it. */
const plainJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(plainKey, fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()), { maxKeys: 3 }),
);

/** With `null` now and then where the SDK lets PATCH clear the field. */
const orNull = (shape: Shape, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  (shape.nullable === true ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value);

// Arbitraries are built once per shape node (each sits at one depth of one body): `chain` below
// would otherwise rebuild them, and re-parse `stringMatching` patterns, for every generated body.
const fittingCache = new Map<Shape, fc.Arbitrary<unknown>>();
const askewCache = new Map<Shape, fc.Arbitrary<unknown> | undefined>();

/** A value `shape` accepts. */
function fitting(shape: Shape, depth: number): fc.Arbitrary<unknown> {
  let found = fittingCache.get(shape);
  if (found === undefined) {
    found = orNull(shape, fittingValue(shape, depth));
    fittingCache.set(shape, found);
  }
  return found;
}

function fittingValue(shape: Shape, depth: number): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'any':
      return plainJson;
    case 'string': {
      if (shape.enum !== undefined) return fc.constantFrom(...shape.enum);
      const minLength = shape.minLength ?? 0;
      const text = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(shape.maxLength ?? 24, 24)) });
      if (shape.pattern === undefined) return text;
      const pattern = new RegExp(shape.pattern, 'u');
      return text.filter((candidate) => pattern.test(candidate));
    }
    case 'integer':
      return fc.integer({ min: shape.min ?? -1_000, max: shape.max ?? 1_000_000 });
    case 'number': {
      const range = { min: shape.min ?? -1_000, max: shape.max ?? 1_000_000 };
      return fc.oneof(fc.integer(range), fc.double({ ...range, noNaN: true, noDefaultInfinity: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = fitting(shape.items, depth + 1);
      const maxLength = depth >= MAX_DEPTH ? 0 : Math.min(shape.maxItems ?? 3, 3);
      return shape.unique === true ? fc.uniqueArray(items, { maxLength, selector: (item) => JSON.stringify(item) }) : fc.array(items, { maxLength });
    }
    case 'oneOf':
      return fc.oneof(...shape.options.map((option) => fitting(option, depth)));
    case 'object':
      return fittingObject(shape, depth);
  }
}

interface BodyOptions {
  /** Values for some fields, where a random one would nearly always be refused (grant types, scopes). */
  readonly values?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Fields always sent (the tenant requires some the SDK marks optional: a grant's client_id). */
  readonly required?: readonly string[];
  /** Optional fields to choose from; default every documented one. */
  readonly among?: readonly string[];
  readonly maxFields?: number;
}

/** An object `shape` accepts: its required fields, a few optional ones, and free keys where it takes them. */
function fittingObject(shape: ObjectShape, depth: number, options: BodyOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const required = options.required ?? shape.required ?? [];
  const optional = (options.among ?? Object.keys(shape.properties)).filter((name) => !required.includes(name));
  const maxLength = depth >= MAX_DEPTH ? 0 : Math.min(optional.length, options.maxFields ?? 3);
  const valueOf = (name: string): fc.Arbitrary<unknown> => {
    const inner = shape.properties[name]!;
    const given = options.values?.[name];
    return given === undefined ? fitting(inner, depth + 1) : orNull(inner, given);
  };
  const documented = fc.shuffledSubarray(optional, { maxLength })
    .chain((chosen) => fc.record(Object.fromEntries([...required, ...chosen].map((name) => [name, valueOf(name)]))));
  if (shape.additional === undefined || depth >= MAX_DEPTH) return documented;
  const keys = (shape.keyPattern === undefined ? plainKey : fc.stringMatching(shape.keyPattern).map((key) => key.slice(0, 20)))
    .filter((key) => !Object.hasOwn(shape.properties, key));
  const free = fc.dictionary(keys, fitting(shape.additional, depth + 1), { maxKeys: Math.min(shape.maxProperties ?? 3, 3) });
  return fc.tuple(documented, free).map(([fields, extra]) => ({ ...extra, ...fields }));
}

/** Names no route documents: look-alikes, `<` and `>` (the message repeats them), `.` and `$`, prototype names. */
const STRANGE_NAMES = ['logoUri', 'colour', 'client_name', 'NAME', ' name', '<script>', 'a>b', '<', 'x.y', '$set', '__proto__', 'constructor', 'toString', ''];
// More than the 20 names an "Additional properties not allowed" message lists.
const MANY_NAMES = Array.from({ length: 23 }, (_, index) => `extra_${index}`);

/**
 * Several unknown names at once, which Auth0 lists together in one message; undefined for an
 * object that takes any name (free-form metadata).
 */
function unknownNames(shape: ObjectShape): fc.Arbitrary<string[]> | undefined {
  const { additional, keyPattern } = shape;
  if (additional !== undefined && keyPattern === undefined) return undefined;
  const unknown = (name: string) => !Object.hasOwn(shape.properties, name) && (keyPattern === undefined || !keyPattern.test(name));
  const names = fc.uniqueArray(fc.oneof(fc.constantFrom(...STRANGE_NAMES), fc.string({ maxLength: 12 })).filter(unknown), { minLength: 1, maxLength: 4 });
  return MANY_NAMES.every(unknown) ? fc.oneof({ weight: 8, arbitrary: names }, { weight: 1, arbitrary: fc.constant(MANY_NAMES) }) : names;
}

/** A value `shape` refuses, wrong in one spot only; undefined for `any`, which takes everything. */
function askew(shape: Shape, depth: number): fc.Arbitrary<unknown> | undefined {
  if (!askewCache.has(shape)) askewCache.set(shape, askewValue(shape, depth));
  return askewCache.get(shape);
}

function askewValue(shape: Shape, depth: number): fc.Arbitrary<unknown> | undefined {
  if (shape.type === 'any') return undefined;
  const options: fc.Arbitrary<unknown>[] = shape.nullable === true ? [] : [fc.constant(null)];
  switch (shape.type) {
    case 'string': {
      options.push(fc.constantFrom(0, 86_400, true, ['x'], { value: 'x' }));
      const { enum: allowed, minLength, maxLength, pattern } = shape;
      if (allowed !== undefined) {
        // Near misses (case, a trailing space), and an algorithm Auth0 has elsewhere but not in these enums.
        const near = [...allowed.map((value) => value.toUpperCase()), ...allowed.map((value) => `${value} `), 'nope', 'ES256'].filter((value) => !allowed.includes(value));
        options.push(fc.constantFrom(...near));
      }
      if (minLength !== undefined && minLength > 0) options.push(fc.constant(''));
      if (maxLength !== undefined && maxLength < 1_000) options.push(fc.constant('x'.repeat(maxLength + 1)));
      if (pattern !== undefined) options.push(fc.constantFrom('<b>Portal</b>', 'Acme > Portal', 'x<y').filter((text) => !new RegExp(pattern, 'u').test(text)));
      break;
    }
    case 'integer':
    case 'number':
      options.push(fc.constantFrom('86400', true, [1], { seconds: 1 }));
      if (shape.min !== undefined) options.push(fc.constant(shape.min - 1));
      if (shape.max !== undefined) options.push(fc.constant(shape.max + 1));
      if (shape.type === 'integer') options.push(fc.constant(1.5));
      break;
    case 'boolean':
      options.push(fc.constantFrom('true', 1, 0, [true]));
      break;
    case 'array': {
      options.push(fc.constantFrom('x', 1, { 0: 'x' }));
      const item = askew(shape.items, depth + 1);
      if (item !== undefined) options.push(item.map((value) => [value]));
      if (shape.unique === true) options.push(fitting(shape.items, depth + 1).map((value) => [value, value]));
      break;
    }
    case 'oneOf':
      break;
    case 'object': {
      options.push(fc.constantFrom('x', 1, [], true));
      const spoiled = spoiledObject(shape, depth);
      if (spoiled !== undefined) options.push(spoiled);
      break;
    }
  }
  return fc.oneof(...options);
}

/** A valid object with one thing wrong: a documented field askew, unknown names added, or a required field dropped. */
function spoiledObject(shape: ObjectShape, depth: number, options: BodyOptions = {}): fc.Arbitrary<Record<string, unknown>> | undefined {
  const breakable = Object.keys(shape.properties).filter((name) => shape.properties[name]!.type !== 'any');
  const required = options.required ?? shape.required ?? [];
  const spoilers: fc.Arbitrary<{ set: Record<string, unknown>; drop?: string }>[] = [];
  const unknown = unknownNames(shape);
  if (unknown !== undefined) spoilers.push(unknown.map((names) => ({ set: Object.fromEntries(names.map((name) => [name, 'x'])) })));
  if (breakable.length > 0 && depth < MAX_DEPTH) {
    spoilers.push(fc.constantFrom(...breakable).chain((name) => askew(shape.properties[name]!, depth + 1)!.map((value) => ({ set: Object.fromEntries([[name, value]]) }))));
  }
  if (required.length > 0) spoilers.push(fc.constantFrom(...required).map((drop) => ({ set: {}, drop })));
  if (spoilers.length === 0) return undefined;
  return fc.tuple(fittingObject(shape, depth, options), fc.oneof(...spoilers)).map(([body, { set, drop }]) => {
    const kept = Object.fromEntries(Object.entries(body).filter(([name]) => name !== drop));
    // Spread, not assignment: a `__proto__` name stays an own property, and so reaches the JSON.
    return { ...kept, ...set };
  });
}

/** Bodies for one route: mostly accepted, often wrong in one spot, as JSON text. */
function routeBodies(shape: ObjectShape, options: BodyOptions & { highlighted?: readonly string[] } = {}): fc.Arbitrary<string> {
  const { highlighted, ...rest } = options;
  const valid = highlighted === undefined
    ? fittingObject(shape, 0, rest)
    // The fields worth a closer look come up often; the rest of the documented ones now and then.
    : fc.oneof(fittingObject(shape, 0, { ...rest, among: highlighted }), fittingObject(shape, 0, rest));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: spoiledObject(shape, 0, rest)! }).map((body) => JSON.stringify(body));
}

/*
 * Per-route bodies. A random value fits the shape but would nearly always be refused by a rule
 * beyond it (a grant type Auth0 does not know, a scope the API does not define), so those fields
 * get values from the tenant's real vocabulary. The highlighted client fields (the ones the
 * sandbox acts on, and those with rules of their own: jwt_configuration.alg, refresh_token's
 * enums, nullable compliance_level…) come up more often than the other fifty.
 */

/** APIs the fuzzer creates (POST /api/v2/resource-servers) and deletes again by identifier. */
const OWN_APIS = ['https://orders.acme.example/', 'urn:acme:inventory'];
const OWN_API_SCOPES = ['read:orders', 'write:orders'];
const roleClientIds = roleCredentials.map((c) => c.client_id);

const grantTypesArb = fc.subarray([
  'client_credentials', 'authorization_code', 'refresh_token', 'password', 'urn:openid:params:grant-type:ciba',
  'http://auth0.com/oauth/grant-type/passwordless/otp', 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token',
  'urn:ietf:params:oauth:grant-type:device_code', 'nope',
], { maxLength: 3 });
// The sandbox's four types and a few of Auth0's others (stored as sent), so public clients with client_credentials get refused too.
const appTypeArb = fc.constantFrom('non_interactive', 'regular_web', 'spa', 'native', 'sso_integration', 'resource_server', 'express_configuration', 'zoom');
const CLIENT_HIGHLIGHTS = [
  'name', 'logo_uri', 'refresh_token', 'addons', 'client_aliases', 'cross_origin_authentication', 'cross_origin_loc', 'jwt_configuration',
  'organization_usage', 'compliance_level', 'token_endpoint_auth_method', 'app_type', 'grant_types', 'client_metadata',
];
const newClientBodies = routeBodies(NEW_CLIENT_SHAPE, { values: { grant_types: grantTypesArb, app_type: appTypeArb }, highlighted: CLIENT_HIGHLIGHTS });
const documentedClientChanges = routeBodies(CLIENT_CHANGES_SHAPE, {
  values: {
    grant_types: grantTypesArb,
    app_type: appTypeArb,
    // PATCH metadata: string values, null deletes a key; the merged result may hold 10 keys.
    client_metadata: fc.dictionary(fc.stringMatching(CLIENT_METADATA_KEY).map((key) => key.slice(0, 20)), fc.oneof(fc.string({ maxLength: 60 }), fc.constant(null)), { maxKeys: 4 }),
  },
  highlighted: [...CLIENT_HIGHLIGHTS, 'client_secret'],
});

const grantScopeArb = fc.subarray(['read:clients', 'read:users', 'create:clients', 'read:nothing', ...OWN_API_SCOPES], { maxLength: 3 });
const grantValues = {
  client_id: fc.constantFrom(...roleClientIds, SEEDED_GLOBAL_CLIENT.client_id, 'nobody'),
  audience: fc.constantFrom(AUDIENCE, ...OWN_APIS, 'https://x.test/'),
  scope: grantScopeArb,
  authorization_details_types: fc.uniqueArray(fc.constantFrom('payment_initiation', 'money_transfer'), { maxLength: 2 }),
};
// The tenant requires client_id though the SDK marks it optional (assumption client-grant-fields).
const newGrantBodies = routeBodies(CREATE_CLIENT_GRANT_BODY, { values: grantValues, required: ['client_id', 'audience'] });
const grantChangeBodies = routeBodies(UPDATE_CLIENT_GRANT_BODY, { values: { scope: grantScopeArb, authorization_details_types: grantValues.authorization_details_types } });

const metadataArb = fc.dictionary(plainKey, plainJson, { maxKeys: 3 });
const documentedUserChanges = routeBodies(UPDATE_USER_BODY, {
  values: {
    email: fc.constantFrom('ada.new@customers.example', 'grace.hopper@customers.example'),
    phone_number: fc.constantFrom('+15555550100', '+442071838750'),
    picture: fc.constant('https://cdn.customers.example/ada.png'),
    username: fc.stringMatching(/^[a-z][a-z0-9_]{2,14}$/),
    // The tenant's limits on names (1 to 300 characters).
    name: fc.string({ minLength: 1, maxLength: 40 }),
    nickname: fc.string({ minLength: 1, maxLength: 40 }),
    password: fc.constantFrom('correct horse battery staple', 'Tr0ub4dor&3'),
    connection: fc.constant('Username-Password-Authentication'),
    client_id: fc.constantFrom(...roleClientIds),
    app_metadata: metadataArb,
    user_metadata: metadataArb,
  },
  highlighted: ['email', 'phone_number', 'given_name', 'family_name', 'picture', 'username', 'password', 'verify_email', 'app_metadata', 'user_metadata'],
});
/** A metadata name Auth0 refuses: `.` or `$` at some depth (arrays included), or a name it reserves in app_metadata. */
const refusedMetadata = fc.oneof(
  fc.constantFrom(...RESERVED_APP_METADATA_NAMES).map((name) => Object.fromEntries([[name, 'x']])),
  fc.tuple(fc.constantFrom('a.b', 'plan.tier', '$set', 'price$', '.'), fc.nat({ max: 3 })).map(([name, depth]) => {
    const leaf = Object.fromEntries([[name, true]]);
    return [leaf, { prefs: leaf }, { history: [leaf] }, { a: { b: { c: leaf } } }][depth]!;
  }),
);

const apiScopesArb = fc.uniqueArray(
  fc.record({ value: fc.constantFrom(...OWN_API_SCOPES, 'delete:orders'), description: fc.string({ maxLength: 30 }) }, { requiredKeys: ['value'] }),
  { maxLength: 3, selector: (scope) => scope.value },
);
const newApiBodies = routeBodies(NEW_RESOURCE_SERVER_SHAPE, { values: { identifier: fc.constantFrom(...OWN_APIS, AUDIENCE), scopes: apiScopesArb } });
const documentedApiChanges = routeBodies(RESOURCE_SERVER_CHANGES_SHAPE, { values: { scopes: apiScopesArb } });

/** Any route's documented body, for the random method and path combinations too. */
const documentedPayload = fc.oneof(newClientBodies, documentedClientChanges, newGrantBodies, grantChangeBodies, documentedUserChanges, newApiBodies, documentedApiChanges);

/**
 * Nearly right token requests: a seeded application's own credentials with a random scope and at
 * most one parameter dropped or replaced, so the grant, scope and audience checks get reached.
 */
export const nearlyRightTokenBody: fc.Arbitrary<BodyRecipe> = fc
  .record({
    role: fc.constantFrom(...roleCredentials),
    scope: fc.option(fc.subarray(['read:clients', 'read:client_keys', 'read:users', 'create:clients', 'read:client_grants']).map((list) => list.join(' ')), { nil: undefined }),
    change: fc.option(fc.tuple(fc.constantFrom(...TOKEN_PARAMETERS), fc.option(parameterValue, { nil: undefined })), { nil: undefined }),
    asForm: fc.boolean(),
  })
  .map(({ role, scope, change, asForm }) => {
    const params: Record<string, string> = { grant_type: 'client_credentials', client_id: role.client_id, client_secret: role.client_secret, audience: AUDIENCE, ...(scope === undefined ? {} : { scope }) };
    if (change !== undefined) {
      const [name, value] = change;
      if (value === undefined) delete params[name];
      else params[name] = value;
    }
    return asForm
      ? { contentType: 'application/x-www-form-urlencoded', payload: new URLSearchParams(params).toString() }
      : { contentType: 'application/json', payload: JSON.stringify(params) };
  });

export const bodyArb: fc.Arbitrary<BodyRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.record({ contentType: contentTypeArb, payload: tokenParams.map((params) => JSON.stringify(params)) }) },
  { weight: 3, arbitrary: fc.record({ contentType: contentTypeArb, payload: formPairs.map((pairs) => new URLSearchParams(pairs).toString()) }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: fc.json({ maxDepth: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: fc.uint8Array({ maxLength: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: appPayload }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: grantPayload }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: documentedPayload }) },
  { weight: 1, arbitrary: fc.record({ contentType: contentTypeArb, payload: oversizedPayload }) },
);

const USER_ID = 'auth0|6650a1b2c3d4e5f600000001';
const idArb = fc.oneof(
  fc.constantFrom(...roleCredentials.map((c) => c.client_id), 'cgr_sbxReporting000001', 'cgr_sbxApiExplorer0004', '%E0%A4%A', '..', '%2F', '%00', 'x'.repeat(3000)),
  fc.constantFrom(encodeURIComponent(USER_ID), USER_ID, 'auth0%7Cnobody', 'rs_sandbox_management_api', encodeURIComponent(AUDIENCE), SEEDED_GLOBAL_CLIENT.client_id, ...OWN_APIS.map(encodeURIComponent)),
  fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
);
export const queryArb = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom('page', 'per_page', 'include_totals', 'fields', 'include_fields', 'audience', 'client_id', 'take', 'from', 'q', 'search_engine', 'email', 'is_global', 'app_type', 'is_first_party', 'client_ids', 'external_client_id', 'identifiers', 'aud', 'sort'), fc.string({ maxLength: 8 })), fc.oneof(fc.constantFrom('0', '1', '2', '50', '100', '101', '-1', '1e3', 'true', 'false', 'name,client_secret', '', 'email:"ada.sandbox@customers.example"', 'v3', 'spa,non_interactive', 'ada.sandbox@customers.example', 'loktar@ogar', 'client_grant.allow_any_organization:true', AUDIENCE), fc.string({ unit: 'binary', maxLength: 12 }))), { maxLength: 4 })
    .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((raw) => `?${raw}`),
);
export const methodArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'OPTIONS', 'HEAD', 'patch', 'get', 'post', 'delete') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,8}$/).filter((method) => !['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase())) },
);
export const apiPathArb = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.constantFrom('/api/v2/clients', '/api/v2/client-grants', '/api/v2', '/api/v2/', '/api/v2/users', '/api/v2/clients/', '/api/v2/users-by-email', '/api/v2/resource-servers', '/api/v2/blacklists/tokens'), idArb.chain((id) => fc.constantFrom(`/api/v2/clients/${id}`, `/api/v2/clients/${id}/rotate-secret`, `/api/v2/client-grants/${id}`, `/api/v2/users/${id}`, `/api/v2/resource-servers/${id}`))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/api/v2/${encodeURIComponent(text).replace(/%2F/g, '/')}`) },
);

const asAdmin: fc.Arbitrary<AuthorizationRecipe> = fc.record({
  kind: fc.constant('bearer' as const),
  scheme: fc.constant('Bearer'),
  token: fc.record({ kind: fc.constant('real' as const), role: fc.constantFrom('explorer' as const, 'reporting' as const) }),
  extra: fc.constant(''),
});
const jsonBody = (payload: fc.Arbitrary<string>): fc.Arbitrary<BodyRecipe> => payload.map((text) => ({ contentType: 'application/json', payload: text }));
const grantId = fc.constantFrom('cgr_sbxReporting000001', 'cgr_sbxCustomerPortal3', 'cgr_sbxApiExplorer0004', 'cgr_nope');

const clientIdArb = fc.constantFrom(...roleCredentials.map((c) => c.client_id), SEEDED_GLOBAL_CLIENT.client_id, 'nobody');
const userIdArb = fc.constantFrom(encodeURIComponent(USER_ID), 'auth0%7C6650a1b2c3d4e5f600000002', 'auth0%7Cnobody', 'not-a-user-id');
const simpleClientChanges = fc.record({
  name: fc.string({ maxLength: 130 }),
  app_type: fc.constantFrom('non_interactive', 'spa', 'native', 'robot'),
  grant_types: fc.subarray(['client_credentials', 'password', 'authorization_code', 'nope']),
  token_endpoint_auth_method: fc.constantFrom('none', 'client_secret_post', 'client_secret_basic'),
  client_secret: fc.oneof(fc.string({ maxLength: 40 }), fc.constant(SEEDED_GLOBAL_CLIENT.client_secret)),
  client_metadata: fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)), { maxKeys: 12 }), claimValue),
}, { requiredKeys: [] }).map((body) => JSON.stringify(body));
// The fields the sandbox acts on, and every other documented one (valid, or wrong in one spot).
const clientChanges = fc.oneof(simpleClientChanges, documentedClientChanges);
const simpleUserChanges = fc.oneof(
  // What the route accepts: metadata merges (null removes a key) and the simple fields.
  { weight: 2, arbitrary: fc.record({
    app_metadata: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((key) => !key.includes('.') && !key.startsWith('$')), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null)), { maxKeys: 4 }),
    user_metadata: fc.dictionary(fc.constantFrom('locale', 'theme', 'newsletter'), fc.oneof(fc.string({ maxLength: 20 }), fc.boolean()), { maxKeys: 3 }),
    blocked: fc.boolean(),
    name: fc.string({ minLength: 1, maxLength: 100 }),
  }, { requiredKeys: ['user_metadata'] }) },
  // What it refuses: wrong types, over-long names.
  { weight: 1, arbitrary: fc.record({
    app_metadata: claimValue,
    blocked: claimValue,
    name: fc.string({ minLength: 301, maxLength: 320 }),
    email: fc.constant('new@customers.example'),
  }, { requiredKeys: [] }) },
  // Metadata names Auth0 refuses (reserved ones are fine in user_metadata); no field at all; the
  // email the sandbox keeps on every user set to null, which the SDK's type allows.
  { weight: 1, arbitrary: fc.oneof(
    fc.record({ app_metadata: refusedMetadata, name: fc.constant('Ada') }, { requiredKeys: ['app_metadata'] }),
    fc.record({ user_metadata: refusedMetadata }),
    fc.constantFrom({}, { email: null }, { email: null, picture: null }),
  ) },
).map((body) => JSON.stringify(body));
const userChanges = fc.oneof({ weight: 3, arbitrary: simpleUserChanges }, { weight: 2, arbitrary: documentedUserChanges });
const serverChanges = fc.oneof(
  { weight: 2, arbitrary: fc.record({ token_lifetime: fc.oneof(fc.integer({ min: 1, max: 2_592_000 }), fc.constantFrom(86_400, 2_592_000)) }).map((body) => JSON.stringify(body)) },
  { weight: 1, arbitrary: fc.record({
    token_lifetime: fc.oneof(fc.integer({ min: -10, max: 0 }), fc.constantFrom(2_592_001, 1.5), claimValue),
    name: fc.string({ maxLength: 20 }),
    skip_consent_for_verifiable_first_party_clients: fc.boolean(),
  }, { requiredKeys: [] }).map((body) => JSON.stringify(body)) },
  // Any documented field: stored on an API of one's own, "Additional properties" on the Management API.
  { weight: 2, arbitrary: documentedApiChanges },
);
/** The Management API (by id and by audience), the fuzzer's own APIs (by identifier), and none. */
const serverIdArb = fc.constantFrom('rs_sandbox_management_api', encodeURIComponent(AUDIENCE), ...OWN_APIS.map(encodeURIComponent), 'rs_nope');
const checkpointOf = (id: string) => Buffer.from(id).toString('base64url');
const clientListParameters = {
  // The two forms Auth0 permits, and near misses.
  q: fc.constantFrom('client_grant.allow_any_organization:true', 'client_grant.organization_id:org_W30QIOEMTBeBpIq4', 'client_grant.allow_any_organization:false', 'client_grant.organization_id:', ' client_grant.allow_any_organization:true ', 'name:"Reporting Service"', ''),
  // Checkpoints as the tenant issues them (a client id in URL-safe base64), and broken ones.
  from: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('', ...[...roleClientIds, SEEDED_GLOBAL_CLIENT.client_id].map(checkpointOf)) },
    { weight: 1, arbitrary: fc.constantFrom('bm9wZQ', '!!!', checkpointOf('\u0001\u0002'), 'x'.repeat(1_100)) },
  ),
  take: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('1', '2', '50', '100') }, { weight: 1, arbitrary: fc.constantFrom('101', '0', '-1', 'ten', '1.5') }),
  // What node-auth0 v7 sends along with from/take.
  page: fc.constantFrom('0', '1'),
  per_page: fc.constantFrom('2', '50'),
  fields: fc.constantFrom('client_id,name', 'name,client_secret', 'client_id'),
  include_fields: fc.constantFrom('true', 'false'),
  include_totals: fc.constantFrom('true', 'false'),
  // The filters q refuses to be combined with.
  is_global: fc.constantFrom('false', 'true'),
  app_type: fc.constantFrom('non_interactive', 'spa,sso_integration', 'robot'),
  external_client_id: fc.constantFrom('ext_123', ''),
  client_ids: fc.constant(roleClientIds.slice(0, 2).join(',')),
};
// fc.record puts in most optional keys, so each combination worth reaching is spelled out.
const { q: qArb, from: fromArb, take: takeArb, page: pageArb, per_page: perPageArb, ...plainClientListParameters } = clientListParameters;
/** `GET /api/v2/clients` queries: q with checkpoint paging, q without it, q with a filter, the filters alone; now and then a parameter twice. */
const clientListQuery = fc.tuple(
  fc.oneof(
    // As node-auth0 sends q: with from/take, and the page/per_page it always adds.
    { weight: 3, arbitrary: fc.record({ q: qArb, from: fromArb, take: takeArb, page: pageArb, per_page: perPageArb, fields: clientListParameters.fields }, { requiredKeys: ['q', 'take'] }) },
    { weight: 1, arbitrary: fc.record({ q: qArb, page: pageArb, per_page: perPageArb, include_totals: clientListParameters.include_totals }, { requiredKeys: ['q'] }) },
    { weight: 1, arbitrary: fc.record({ q: qArb, take: takeArb, is_global: clientListParameters.is_global, external_client_id: clientListParameters.external_client_id }, { requiredKeys: ['q', 'take'] }) },
    { weight: 2, arbitrary: fc.record({ from: fromArb, take: takeArb, page: pageArb, per_page: perPageArb, ...plainClientListParameters }, { requiredKeys: [] }) },
  ),
  fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('q', 'from', 'take') }),
).map(([parameters, repeated]) => {
  const search = new URLSearchParams(Object.entries(parameters));
  const value = repeated === undefined ? undefined : search.get(repeated);
  if (repeated !== undefined && value !== null) search.append(repeated, value ?? '');
  return `?${search.toString()}`;
});
const denylistEntry = fc.record({ aud: fc.oneof(fc.constant(AUDIENCE), fc.constant(SEEDED_GLOBAL_CLIENT.client_id), claimValue), jti: fc.oneof(fc.string({ maxLength: 20 }), claimValue) }, { requiredKeys: [] }).map((body) => JSON.stringify(body));

/*
 * Credentials (Private Key JWT). Two real public keys made once per run, a private key sent by
 * mistake, and broken PEMs; a credential id in a path or a body is a slot that `bakeRequest`
 * fills with one the tenant holds at that moment, since ids are random.
 */
export const FUZZ_KEYS = await Promise.all([serviceKey(), serviceKey('PS256')]);
const pemArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FUZZ_KEYS.map((key) => key.publicKeyPem)) },
  { weight: 1, arbitrary: fc.constantFrom(FUZZ_KEYS[0]!.privateKeyPem, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'not a pem', '') },
);
const credentialValues = {
  pem: pemArb,
  kid: fc.stringMatching(/^[0-9a-zA-Z_-]{10,20}$/),
  expires_at: fc.constantFrom('2030-01-01T00:00:00Z', '2030-08-20T19:10:06.299Z', '2020-01-01T00:00:00Z', 'soon'),
};
const newCredentialBodies = fc.oneof(
  { weight: 3, arbitrary: fc.record({ credential_type: fc.constant('public_key'), pem: pemArb, alg: fc.constantFrom('RS256', 'PS256'), name: fc.string({ maxLength: 20 }), kid: credentialValues.kid, expires_at: credentialValues.expires_at }, { requiredKeys: ['credential_type', 'pem'] }).map((body) => JSON.stringify(body)) },
  { weight: 2, arbitrary: routeBodies(NEW_CREDENTIAL_SHAPE, { values: credentialValues }) },
);
const CREDENTIAL_SLOTS = ['{first-credential}', '{last-credential}'] as const;
const credentialIdArb = fc.constantFrom(...CREDENTIAL_SLOTS, ...CREDENTIAL_SLOTS, 'cred_nope');
const credentialChanges = fc.oneof(
  fc.record({ expires_at: fc.oneof(credentialValues.expires_at, fc.constant(null), claimValue) }, { requiredKeys: [] }).map((body) => JSON.stringify(body)),
  fc.constantFrom('{"name":"renamed"}', '{"alg":"RS384"}'),
);
const authenticationMethodChanges = fc.constantFrom(
  JSON.stringify({ token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: '{first-credential}' }] } } }),
  JSON.stringify({ token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: '{first-credential}' }, { id: '{last-credential}' }] } } }),
  JSON.stringify({ client_authentication_methods: { private_key_jwt: { credentials: [{ id: '{first-credential}' }] } } }),
  JSON.stringify({ client_authentication_methods: null, token_endpoint_auth_method: 'client_secret_post' }),
);

/** Fills the credential slots of a path or body with ids the application in the path holds now (`cred_none` if it has none). */
function fillCredentialSlots(text: string, path: string, tenant: Tenant): string {
  if (!text.includes('{first-credential}') && !text.includes('{last-credential}')) return text;
  let clientId = '';
  try {
    clientId = decodeURIComponent(/^\/api\/v2\/clients\/([^/]+)/.exec(path)?.[1] ?? '');
  } catch {
    // A broken percent-encoding names no application.
  }
  const held = tenant.records.credentials.filter((credential) => credential.client_id === clientId);
  return text.replaceAll('{first-credential}', held[0]?.id ?? 'cred_none').replaceAll('{last-credential}', held.at(-1)?.id ?? 'cred_none');
}

/** Well-formed calls with a real token, so the routes' own checks (201, 204, 409, 413…) get reached. */
export const coherentApiArb = fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/clients'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.oneof({ weight: 3, arbitrary: appPayload }, { weight: 3, arbitrary: newClientBodies }, { weight: 1, arbitrary: oversizedPayload })) }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/client-grants'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.oneof(grantPayload, newGrantBodies)) }),
  fc.record({ method: fc.constant('GET'), path: fc.constantFrom('/api/v2/users-by-email', '/api/v2/users'), query: fc.oneof(fc.constantFrom('ada.sandbox@customers.example', 'ADA.SANDBOX@customers.example', 'nobody@customers.example', '', 'loktar@ogar', 'ada.sandbox@customers', '@customers.example', 'ada sandbox@customers.example', 'ada@@customers.example'), fc.string({ maxLength: 40 })).chain((email) => fc.constantFrom(`?email=${encodeURIComponent(email)}`, `?q=${encodeURIComponent(`email:"${email}"`)}&search_engine=v3`)), authorization: asAdmin, body: fc.constant(undefined) }),
  // A second grant for an app that has one: the 409, unless this run deleted the first.
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/client-grants'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.constantFrom(...['reporting', 'explorer'].map((role) => JSON.stringify({ client_id: SEEDED_CREDENTIALS[role as 'reporting' | 'explorer'].client_id, audience: AUDIENCE, scope: ['read:clients'] })))) }),
  fc.record({ method: fc.constant('PATCH'), path: grantId.map((id) => `/api/v2/client-grants/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.oneof(fc.record({ scope: fc.oneof(fc.subarray(['read:clients', 'read:users', 'read:nothing']), claimValue) }, { requiredKeys: [] }).map((body) => JSON.stringify(body)), grantChangeBodies)) }),
  fc.record({ method: fc.constant('DELETE'), path: grantId.map((id) => `/api/v2/client-grants/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constantFrom('GET', 'POST'), path: idArb.map((id) => `/api/v2/clients/${id}`), query: queryArb, authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: fc.constantFrom('/api/v2/clients', '/api/v2/client-grants', '/api/v2/users', '/api/v2/users-by-email', '/api/v2/resource-servers', '/api/v2/blacklists/tokens'), query: queryArb, authorization: asAdmin, body: fc.constant(undefined) }),
  // The routes added in issue 13, with bodies close to what they accept.
  fc.record({ method: fc.constant('PATCH'), path: clientIdArb.map((id) => `/api/v2/clients/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(clientChanges) }),
  fc.record({ method: fc.constant('DELETE'), path: clientIdArb.map((id) => `/api/v2/clients/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('POST'), path: clientIdArb.map((id) => `/api/v2/clients/${id}/rotate-secret`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: fc.oneof(grantId, fc.constantFrom('rs_sandbox_management_api', encodeURIComponent(AUDIENCE))).map((id) => id.startsWith('cgr_') ? `/api/v2/client-grants/${id}` : `/api/v2/resource-servers/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constantFrom('GET', 'PATCH'), path: userIdArb.map((id) => `/api/v2/users/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(userChanges) }),
  fc.record({ method: fc.constant('PATCH'), path: serverIdArb.map((id) => `/api/v2/resource-servers/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(serverChanges) }),
  // APIs of one's own: created (201, 409 for an identifier in use), then deleted by identifier
  // (204, 404 once gone, 400 for the Management API). Twice as many creations, so a deletion
  // usually finds one between two restores of the tenant.
  { weight: 2, arbitrary: fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/resource-servers'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(newApiBodies) }) },
  fc.record({ method: fc.constant('DELETE'), path: serverIdArb.map((id) => `/api/v2/resource-servers/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: fc.constant('/api/v2/clients'), query: clientListQuery, authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/blacklists/tokens'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(denylistEntry) }),
  // Credentials, and switching an application to Private Key JWT with them (issue 23).
  // The fixture's applications start with a credential each (fuzz.test.ts), so the reads find one.
  { weight: 4, arbitrary: fc.oneof(
    { weight: 3, arbitrary: fc.record({ method: fc.constant('POST'), path: clientIdArb.map((id) => `/api/v2/clients/${id}/credentials`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(newCredentialBodies) }) },
    fc.record({ method: fc.constant('GET'), path: clientIdArb.map((id) => `/api/v2/clients/${id}/credentials`), query: fc.constantFrom('', '?include_totals=true&per_page=50'), authorization: asAdmin, body: fc.constant(undefined) }),
    { weight: 3, arbitrary: fc.record({ method: fc.constantFrom('GET', 'GET', 'DELETE'), path: fc.tuple(clientIdArb, credentialIdArb).map(([id, credential]) => `/api/v2/clients/${id}/credentials/${credential}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }) },
    { weight: 2, arbitrary: fc.record({ method: fc.constant('PATCH'), path: fc.tuple(clientIdArb, credentialIdArb).map(([id, credential]) => `/api/v2/clients/${id}/credentials/${credential}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(credentialChanges) }) },
    fc.record({ method: fc.constant('PATCH'), path: clientIdArb.map((id) => `/api/v2/clients/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(authenticationMethodChanges) }),
  ) },
);

export interface RequestRecipe {
  method: string;
  path: string;
  query: string;
  authorization: AuthorizationRecipe;
  body: BodyRecipe;
  /** A browser's Origin header, so the CORS decision runs too (it reads token bodies a second time). */
  origin?: string | undefined;
}

export const originArb = fc.option(
  fc.oneof(fc.constantFrom('https://portal.acme.auth0.test', 'https://attacker.example', 'null', 'http://localhost:4321'), headerText(40)),
  { nil: undefined, freq: 2 },
);

// `Headers` takes control characters, but undici's fetch refuses them before msw sees the request.
const wireSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

export async function bakeRequest(recipe: RequestRecipe, fixture: Fixture, tenant: Tenant, options: { forFetch?: boolean } = {}): Promise<{ method: string; url: URL; init: RequestInit }> {
  const headers = new Headers();
  const header = (value: string) => (options.forFetch === true ? wireSafe(value) : value);
  const authorization = await bakeAuthorization(recipe.authorization, fixture, tenant);
  if (authorization !== undefined) headers.set('authorization', header(authorization));
  if (recipe.origin !== undefined) headers.set('origin', header(recipe.origin));
  const upper = recipe.method.toUpperCase();
  const canHaveBody = upper !== 'GET' && upper !== 'HEAD';
  if (canHaveBody && recipe.body !== undefined && recipe.body.contentType !== undefined) headers.set('content-type', header(recipe.body.contentType));
  const path = fillCredentialSlots(recipe.path, recipe.path, tenant);
  const url = new URL(`${ORIGIN}${path}${recipe.query}`);
  const payload = typeof recipe.body?.payload === 'string' ? fillCredentialSlots(recipe.body.payload, recipe.path, tenant) : recipe.body?.payload;
  return { method: recipe.method, url, init: { method: recipe.method, headers, ...(canHaveBody && recipe.body !== undefined ? { body: payload } : {}) } };
}
