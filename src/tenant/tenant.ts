import type { VirtualClock } from './clock.ts';
import { Drills } from './drills.ts';
import { managementAudience } from './management-scopes.ts';
import { createClientGrant, type CreateGrantError } from './create-client-grant.ts';
import { createApplication, type CreateApplicationError, type NewApplication } from './create-client.ts';
import { deleteClientGrant } from './delete-client-grant.ts';
import type { Application, ClientGrant, GlobalClient, ResourceServer } from './model.ts';
import { addCredentials, prepareCredential, type CreateCredentialError } from './create-client-credential.ts';
import { deleteClientCredential } from './delete-client-credential.ts';
import { listClientCredentials } from './list-client-credentials.ts';
import { presentCredential } from './present-credential.ts';
import { rotateClientSecret, type RotateSecretError } from './rotate-client-secret.ts';
import { privateKeyJwtCredentialIds, usesPrivateKeyJwt } from './client-authentication.ts';
import { acceptedSecret, pendingSecretSwitch, type SecretChangeOptions } from './secret-switch.ts';
import { catchUpFleet, deployToFleet, startFleet, type FleetDeployment, type FleetHolding, type HeldCredential, type FleetState } from './sandbox-fleet.ts';
import { updateClient, type UpdateClientError } from './update-client.ts';
import { rememberAssertionId } from './used-assertion-ids.ts';
import { updateClientGrant } from './update-client-grant.ts';
import type { ResourceServerBody } from './present-resource-server.ts';
import { updateResourceServer, type UpdateResourceServerError } from './update-resource-server.ts';
import { rotateGlobalClientSecret } from './global-client.ts';
import { RATE_LIMIT_KINDS, TokenBucket, onWallClock, type RateLimitDecision, type RateLimitKind } from './rate-limit.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { jwksDocument, type SigningKey } from './signing-keys.ts';
import { TenantError } from './tenant-error.ts';
import { takeSnapshot, type TenantSnapshot } from './tenant-snapshot.ts';
import type { RateLimitState, TenantRecords, TenantState } from './tenant-state.ts';

/**
 * A mocked Auth0 tenant: its state and the mutations lessons need. HTTP lives elsewhere
 * (`handleTenantRequest`, `tenantHandlers`); this object is what they read and change.
 *
 * Getters return copies, so changing a returned record never changes the tenant; use the methods.
 * A method that a lesson can call wrongly returns the record or a {@link TenantError}, as every
 * operation inside the tenant does (tenant-error.ts):
 *
 * @example
 * const grant = tenant.authorize(clientId, ['read:users']);
 * if (grant instanceof TenantError) return `The tenant refused: ${grant.message}`;
 */
export class Tenant {
  /** The tenant's domain, e.g. `acme.auth0.test`. */
  readonly domain: string;
  /** The virtual clock every time check reads (ms; `advance(seconds)`). */
  readonly clock: VirtualClock;
  /** Switchable faults for lessons (`tenant.drills.set({ rateLimited: true })`). */
  readonly drills: Drills;
  /** The seeded applications' fixed credentials (see `seed.ts`). */
  readonly seeded = SEEDED_CREDENTIALS;

  readonly #records: TenantRecords;
  readonly #signingKeys: SigningKey[];
  readonly #buckets: Record<RateLimitKind, TokenBucket>;
  readonly #wallClock: () => number;
  readonly #listeners = new Set<() => void>();
  #legacyMode: boolean;
  #fleet: FleetState | undefined;

