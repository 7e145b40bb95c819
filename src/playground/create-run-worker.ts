import runWorkerScript from './run-worker.ts?worker&url';

let entry: string | undefined;

/**
 * Starts a fresh run worker, made from a blob: URL whose only line imports the bundled run
 * worker. The blob matters: a worker made from a blob: URL inherits its page's
 * Content-Security-Policy (measured in Chromium: the page's meta tag, `connect-src` included),
 * while a worker made from a script URL is ruled only by that script's response headers, which a
 * static host does not send. So the page's policy is the second wall around learner code: no
 * fetch, WebSocket or import to another origin, no `data:` module and no `eval`, even if the
 * run worker's own guard were fooled. `type: 'module'`: learner code is loaded with `import()`
 * and may use top-level `await`.
 */
export function createRunWorker(): Worker {
  // One blob URL for every worker of the page: it holds one import line, and a worker made from a
  // URL revoked too early would fail to load.
  entry ??= URL.createObjectURL(
    new Blob([`import ${JSON.stringify(new URL(runWorkerScript, location.href).href)};\n`], { type: 'text/javascript' }),
  );
  return new Worker(entry, { type: 'module', name: 'token-lab-run' });
}
