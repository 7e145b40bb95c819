/**
 * Files that make programs trust the HTTPS sandbox's certificate authority, and the shell lines
 * that point each runtime at them. Two traps, measured on this project's machines: variables such
 * as `SSL_CERT_FILE` *replace* a runtime's list of authorities, so the bundle they name carries
 * the system's authorities as well as the sandbox's (a program that also fetches from the real
 * internet, or Maven reading `JAVA_TOOL_OPTIONS`, keeps working); and Java reads no PEM files, so
 * it gets a PKCS#12 trust store made with the JDK's own `keytool` from the JDK's `cacerts` plus
 * the sandbox's authority.
 */
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** Where the system keeps its authorities, by distribution (Debian and Ubuntu first). */
const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem', '/etc/ssl/ca-bundle.pem'];
/** The JDK's own default password for `cacerts`, not a secret: every JDK ships with it. */
const TRUST_STORE_PASSWORD = 'changeit';

/** What {@link writeTrustFiles} made. */
export interface TrustFiles {
  /** The folder, outside the repository, that holds them. */
  dir: string;
  /** The sandbox's authority alone (for `NODE_EXTRA_CA_CERTS`, which adds to Node's own list). */
  caFile: string;
  /** The system's authorities plus the sandbox's (for the variables that replace the list). */
  bundleFile: string;
  /** A PKCS#12 trust store for Java, when a `keytool` was found. */
  trustStore?: string;
  /** Shell lines, each beginning with `export `, ready for `eval`. */
  exports: string[];
  /** What could not be made, in a sentence (no keytool, no system bundle). */
  notes: string[];
}

/** Writes the trust files for `caPem` into a new folder under the system's temporary folder. */
export async function writeTrustFiles(caPem: string, dir?: string): Promise<TrustFiles> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'token-lab-tenant-')));
  const notes: string[] = [];
  const caFile = join(folder, 'sandbox-ca.pem');
  await writeFile(caFile, caPem);

  const system = SYSTEM_BUNDLES.find((path) => existsSync(path));
  if (!system) notes.push('No system certificate bundle was found, so the bundle holds the sandbox authority alone: a program given it can reach only the sandbox.');
  const bundleFile = join(folder, 'bundle.pem');
  await writeFile(bundleFile, `${system ? `${(await readFile(system, 'utf8')).trimEnd()}\n` : ''}${caPem}`);

  const trustStore = await javaTrustStore(folder, caFile, notes);
  const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
  const exports = [
    `export NODE_EXTRA_CA_CERTS=${quote(caFile)}`,
    `export SSL_CERT_FILE=${quote(bundleFile)}`,
    `export REQUESTS_CA_BUNDLE=${quote(bundleFile)}`,
    `export CURL_CA_BUNDLE=${quote(bundleFile)}`,
    ...(trustStore
      ? [`export JAVA_TOOL_OPTIONS=${quote(`-Djavax.net.ssl.trustStore=${trustStore} -Djavax.net.ssl.trustStorePassword=${TRUST_STORE_PASSWORD} -Djavax.net.ssl.trustStoreType=PKCS12`)}`]
      : []),
  ];
  return { dir: folder, caFile, bundleFile, ...(trustStore ? { trustStore } : {}), exports, notes };
}

async function javaTrustStore(folder: string, caFile: string, notes: string[]): Promise<string | undefined> {
  const keytool = onPath('keytool');
  if (!keytool) {
    notes.push('No keytool on the PATH, so there is no trust store for Java (install a JDK to get one).');
    return undefined;
  }
  const store = join(folder, 'truststore.p12');
  // keytool lives in <jdk>/bin; the JDK's authorities in <jdk>/lib/security/cacerts (PKCS#12 since JDK 9).
  const cacerts = join(dirname(dirname(realpathSync(keytool))), 'lib', 'security', 'cacerts');
  if (existsSync(cacerts)) await copyFile(cacerts, store);
  else notes.push(`No cacerts beside ${keytool}, so Java's trust store holds the sandbox authority alone.`);
  try {
    await promisify(execFile)(keytool, ['-importcert', '-noprompt', '-alias', 'token-lab-sandbox-ca', '-file', caFile, '-keystore', store, '-storetype', 'PKCS12', '-storepass', TRUST_STORE_PASSWORD]);
    return store;
  } catch (error) {
    notes.push(`keytool could not make Java's trust store: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function onPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, command);
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}
