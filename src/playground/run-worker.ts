/**
 * The run worker's entry: a dedicated module worker that runs one piece of learner code and is
 * then thrown away by the page. Everything testable lives in `run-session.ts`; this file only
 * wires it to the real worker scope. Construct it with `createRunWorker()`.
 *
 * @module
 */
import * as jose from 'jose';
import { publishModule } from './learner-modules.ts';
import { parseRunMessage } from './protocol.ts';
import { startSession, type Session } from './run-session.ts';
import { blockCodeFromStrings, defineLockedGlobal, lockDownWorkerScope } from './worker-lockdown.ts';

const scope = globalThis;
// Taken before anything else runs: the guard wraps the real fetch, and the lockdown hides postMessage.
const realFetch = scope.fetch.bind(scope);
const post = lockDownWorkerScope(scope);
blockCodeFromStrings(scope);

const moduleUrl = (code: string) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
const modules = { jose: moduleUrl(publishModule(scope, 'jose', jose)) };
let session: Session | null = null;

scope.addEventListener('message', (event: MessageEvent) => {
  // One run per worker: a second `run` (or one the learner dispatches) is ignored.
  if (session) return;
  const run = parseRunMessage(event.data);
  if (!run) return;
  session = startSession(run, {
    scope,
    post,
    realFetch,
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
