/**
 * A certificate authority made at start, and a server certificate it signs for this machine, so
 * `npm run tenant -- --https` can serve `https://localhost:N` that SDKs trust once they are told
 * about the authority. Nothing here is ever written to the repository: the authority's private
 * key lives only in memory and is dropped after signing, the server's key only in the server.
 * The certificates are made with node-forge (Node itself can read X.509 but not write it).
 */
import forge from 'node-forge';

/** The PEM texts a local HTTPS server needs, and the one its clients need (`caPem`). */
export interface LocalCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const DAY_MS = 86_400_000;

/**
 * Makes a fresh authority ("Token Lab sandbox CA") and a certificate for `localhost`,
 * `127.0.0.1` and `::1`, valid from an hour ago for `days` days. RSA 2048 with SHA-256: every
 * TLS stack the guide's programs use (Node, Python, Go, Java, curl) accepts it.
 */
export function createLocalCertificates(days = 7, now = new Date()): LocalCertificates {
  const validity = { notBefore: new Date(now.getTime() - 3_600_000), notAfter: new Date(now.getTime() + days * DAY_MS) };
  const caKeys = forge.pki.rsa.generateKeyPair(2048);
  // UTF8String, not forge's default PrintableString: Go's x509 refuses a PrintableString that
  // holds a character outside its small set (a ';', say), and refuses the whole handshake.
  const caName = [{ name: 'commonName', value: 'Token Lab sandbox CA (made at start, not for real use)', valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }];
  const ca = certificate(caKeys.publicKey, caName, caName, validity, [
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = forge.pki.rsa.generateKeyPair(2048);
  const server = certificate(serverKeys.publicKey, [{ name: 'commonName', value: 'localhost' }], caName, validity, [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(server),
    keyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
}

function certificate(
  publicKey: forge.pki.PublicKey,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  validity: { notBefore: Date; notAfter: Date },
  extensions: object[],
): forge.pki.Certificate {
  const made = forge.pki.createCertificate();
  made.publicKey = publicKey;
  // A positive serial of 16 random bytes, as RFC 5280 asks (at most 20 octets, never negative).
  made.serialNumber = `0${forge.util.bytesToHex(forge.random.getBytesSync(16)).slice(1)}`;
  made.validity.notBefore = validity.notBefore;
  made.validity.notAfter = validity.notAfter;
  made.setSubject(subject);
  made.setIssuer(issuer);
  made.setExtensions(extensions);
  return made;
}
