/**
 * The two HTTP calls the lesson widgets make against the mocked tenant: the same requests a
 * reader's server would send, so what a widget shows is what a real tenant answers. The `fetch`
 * is always passed in, and on a page it is the browser tenant's own (`BrowserTenant.fetch`),
 * answered in the page: no widget has a network path to the tenant. Errors come back as values
 * (status + body), never as exceptions.
 */

/** What a call answered: the status and the parsed JSON body (`null` when there was none). */
export interface HttpOutcome {
  readonly status: number;
  readonly body: unknown;
}

/** An application's credentials for the client-credentials grant. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly audience: string;
}

type Fetch = typeof fetch;

/** `POST https://{domain}/oauth/token` with `grant_type=client_credentials`. */
export async function requestToken(domain: string, credentials: ClientCredentials, fetchImpl: Fetch): Promise<HttpOutcome> {
  const response = await fetchImpl(`https://${domain}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      audience: credentials.audience,
    }),
  });
  return { status: response.status, body: await readJson(response) };
}

/** A Management API call with `Authorization: Bearer <token>`, e.g. `GET /api/v2/clients`. */
export async function callManagementApi(domain: string, method: string, path: string, token: string, fetchImpl: Fetch): Promise<HttpOutcome> {
  const response = await fetchImpl(`https://${domain}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await readJson(response) };
}

/** The access token of a successful token response, or `undefined`. */
export function accessTokenOf(outcome: HttpOutcome): string | undefined {
  if (outcome.status !== 200 || typeof outcome.body !== 'object' || outcome.body === null) return undefined;
  const token = (outcome.body as { access_token?: unknown }).access_token;
  return typeof token === 'string' ? token : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
