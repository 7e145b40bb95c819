import { describe, expect, it } from 'vitest';
import { visibleClientFields } from '../../tenant/index.ts';
import { MANAGEMENT_ROUTES, MANAGEMENT_API_SCOPES } from '../../tenant/index.ts';
import { displayPath, pickerEndpoints } from './picker-endpoints.ts';

const endpoints = pickerEndpoints(MANAGEMENT_ROUTES, visibleClientFields);
const byLabel = (label: string) => endpoints.find((endpoint) => endpoint.label === label);

describe('pickerEndpoints', () => {
  it('turns route patterns into the paths a reader types', () => {
    expect(displayPath(/^\/api\/v2\/clients$/)).toBe('/api/v2/clients');
    expect(displayPath(new RegExp('^/api/v2/client-grants/([^/]+)$'))).toBe('/api/v2/client-grants/{id}');
  });

  it('offers every sandbox route with the scopes the tenant checks', () => {
    const sandbox = endpoints.filter((endpoint) => endpoint.inSandbox);
    expect(sandbox).toHaveLength(MANAGEMENT_ROUTES.length);
    expect(byLabel('GET /api/v2/client-grants')?.scopes).toEqual(['read:client_grants']);
  });

  it('gives the application-reading routes detail levels from the tenant\'s field lists', () => {
    const levels = byLabel('GET /api/v2/clients')?.levels ?? [];
    expect(levels.map((level) => level.value)).toEqual(['summary', 'configuration', 'secrets']);
    expect(levels[1]?.scopes).toEqual(['read:clients', 'read:client_keys']);
    expect(levels[2]?.scopes).toEqual(['read:client_keys']);
    expect(byLabel('GET /api/v2/clients/{id}')?.levels).toHaveLength(3);
  });

  it('gives no levels to routes whose scope does not change the fields', () => {
    expect(byLabel('POST /api/v2/clients')?.levels).toBeUndefined();
  });

  it('marks the common real endpoints as outside the sandbox, with scopes the sandbox knows', () => {
    const known = new Set(MANAGEMENT_API_SCOPES.map((scope) => scope.value));
    const real = endpoints.filter((endpoint) => !endpoint.inSandbox);
    expect(real.map((endpoint) => [endpoint.label, endpoint.scopes])).toEqual([
      ['POST /api/v2/users', ['create:users']],
      ['GET /api/v2/connections', ['read:connections']],
      ['GET /api/v2/roles', ['read:roles']],
      ['GET /api/v2/logs', ['read:logs']],
    ]);
    expect(real.flatMap((endpoint) => endpoint.scopes).filter((scope) => !known.has(scope))).toEqual([]);
  });

  it('never lists a real-only endpoint that the sandbox now serves itself', () => {
    const labels = endpoints.map((endpoint) => endpoint.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(byLabel('GET /api/v2/users')?.inSandbox).toBe(true);
  });

  it('gives every row a distinct id', () => {
    expect(new Set(endpoints.map((endpoint) => endpoint.id)).size).toBe(endpoints.length);
  });
});
