/**
 * Test support (not shipped): runs learner TypeScript in Node the way a playground runs it in
 * the browser (same session, guarded fetch and `tokenLab`, the same MessagePort to the tenant's
 * MSW handlers), and returns the same RunEvidence a page would hand to a check.
 *
 * @module
 */
import * as jose from 'jose';
import ts from 'typescript';
import { publishModule } from '../playground/learner-modules.ts';
import type { RunContext, WorkerMessage } from '../playground/protocol.ts';
import type { PreparedRun, RunEvidence } from '../playground/run-hooks.ts';
import { startSession } from '../playground/run-session.ts';
import { serveTenantPort } from '../playground/serve-tenant-port.ts';
import { createPortSender } from '../playground/tenant-port-client.ts';
import { SEEDED_CREDENTIALS, type Tenant } from '../tenant/index.ts';
import { createTenantResponder } from '../tenant/hosts/tenant-responder.ts';

const dataUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
let joseUrl: string | undefined;
// Node caches modules by URL: without a run number, the same code run twice would not run again.
let runs = 0;

/** Transpiles and runs `source` as the reader's app (or the prepared one); resolves with the evidence. */
export async function runCodeInNode(source: string, tenant: Tenant, prepared: PreparedRun = {}): Promise<RunEvidence> {
  joseUrl ??= dataUrl(publishModule(globalThis, 'jose', jose));
  const code = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleDetection: ts.ModuleDetectionKind.Force },
  }).outputText;
  const reporting = SEEDED_CREDENTIALS.reporting;
  const context: RunContext = {
    domain: tenant.domain,
    clientId: prepared.app?.clientId ?? reporting.client_id,
    clientSecret: prepared.app?.clientSecret ?? reporting.client_secret,
    audience: tenant.managementAudience,
    clockOffsetMs: tenant.clock.now() - Date.now(),
    ...(prepared.input === undefined ? {} : { input: prepared.input }),
  };
  const messages: WorkerMessage[] = [];
  const saved = { fetch: globalThis.fetch, console: { ...console } };
  const channel = new MessageChannel();
  const served = serveTenantPort(channel.port1, { allowedHosts: [tenant.domain], answer: createTenantResponder(() => tenant) });
  try {
    const session = startSession(
      { type: 'run', id: 'node-run', code, context, allowedHosts: [tenant.domain] },
      {
        scope: globalThis,
        post: (message) => messages.push(message),
        sendToTenant: createPortSender(channel.port2),
        modules: { jose: joseUrl },
        moduleUrl: (text) => dataUrl(`${text}\n// run ${++runs}`),
        importModule: (url) => import(/* @vite-ignore */ url),
        defineGlobal: (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true }),
      },
    );
    await session.finished;
  } finally {
    served.close();
    channel.port2.close();
    globalThis.fetch = saved.fetch;
    Object.assign(console, saved.console);
    delete (globalThis as { tokenLab?: unknown }).tokenLab;
  }
  const evidence: RunEvidence = { status: 'ok', message: 'Done.', requests: [], errors: [], hasResult: false, context };
  for (const message of messages) {
    if (message.type === 'request') evidence.requests.push(message.request);
    else if (message.type === 'error') evidence.errors.push({ name: message.name, message: message.message });
    else if (message.type === 'result') {
      evidence.hasResult = true;
      if (message.json !== undefined) evidence.resultJson = message.json;
    }
  }
  if (evidence.errors.length > 0) evidence.status = 'error';
  return evidence;
}
