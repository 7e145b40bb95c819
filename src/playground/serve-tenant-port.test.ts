import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveTenantPort, type AnswerRequest, type ServedPort } from './serve-tenant-port.ts';
import { createPortSender } from './tenant-port-client.ts';
import { createGuardedFetch } from './fetch-guard.ts';
import type { WireRequest, WireResponseMessage } from './request-wire.ts';
import { freshTenant } from '../tenant/hosts/testing.ts';
import { createTenantResponder } from '../tenant/hosts/tenant-responder.ts';
import { SEEDED_CREDENTIALS } from '../tenant/index.ts';

const DOMAIN = 'acme.auth0.test';
const open: Array<{ served: ServedPort; port: MessagePort }> = [];
afterEach(() => {
  for (const { served, port } of open.splice(0)) {
    served.close();
    port.close();
  }
});

function serve(answer: AnswerRequest, maxRequests?: number) {
  const channel = new MessageChannel();
  const served = serveTenantPort(channel.port1, { allowedHosts: [DOMAIN], answer, ...(maxRequests ? { maxRequests } : {}) });
  open.push({ served, port: channel.port2 });
  return { served, send: createPortSender(channel.port2), worker: channel.port2 };
}

/** What the page answers to a raw message, as a worker whose guard was bypassed would send it. */
function rawAnswer(worker: MessagePort, data: unknown): Promise<WireResponseMessage> {
  return new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data as WireResponseMessage);
    worker.postMessage(data);
  });
}

const get = (url: string, headers: Array<[string, string]> = []): WireRequest => ({ method: 'GET', url, headers, body: null });

describe('serveTenantPort', () => {
  it('answers a tenant request with the answer function and sends the body as bytes', async () => {
    const answer = vi.fn<AnswerRequest>(async (request) => Response.json({ path: new URL(request.url).pathname, auth: request.headers.get('authorization') }, { status: 201 }));
    const { send } = serve(answer);
    const response = await send(get(`https://${DOMAIN}/api/v2/clients`, [['authorization', 'Bearer t']]));
    expect(response).toMatchObject({ kind: 'response', status: 201, headers: [['content-type', 'application/json']] });
    expect(JSON.parse(new TextDecoder().decode((response as { body: ArrayBuffer }).body))).toEqual({ path: '/api/v2/clients', auth: 'Bearer t' });
  });

  it.each([
    ['another origin', get('http://127.0.0.1:9/steal'), /Blocked a request to http:\/\/127\.0\.0\.1:9/],
    ['the tenant over http', get(`http://${DOMAIN}/oauth/token`), /Blocked a request to http:\/\/acme\.auth0\.test/],
    ['a header the tenant does not read', get(`https://${DOMAIN}/x`, [['x-msw-intention', 'passthrough']]), /refused a request: it carries a header the tenant does not read/],
    ['a URL that is not one', get('not a url'), /cannot read/],
    ['a 20 000-character URL', get(`https://${DOMAIN}/${'a'.repeat(20_000)}`), /its URL is 20024 characters long; the sandbox takes at most 16384/],
    ['a method with a space', { ...get(`https://${DOMAIN}/x`), method: 'GET X' }, /its method is not an HTTP method/],
  ])('refuses %s in its own realm, whatever the worker\'s guard did, and never asks the tenant', async (_, request, message) => {
    const answer = vi.fn<AnswerRequest>(async () => new Response('no'));
    const { worker } = serve(answer);
    const reply = await rawAnswer(worker, { requestId: 7, request });
    expect(reply).toEqual({ requestId: 7, response: { kind: 'network-error', message: expect.stringMatching(message) } });
    expect(answer).not.toHaveBeenCalled();
  });

  it('answers a request no handler matches with a network error, never the network', async () => {
    const { send } = serve(async () => undefined);
    expect(await send(get(`https://${DOMAIN}/nowhere`))).toEqual({ kind: 'network-error', message: '[playground] The mocked tenant has no answer for GET /nowhere.' });
  });

  it('treats a network-error response (status 0) from a handler as a network error', async () => {
    const { send } = serve(async () => Response.error());
    expect(await send(get(`https://${DOMAIN}/x`))).toMatchObject({ kind: 'network-error' });
  });

  it('stops answering a run that sends more requests than the cap', async () => {
    const { send } = serve(async () => new Response('ok'), 3);
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(get(`https://${DOMAIN}/x`))));
    expect(answers.map((answer) => answer.kind)).toEqual(['response', 'response', 'response', 'network-error', 'network-error']);
    expect(answers[4]).toMatchObject({ message: '[playground] More than 3 requests in one run: the mocked tenant answers no more until the next Run.' });
  });

  it('sends nothing back once closed', async () => {
    const answer = vi.fn<AnswerRequest>(async () => new Response('late'));
    const { served, worker } = serve(answer);
    served.close();
    let replied = false;
    worker.onmessage = () => (replied = true);
    worker.postMessage({ requestId: 1, request: get(`https://${DOMAIN}/x`) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(replied).toBe(false);
    expect(answer).not.toHaveBeenCalled();
  });

  it('ignores a message without a request id and answers one with a bad request by its id', async () => {
    const { worker } = serve(async () => new Response('x'));
    const replies: unknown[] = [];
    worker.onmessage = (event) => replies.push(event.data);
    worker.postMessage({ request: get(`https://${DOMAIN}/x`) });
    worker.postMessage('hello');
    worker.postMessage({ requestId: 3, request: { ...get(`https://${DOMAIN}/x`), body: 'not bytes' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(replies).toEqual([{ requestId: 3, response: { kind: 'network-error', message: '[playground] The sandbox refused a request: its body is not bytes.' } }]);
  });

  it('carries a learner\'s client-credentials grant to the real tenant handlers and back', async () => {
    const tenant = await freshTenant();
    const { send } = serve(createTenantResponder(() => tenant));
    const guarded = createGuardedFetch(send, { allowedHosts: [tenant.domain], onRecord: () => {} });
    const { client_id, client_secret } = SEEDED_CREDENTIALS.reporting;
    const response = await guarded(`https://${tenant.domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'msw/passthrough' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret, audience: tenant.managementAudience }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 86400 });
  });
});
