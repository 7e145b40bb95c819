/**
 * The run worker's entry: a dedicated module worker that runs one piece of learner code and is
 * then thrown away by the page. Everything testable lives in `run-session.ts`; this file only
 * wires it to the real worker scope. Construct it with `createRunWorker()`.
 *
 * The worker has no network. Its learner-facing `fetch` sends plain data over the MessagePort
 * that came with the `run` message, and the page answers with the tenant's handlers; the worker
 * also inherits the page's Content-Security-Policy (it is made from a blob: URL), so even a
 * fetch that got past the guard could reach no other origin.
 *
 * @module
 */
import './intrinsics.ts';
import * as jose from 'jose';
import { publishModule } from './learner-modules.ts';
import { parseRunMessage } from './protocol.ts';
import { startSession, type Session } from './run-session.ts';
import { createPortSender } from './tenant-port-client.ts';
import { blockCodeFromStrings, defineLockedGlobal, lockDownWorkerScope } from './worker-lockdown.ts';

const scope = globalThis;
// Taken before anything else runs: the lockdown hides postMessage and URL.createObjectURL.
const createObjectUrl = URL.createObjectURL.bind(URL);
const post = lockDownWorkerScope(scope);
blockCodeFromStrings(scope);

const moduleUrl = (code: string) => createObjectUrl(new Blob([code], { type: 'text/javascript' }));
const modules = { jose: moduleUrl(publishModule(scope, 'jose', jose)) };
let session: Session | null = null;

scope.addEventListener('message', (event: MessageEvent) => {
  // One run per worker: a second `run` (or one the learner dispatches) is ignored.
  if (session) return;
  const run = parseRunMessage(event.data);
  const port = event.ports[0];
  if (!run || !port) return;
  session = startSession(run, {
    scope,
    post,
    sendToTenant: createPortSender(port),
    modules,
    moduleUrl,
    importModule: (url) => import(/* @vite-ignore */ url),
    defineGlobal: (name, value) => defineLockedGlobal(scope, name, value),
  });
});

// An error thrown later (in a timer or event handler) still belongs to the run: report it
// instead of letting it reach the page as a worker crash.
scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  session?.reportUncaught(event.error ?? event.message, { url: event.filename, line: event.lineno, column: event.colno });
});

scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  session?.reportUncaught(event.reason);
});
