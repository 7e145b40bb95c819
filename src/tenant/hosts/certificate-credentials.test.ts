import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { privateKeyJwtApp, requestWithAssertion, serviceKey } from '../private-key-jwt-test-support.ts';
import { TenantError } from '../tenant-error.ts';
import { createLocalCertificates } from './local-certificates.ts';
import { START, useTenantServer } from './testing.ts';

/*
 * A credential registered as an X.509 certificate (node-auth0: "PEM-formatted public key (SPKI and
 * PKCS1) or X509 certificate"). The certificate comes from the host's own certificate maker, the
 * only code here that writes one, which is why this test lives beside it.
 */

const tenant = useTenantServer();

describe('a credential registered as an X.509 certificate', () => {
  it('is taken, and verifies assertions signed with the certificate\'s private key', async () => {
    const certificates = createLocalCertificates(1, new Date(START));
    const { app, credential } = await privateKeyJwtApp(tenant(), await serviceKey());
    const created = await tenant().createCredential(app.client_id, { pem: certificates.certPem, name: 'from a certificate' });
    if (created instanceof TenantError) throw created;
    expect(created).toMatchObject({ credential_type: 'public_key', alg: 'RS256', name: 'from a certificate' });
    expect(tenant().usePrivateKeyJwt(app.client_id, [credential.id, created.id as string])).not.toBeInstanceOf(TenantError);
    const now = tenant().clock.nowSeconds();
    const assertion = await new SignJWT({ iss: app.client_id, sub: app.client_id, aud: tenant().issuer, iat: now, exp: now + 60, jti: 'from-a-certificate' })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(createPrivateKey(certificates.keyPem));
    expect((await requestWithAssertion(tenant(), assertion)).status).toBe(200);
  });

  it('refuses parse_expiry_from_cert: the sandbox does not read certificate dates (a sandbox rule)', async () => {
    const certificates = createLocalCertificates(1, new Date(START));
    const created = await tenant().createCredential(tenant().seeded.reporting.client_id, { pem: certificates.certPem, parse_expiry_from_cert: true });
    expect(created).toMatchObject({ code: 'credential_rule', details: { problem: 'expiry_from_certificate' } });
  });
});
