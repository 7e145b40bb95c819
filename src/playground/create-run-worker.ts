/**
 * Starts a fresh run worker. Vite recognises this exact `new Worker(new URL('…', import.meta.url),
 * { type: 'module' })` form and bundles the worker with its imports (jose included); the options
 * must stay literal for that to work. `type: 'module'` matters: learner code is loaded with
 * `import()` and may use top-level `await`.
 */
export function createRunWorker(): Worker {
  return new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'token-lab-run' });
}
