import { describe, expect, it } from 'vitest';
import { FIELD_USE_SPECS, FIELD_USES } from './stored-fields.ts';

describe('the list of fields the sandbox stores without acting on them', () => {
  it('names only documented fields as acted on or as instructions, so it cannot go stale silently', () => {
    for (const spec of FIELD_USE_SPECS) {
      for (const field of [...spec.actedOn, ...(spec.instructions ?? [])]) expect(spec.documented, `${spec.route}: ${field}`).toContain(field);
    }
  });

  it('sorts every documented field into exactly one group', () => {
    for (const [index, use] of FIELD_USES.entries()) {
      const documented = FIELD_USE_SPECS[index]!.documented;
      expect([...use.actedOn, ...use.storedOnly, ...use.instructions].sort(), use.route).toEqual([...documented].sort());
    }
  });

  it('lists what a migrating service sets but the sandbox ignores: refresh_token, addons, token_dialect', () => {
    const stored = (route: string) => FIELD_USES.find((use) => use.route === route)?.storedOnly ?? [];
    expect(stored('POST /api/v2/clients')).toEqual(expect.arrayContaining(['refresh_token', 'addons', 'logo_uri', 'cross_origin_authentication']));
    expect(stored('POST /api/v2/clients')).not.toContain('client_authentication_methods');
    expect(stored('POST /api/v2/clients/{id}/credentials')).toEqual(['name']);
    expect(stored('POST /api/v2/resource-servers')).toEqual(expect.arrayContaining(['token_dialect', 'signing_alg', 'allow_offline_access']));
    // Taken by the route beyond node-auth0 v7's types (v4 documents it), so listed too.
    expect(stored('PATCH /api/v2/resource-servers/{id}')).toContain('token_lifetime_for_web');
  });
});