  /** @internal Use `createTenant()` or `restoreTenant()`. */
  constructor(init: TenantState) {
    this.domain = init.records.domain;
    this.#records = init.records;
    this.clock = init.clock;
    this.#wallClock = init.wallClock;
    this.#signingKeys = init.signingKeys;
    this.#legacyMode = init.legacyMode;
    this.drills = new Drills(init.drills, () => this.#emit());
    this.#buckets = mapKinds((kind) => new TokenBucket(init.rateLimits[kind].policy, init.rateLimits[kind].state));
    this.clock.subscribe(() => this.#emit());
  }

  /** `https://{domain}/`, the `iss` of every token this tenant signs. */
  get issuer(): string {
    return `https://${this.domain}/`;
  }

  /** `https://{domain}/api/v2/`, the Management API's identifier and token audience. */
  get managementAudience(): string {
    return managementAudience(this.domain);
  }

  /** Copies of the applications, in creation order. */
  get applications(): Application[] {
    return structuredClone(this.#records.applications);
  }

  /** Copies of the client grants, in creation order. */
  get clientGrants(): ClientGrant[] {
    return structuredClone(this.#records.clientGrants);
  }

  /** A copy of the Management API resource server. */
  get managementApi(): ResourceServer {
    return structuredClone(this.#managementApiRecord());
  }

  /** A copy of the legacy Global Client (id and base64 secret). */
  get globalClient(): GlobalClient {
    return { ...this.#records.globalClient };
  }

  /** True while the tenant behaves "before the change" and accepts old explorer tokens. */
  get legacyMode(): boolean {
    return this.#legacyMode;
  }

  /** The key new tokens are signed with (the newest one). */
  get signingKey(): SigningKey {
    return this.#signingKeys[this.#signingKeys.length - 1]!;
  }

  /** All signing keys, oldest first. */
  get signingKeys(): readonly SigningKey[] {
    return [...this.#signingKeys];
  }

  /** The JSON Web Key Set served at `/.well-known/jwks.json`. */
  jwks(): ReturnType<typeof jwksDocument> {
    return jwksDocument(this.#signingKeys);
  }

  /** One application by id (a copy), or `undefined`. */
  application(clientId: string): Application | undefined {
    const found = this.#records.applications.find((app) => app.client_id === clientId);
    return found === undefined ? undefined : structuredClone(found);
  }

  /** The client grant that lets `clientId` get Management API tokens (a copy), or `undefined`. */
  managementGrant(clientId: string): ClientGrant | undefined {
    const audience = this.managementAudience;
    const found = this.#records.clientGrants.find((grant) => grant.client_id === clientId && grant.audience === audience);
    return found === undefined ? undefined : structuredClone(found);
  }

  /** Creates an application (same rules as `POST /api/v2/clients`); it gets a fresh id and secret. */
  createApplication(input: NewApplication): Application | TenantError<CreateApplicationError> {
    return this.mutate((records) => createApplication(records, input));
  }

  /**
   * Authorizes an application for an API with some scopes: creates a client grant (same rules as
   * `POST /api/v2/client-grants`). `audience` defaults to the Management API.
   */
  authorize(clientId: string, scopes: readonly string[], audience: string = this.managementAudience): ClientGrant | TenantError<CreateGrantError> {
    return this.mutate((records) => createClientGrant(records, { client_id: clientId, audience, scope: [...scopes] }));
  }

  /** Replaces the scopes of a grant. */
  updateGrant(grantId: string, scopes: readonly string[]): ClientGrant | TenantError<'invalid_body' | 'inexistent_client_grant'> {
    return this.mutate((records) => updateClientGrant(records, grantId, { scope: [...scopes] }));
  }

  /** Deletes a grant: no new tokens for that application and API; issued ones live on until `exp`. */
  revokeGrant(grantId: string): ClientGrant | TenantError<'inexistent_client_grant'> {
    return this.mutate((records) => deleteClientGrant(records, grantId));
  }

  /**
   * Gives an application a new random secret, as `POST /api/v2/clients/{id}/rotate-secret` does:
   * the old one keeps working, and the new one is refused, for SECRET_SWITCH_SECONDS of tenant
   * time (see {@link Tenant.secretSwitch}). `{ immediate: true }` switches at once, for a lesson
   * that is not about the wait (then say so: Auth0 does not). An application that uses Private
   * Key JWT is refused (`rotate_private_key_jwt_client`).
   */
  rotateClientSecret(clientId: string, options: SecretChangeOptions = {}): Application | TenantError<RotateSecretError> {
    return this.mutate((records) => rotateClientSecret(records, clientId, this.clock.now(), options));
  }

  /**
   * The secret switch under way for an application: until `switchesAt` (tenant ms) `/oauth/token`
   * takes `previousSecret` and refuses the application's new `client_secret`. `undefined` when
   * its current secret is the one that works.
   */
  secretSwitch(clientId: string): { previousSecret: string; switchesAt: number } | undefined {
    const pending = pendingSecretSwitch(this.#records, clientId, this.clock.now());
    return pending === undefined ? undefined : { previousSecret: pending.previous_secret, switchesAt: pending.switch_at };
  }

  /**
   * Registers a public key for Private Key JWT, as `POST /api/v2/clients/{id}/credentials` does
   * (`pem` an RSA public key of 2048 to 4096 bits, `alg` RS256 by default). Resolves to the
   * credential as the API shows it (never its key), or the refusal: a private key, a third
   * credential, an unknown application…
   */
  async createCredential(clientId: string, input: { pem: string; alg?: 'RS256' | 'RS384' | 'PS256'; name?: string; expires_at?: string; kid?: string; parse_expiry_from_cert?: boolean }): Promise<Record<string, unknown> | TenantError<CreateCredentialError>> {
    const prepared = await prepareCredential({ credential_type: 'public_key', ...input }, this.clock.now());
    if (prepared instanceof TenantError) return prepared;
    const added = this.mutate((records) => addCredentials(records, clientId, [prepared]));
    return added instanceof TenantError ? added : presentCredential(added[0]!);
  }

  /** An application's credentials as `GET /api/v2/clients/{id}/credentials` shows them. */
  credentials(clientId: string): Array<Record<string, unknown>> | TenantError<'inexistent_client'> {
    const found = listClientCredentials(this.#records, clientId);
    return found instanceof TenantError ? found : found.map(presentCredential);
  }

  /** Deletes a credential the application no longer lists for Private Key JWT. */
  deleteCredential(clientId: string, credentialId: string): TenantError<'inexistent_client' | 'inexistent_credential' | 'credential_in_use'> | undefined {
    const result = this.mutate((records) => deleteClientCredential(records, clientId, credentialId));
    return result instanceof TenantError ? result : undefined;
  }

  /**
   * Switches an application to Private Key JWT with these credentials of its own (one or two),
   * as the PATCH in Auth0's "Configure Private Key JWT Authentication" does: its secret stops
   * working and `token_endpoint_auth_method` becomes null.
   */
  usePrivateKeyJwt(clientId: string, credentialIds: readonly string[]): Application | TenantError<UpdateClientError> {
    const changes = { token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: credentialIds.map((id) => ({ id })) } } };
    const result = this.mutate((records) => updateClient(records, clientId, changes, this.clock.now()));
    return result instanceof TenantError ? result : 'application' in result ? result.application : new TenantError('inexistent_client');
  }

  /** Switches an application back from Private Key JWT to its client secret. */
  useClientSecret(clientId: string, method: 'client_secret_post' | 'client_secret_basic' = 'client_secret_post'): Application | TenantError<UpdateClientError> {
    const result = this.mutate((records) => updateClient(records, clientId, { client_authentication_methods: null, token_endpoint_auth_method: method }, this.clock.now()));
    return result instanceof TenantError ? result : 'application' in result ? result.application : new TenantError('inexistent_client');
  }

  /**
   * @internal For /oauth/token: remembers an accepted client assertion's `jti` until its `exp`, or
   * refuses when the store is full. Not announced as a change, like the rate-limit buckets: token
   * requests stay cheap, and the ids are saved with the tenant's next change.
   */
  useAssertionId(clientId: string, jti: string, exp: number): TenantError<'assertion_ids_full'> | undefined {
    return rememberAssertionId(this.#records, clientId, jti, exp, this.clock.nowSeconds());
  }

  /**
   * Sets the Management API's Token Expiration (same rules as `PATCH /api/v2/resource-servers/{id}`
   * with `token_lifetime`: a whole number of seconds, 1 to 2,592,000). Only new tokens follow it.
   */
  setTokenLifetime(seconds: number): ResourceServerBody | TenantError<UpdateResourceServerError> {
    return this.mutate((records) => updateResourceServer(records, this.managementAudience, { token_lifetime: seconds }));
  }

  /** Switches legacy mode ("before the change") on or off. */
  setLegacyMode(on: boolean): void {
    this.#legacyMode = on === true;
    this.#emit();
  }

  /** Gives the Global Client a new random secret; every old explorer token stops verifying. */
  rotateGlobalSecret(): GlobalClient {
    return this.mutate((records) => rotateGlobalClientSecret(records));
  }

  /**
   * Runs an operation on the records and announces the change unless it returned a TenantError.
   * The tenant's own routes and methods go through here; lesson code should prefer the named methods.
   */
  mutate<T>(operation: (records: TenantRecords) => T): T {
    // The fleet's fetches up to now saw the tenant as it was.
    this.catchUpFleet();
    const outcome = operation(this.#records);
    if (!(outcome instanceof TenantError)) this.#emit();
    return outcome;
  }

  /** The sandbox fleet (sandbox-fleet.ts) with its fetches due by now played; a copy, or undefined. */
  fleet(): FleetState | undefined {
    this.catchUpFleet();
    return this.#fleet === undefined ? undefined : structuredClone(this.#fleet);
  }

  /**
   * Starts a fleet of `clientId` running `held`, or, when that application's fleet is running
   * already, deploys them to it (a rolling deploy). Lives as long as this tenant object: not saved.
   */
  runFleet(clientId: string, held: FleetHolding): FleetDeployment | TenantError<'inexistent_client'> {
    if (!this.#records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
    this.catchUpFleet();
    const now = this.clock.now();
    if (this.#fleet?.clientId !== clientId) {
      this.#fleet = startFleet(clientId, held, now);
      return this.#fleet.deployments[0]!;
    }
    return deployToFleet(this.#fleet, held, now);
  }

  /** Stops the fleet; false when none was running. */
  stopFleet(): boolean {
    const running = this.#fleet !== undefined;
    this.#fleet = undefined;
    return running;
  }

  /** Plays the fleet's fetches due by now, as `/oauth/token` would have answered each at its time. */
  catchUpFleet(): void {
    const fleet = this.#fleet;
    if (fleet === undefined) return;
    const records = this.#records;
    // Between two catch-ups only time changes, so the credentials enabled now were enabled all along.
    const accepts = (held: HeldCredential, at: number): boolean => {
      const app = records.applications.find((candidate) => candidate.client_id === fleet.clientId);
      if (app === undefined) return false;
      if ('key' in held) return privateKeyJwtCredentialIds(app)?.includes(held.key) ?? false;
      return !usesPrivateKeyJwt(app) && acceptedSecret(records, app, at) === held.secret;
    };
    const switches = records.secretSwitches.filter((entry) => entry.client_id === fleet.clientId).map((entry) => entry.switch_at);
    catchUpFleet(fleet, this.clock.now(), accepts, switches);
  }

  /** Read-only access to the live records for the tenant's own routes (do not modify). */
  get records(): Readonly<TenantRecords> {
    return this.#records;
  }

  /** The audience the Management API accepts now (a drill may misconfigure it). */
  verificationAudience(): string {
    const identifier = this.#managementApiRecord().identifier;
    return this.drills.wrongAudience ? identifier.replace(/\/$/, '') : identifier;
  }

  /** The time the Management API checks tokens against (tenant time plus any clock-skew drill). */
  verificationDate(): Date {
    return new Date(this.clock.now() + this.drills.clockSkewSeconds * 1000);
  }

  /**
   * Counts one request against a rate limit, or refuses it while the "rate limited" drill is on.
   * The drill covers the token endpoint and the Management API only: it teaches a backend's 429
   * handling, and a JWKS that also refused would break token verification in unrelated lessons.
   */
  takeRateLimit(kind: RateLimitKind): RateLimitDecision {
    const bucket = this.#buckets[kind];
    const decision = this.drills.rateLimited && kind !== 'jwks' ? bucket.refuse() : bucket.take(this.clock.now());
    return onWallClock(decision, this.#wallClock());
  }

  /** Fills every rate-limit bucket again. */
  resetRateLimits(): void {
    for (const bucket of Object.values(this.#buckets)) bucket.refillCompletely(this.clock.now());
  }


  /**
   * Calls `listener` after every change worth saving (records, legacy mode, drills, clock).
   * Returns an unsubscribe function. A listener that throws is reported, not propagated, so a
   * broken persistence hook can never break a request.
   */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The whole state as a versioned plain object (private keys included: it is a sandbox), for
   * `JSON.stringify` and {@link restoreTenant}.
   */
  toJSON(): TenantSnapshot {
    return takeSnapshot({
      records: this.#records,
      clock: this.clock,
      wallClock: this.#wallClock,
      signingKeys: this.#signingKeys,
      legacyMode: this.#legacyMode,
      drills: this.drills.toJSON(),
      rateLimits: this.#rateLimitState(),
    });
  }

  #rateLimitState(): RateLimitState {
    return mapKinds((kind) => ({ policy: { ...this.#buckets[kind].policy }, state: this.#buckets[kind].toJSON() }));
  }

  #managementApiRecord(): ResourceServer {
    const audience = managementAudience(this.domain);
    return this.#records.resourceServers.find((server) => server.identifier === audience) ?? this.#records.resourceServers[0]!;
  }

  #emit(): void {
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch (cause) {
        console.error('[tenant] an onChange listener threw; the change itself was applied.', cause);
      }
    }
  }
}

function mapKinds<T>(make: (kind: RateLimitKind) => T): Record<RateLimitKind, T> {
  return Object.fromEntries(RATE_LIMIT_KINDS.map((kind) => [kind, make(kind)])) as Record<RateLimitKind, T>;
}
