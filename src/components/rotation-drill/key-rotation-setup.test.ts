import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCodeInNode } from '../../lab/run-code-in-node.ts';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { prepareKeyRotation, SIGNING_SERVICE } from './key-rotation-setup.ts';

const tenant = useTenantServer();
const code = readFileSync('content/lessons/09-rotate-without-downtime/rotate-signing-key-in-browser.ts', 'utf8');

describe("the lesson's in-browser key rotation playground", () => {
  it('rotates a signing key with no moment without a key the tenant accepts, run after run', async () => {
    for (let round = 0; round < 2; round++) {
      const run = await prepareKeyRotation(tenant());
      const evidence = await runCodeInNode(code, tenant(), run);
      expect(evidence.errors).toEqual([]);
      // The operator's own token, then one request per signed assertion: key 1; keys 1 and 2 while
      // both are enabled; key 1 (refused) and key 2 once the first is removed.
      const tokenRequests = evidence.requests.filter((request) => new URL(request.url).pathname === '/oauth/token');
      expect(tokenRequests.map((request) => request.status)).toEqual([200, 200, 200, 200, 401, 200]);
      const managed = evidence.requests.filter((request) => new URL(request.url).pathname.startsWith('/api/v2/'));
      expect(managed.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 201', 'PATCH 200', 'POST 201', 'PATCH 200', 'PATCH 200', 'DELETE 204', 'GET 200']);
      expect(JSON.parse(evidence.resultJson ?? 'null')).toEqual(['signing key 2']);
    }
    // Each run starts from the service's secret and no credentials: the second did not hit the limit of two.
    const service = tenant().applications.find((app) => app.name === SIGNING_SERVICE.name)!;
    expect(service.client_authentication_methods).toMatchObject({ private_key_jwt: { credentials: [expect.any(Object)] } });
  });
});
