/**
 * One run of learner code inside the worker, written against injected dependencies so it can be
 * tested in Node: install the sandbox (guarded fetch, console capture, `tokenLab`), rewrite
 * imports, load the module, report its default export, then `done`.
 *
 * The learner contract: the module runs top to bottom (top-level await works). If it has an
 * `export default`, the awaited value is the run's result; a default-exported function is called
 * with no arguments first and its awaited return value is the result. The run is over when that
 * settles; timers still pending then are dropped with the worker.
 *
 * @module
 */
import { createConsoleCapture, installConsoleCapture } from './console-capture.ts';
import { createGuardedFetch, type SendToTenant } from './fetch-guard.ts';
import { rewriteImports } from './import-rewrite.ts';
import { createTokenLabGlobal } from './learner-types.ts';
import type { RunMessage, WorkerMessage } from './protocol.ts';
import { serializeValue } from './serialize-value.ts';
import { createPositionMapper, inlineSourceMap, learnerPosition, mapPosition, type PositionMapper } from './source-position.ts';

/** What a session needs from its surroundings. */
export interface SessionEnvironment {
  /** The global scope learner code sees (the worker's `self`). */
  scope: typeof globalThis;
  /** The runtime's private channel to the page. */
  post: (message: WorkerMessage) => void;
  /**
   * Where the learner's requests go: the page, over the run's MessagePort (the worker has no
   * network of its own). The guarded fetch is the only caller.
   */
  sendToTenant: SendToTenant;
  /** Allowed specifier → URL of the module that serves it. */
  modules: Readonly<Record<string, string>>;
  /** Makes a URL the code can be imported from (a blob URL in the worker). */
  moduleUrl: (code: string) => string;
  /** `import()`; injected so the bundler leaves the call alone. */
  importModule: (url: string) => Promise<Record<string, unknown>>;
  /** Installs `fetch` and `tokenLab`; the worker passes `defineLockedGlobal` so they cannot be swapped back. */
  defineGlobal: (name: string, value: unknown) => void;
}

/** A started run: `finished` settles after `done` is posted; `reportUncaught` handles error events. */
export interface Session {
  finished: Promise<void>;
  reportUncaught: (thrown: unknown, where?: { url: string; line: number; column: number }) => void;
}

// Each recorded request becomes a message; past this many a loop of fetches is cut short.
const MAX_RECORDED_REQUESTS = 200;
const MAX_MESSAGE_LENGTH = 2_000;
const MAX_STACK_LENGTH = 8_000;

/** Starts one run. Never rejects: every failure becomes an `error` message. */
export function startSession(run: RunMessage, env: SessionEnvironment): Session {
  const { id } = run;
  const mapper: PositionMapper | null = createPositionMapper(run.sourceMap ?? inlineSourceMap(run.code) ?? '');
  let moduleUrl = '';

  const reportError = (thrown: unknown, where?: { url: string; line: number; column: number }) => {
    let described: ReturnType<typeof describeThrown>;
    try {
      described = describeThrown(thrown);
    } catch {
      described = { name: 'Uncaught', message: 'The code threw a value that cannot even be read (a hostile getter or Proxy).' };
    }
    const position = where && where.url === moduleUrl ? mapPosition(where, mapper) : learnerPosition(described.stack, moduleUrl, mapper);
    env.post({ type: 'error', id, ...described, ...(position ?? {}) });
  };

  const capture = createConsoleCapture({ post: (level, values) => env.post({ type: 'log', id, level, values }) });
  installConsoleCapture(env.scope.console, capture);
  let recorded = 0;
  const guardedFetch = createGuardedFetch(env.sendToTenant, {
    allowedHosts: run.allowedHosts,
    onRecord: (request) => {
      recorded++;
      if (recorded <= MAX_RECORDED_REQUESTS) env.post({ type: 'request', id, request });
      else if (recorded === MAX_RECORDED_REQUESTS + 1) capture.warn(`[playground] More than ${MAX_RECORDED_REQUESTS} requests in one run; the rest are not listed.`);
    },
  });
  env.defineGlobal('fetch', guardedFetch);
  env.defineGlobal('tokenLab', createTokenLabGlobal(run.context, guardedFetch));
  env.post({ type: 'ready', id });

  const reportDefaultExport = async (namespace: Record<string, unknown>) => {
    if (!Object.hasOwn(namespace, 'default')) return;
    const exported = namespace.default;
    const value = await (typeof exported === 'function' ? exported() : exported);
    const json = jsonOf(value);
    env.post({ type: 'result', id, value: serializeValue(value), ...(json === undefined ? {} : { json }) });
  };

  const finished = (async () => {
    try {
      const rewritten = await rewriteImports(run.code, env.modules);
      if (!rewritten.ok) {
        const position = mapPosition(rewritten, mapper);
        env.post({ type: 'error', id, name: 'ImportError', message: rewritten.message, ...(position ?? {}) });
      } else {
        moduleUrl = env.moduleUrl(rewritten.code);
        await reportDefaultExport(await env.importModule(moduleUrl));
      }
    } catch (thrown) {
      reportError(thrown);
    }
    // Let rejections nobody awaited surface (as `unhandledrejection`) before the run is declared
    // over: Chromium reports them in a task of their own, after one more turn of the timer queue.
    await nextTask();
    await nextTask();
    env.post({ type: 'done', id });
  })();

  return { finished, reportUncaught: reportError };
}

// Enough for a list of applications or a set of verdicts; a bigger result is shown, not checked.
const MAX_RESULT_JSON_LENGTH = 256 * 1024;

/** The result as JSON for exercise checks, or undefined when it has none (or a hostile toJSON throws). */
function jsonOf(value: unknown): string | undefined {
  try {
    const json = JSON.stringify(value);
    return typeof json === 'string' && json.length <= MAX_RESULT_JSON_LENGTH ? json : undefined;
  } catch {
    return undefined;
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Name, message and stack of anything thrown, including values that are not Errors. */
export function describeThrown(thrown: unknown): { name: string; message: string; stack?: string } {
  if (thrown instanceof Error) {
    const stack = typeof thrown.stack === 'string' ? thrown.stack.slice(0, MAX_STACK_LENGTH) : undefined;
    return { name: cut(String(thrown.name), 100), message: cut(String(thrown.message), MAX_MESSAGE_LENGTH), ...(stack ? { stack } : {}) };
  }
  const shown = serializeValue(thrown, { maxDepth: 2, maxEntries: 10 });
  const preview = shown.kind === 'string' ? JSON.stringify(shown.value) : previewOf(thrown);
  return { name: 'Uncaught', message: cut(`The code threw ${preview}, which is not an Error, so there is no stack trace. Throw new Error('…') to get one.`, MAX_MESSAGE_LENGTH) };
}

function previewOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
