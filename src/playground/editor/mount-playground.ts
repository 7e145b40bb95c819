/**
 * Turns a server-rendered <token-lab-playground> into a live one: a runner that executes the
 * learner's TypeScript in a Web Worker against the page's mocked tenant, the Output and Requests
 * panels, and then Monaco in place of the static code (attach-editor.ts). The playground can run
 * before the editor has loaded: the code is stripped of its types by a small transpiler, so a
 * reader who lands on a page and presses Run at once waits for the runner, not for 2 MB of editor.
 * Loaded on demand by the Playground component, never with the page.
 */
import { readerApp } from './reader-app.ts';
import { outputPanel } from './output-panel.ts';
import { playgroundParts, showNotice, showStaticCode, withoutPrefix } from './playground-parts.ts';
import { exportCode, shareCode, type ShareExportHost } from './share-export.ts';
import type { AttachedEditor } from './attach-editor.ts';
import { holdKeys } from './held-keys.ts';
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { createRunner } from '../worker-host.ts';
import { createRunWorker } from '../create-run-worker.ts';
import { loadCode, saveCode, clearCode } from '../code-store.ts';
import { browserStorage } from '../browser-storage.ts';
import { readSharedCode } from '../share-link.ts';
import { transpileForRun } from '../quick-transpile.ts';
import type { MountedPlayground, PlaygroundElement, RunEvidence } from '../run-hooks.ts';

const SAVE_DELAY_MS = 400;

export type { MountedPlayground };

/** Mounts one playground; resolves as soon as it can run code, while the editor goes on loading. */
export async function mountPlayground(host: PlaygroundElement): Promise<MountedPlayground> {
  const id = host.dataset.id!;
  const timeLimitMs = Number(host.dataset.timeLimit) || 5000;
  const ui = playgroundParts(host);
  // First, before anything is awaited: from here on no key pressed on the static code is lost.
  const keys = holdKeys(ui.staticCode);
  const starter = JSON.parse(ui.starter.textContent ?? '""') as string;

  // Which code to show: a share link for this playground, then the reader's saved edits, then the starter.
  const storage = browserStorage();
  const shared = await readSharedCode(location.href, id);
  const saved = loadCode(storage, id, starter);
  const sharedCode = shared && 'code' in shared ? shared.code : undefined;
  const notices = [shared && 'notice' in shared ? shared.notice : undefined, saved.notice].filter((notice): notice is string => Boolean(notice));
  const initial = sharedCode ?? saved.code;
  if (notices.length) showNotice(ui, notices.map(withoutPrefix).join(' '));
  const store = (code: string) => {
    const outcome = saveCode(storage, id, code, starter, Date.now());
    if (!outcome.saved) showNotice(ui, withoutPrefix(outcome.notice));
  };

  // The code lives here until the editor is there, then in the editor's model.
  let editor: AttachedEditor | undefined;
  let pendingCode = initial;
  const getCode = () => editor?.getCode() ?? pendingCode;
  if (initial !== starter) showStaticCode(ui, initial);
  if (sharedCode !== undefined) store(sharedCode);

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => store(getCode()), SAVE_DELAY_MS);
  };

  const tenantReady = startBrowserTenant();
  let browserTenant: Awaited<typeof tenantReady> | undefined;
  void tenantReady.then((ready) => (browserTenant = ready)).catch(() => undefined);
  // The tenant's clock, so a lesson's fast-forward shows in a token's countdown. Read through the
  // browser tenant each time: a reset (or another tab's change) replaces the tenant, clock and all.
  const now = () => (browserTenant ? browserTenant.tenant.clock.now() : Date.now());
  const output = outputPanel(ui, id, () => editor, now);

  const runner = createRunner({
    createWorker: createRunWorker,
    timeLimitMs,
    keepSpare: true,
    // The worker's only way to the tenant: the page answers its requests, here, with the tenant's handlers.
    answer: async (request) => (await tenantReady).answer(request),
    onMessage: (message) => output.show(message),
  });
  runner.prepare();

  const runOnce = async (): Promise<RunEvidence | undefined> => {
    if (ui.run.disabled) return undefined;
    setRunning(true);
    output.clear();
    editor?.clearRunMarks();
    setStatus('Running…');
    try {
      const { tenant, notice } = await tenantReady;
      const app = readerApp(tenant, storage);
      // A reset tenant no longer has the reader's app, so both notices can come at once.
      const told = [notice, app.notice].filter(Boolean).join(' ');
      if (told) showNotice(ui, told);
      const emitted = transpileForRun(getCode());
      if (emitted.kind === 'empty') {
        const message = 'Nothing to run: the editor holds no code. Reset brings the starting code back.';
        setStatus(message);
        return { status: 'not-run', message, ...output.record(), context: app.context };
      }
      if (emitted.kind === 'syntax-error') {
        // TypeScript words it better, once the editor has it; the stripper's words do before.
        const problem = (await editor?.syntaxError().catch(() => undefined)) ?? emitted;
        output.showError(problem.message, problem.line, problem.column, 'SyntaxError');
        setStatus('Not run: fix the syntax error first.');
        return { status: 'not-run', message: 'Not run: fix the syntax error first.', ...output.record(), context: app.context };
      }
      const prepared = (await host.runHooks?.prepare?.(tenant)) ?? {};
      const context = {
        ...app.context,
        ...(prepared.app ?? {}),
        clockOffsetMs: tenant.clock.now() - Date.now(),
        ...(prepared.input === undefined ? {} : { input: prepared.input }),
      };
      const outcome = await runner.run({
        code: emitted.code,
        context,
        allowedHosts: [tenant.domain],
      });
      // Errors the code threw are already in the output; a run cut short says why there too.
      output.finish(outcome);
      setStatus(outcome.message);
      const evidence: RunEvidence = { status: outcome.status, message: outcome.message, ...output.record(), context };
      host.runHooks?.finished?.(evidence, tenant);
      return evidence;
    } catch (error) {
      output.showError(error instanceof Error ? error.message : String(error));
      setStatus('The run could not start.');
      return undefined;
    } finally {
      setRunning(false);
    }
  };
  // The latest run, so the editor can wait for a Run pressed before it loaded.
  let lastRun: Promise<unknown> = Promise.resolve();
  const run = (): Promise<RunEvidence | undefined> => {
    const started = runOnce();
    lastRun = started;
    return started;
  };

  function setRunning(running: boolean): void {
    ui.run.disabled = running;
    ui.stop.disabled = !running;
    host.toggleAttribute('data-running', running);
  }

  function setStatus(text: string): void {
    ui.status.textContent = text;
  }

  ui.run.addEventListener('click', () => void run());
  keys.whenRunAsked(() => void run());
  ui.stop.addEventListener('click', () => runner.stop());
  // In the editor an edit rather than setValue, so Ctrl+Z brings the reader's code back.
  const replaceCode = (code: string) => {
    if (editor) editor.replaceCode(code);
    else {
      pendingCode = code;
      showStaticCode(ui, code);
    }
  };
  ui.reset.addEventListener('click', () => {
    replaceCode(starter);
    clearTimeout(saveTimer);
    clearCode(storage, id);
    editor?.clearRunMarks();
    setStatus(editor ? 'Back to the starting code (Ctrl+Z in the editor undoes this).' : 'Back to the starting code.');
  });
  const shareHost: ShareExportHost = {
    ui,
    id,
    getCode,
    setStatus,
    readerContext: async () => {
      const { tenant } = await tenantReady;
      const { context, notice } = readerApp(tenant, storage);
      if (notice) showNotice(ui, notice);
      return context;
    },
  };
  ui.share.addEventListener('click', () => void shareCode(shareHost));
  ui.export.addEventListener('click', () => void exportCode(shareHost));

  // The editor after the runner: a Run pressed now does not wait for it. When the reader's click
  // on Run is what mounted the playground, that run goes first (it is started right after this
  // function returns): Monaco's 2 MB would otherwise compete with it for the network and the
  // main thread, which also answers the run's requests.
  const LOADING = 'Loading the editor…';
  const LOADING_HELD = 'Loading the editor… What you type goes in when it opens.';
  if (!ui.status.textContent) setStatus(LOADING);
  keys.onHold = () => {
    if (ui.status.textContent === LOADING) setStatus(LOADING_HELD);
  };
  const loadEditor = () => import('./attach-editor.ts');
  void new Promise((resolve) => setTimeout(resolve, 0))
    .then(() => lastRun.catch(() => undefined))
    .then(loadEditor)
    .then(({ attachEditor }) => {
      editor = attachEditor({
        host,
        id,
        title: ui.title,
        code: pendingCode,
        editorBox: ui.editorBox,
        staticCode: ui.staticCode,
        problems: ui.problems,
        before: ui.toolbar,
        after: ui.output,
        onChange: saveSoon,
        onRunShortcut: () => void run(),
      });
      // A run's outcome stays on the status line; only the loading note gives way.
      if (ui.status.textContent === LOADING || ui.status.textContent === LOADING_HELD) setStatus('Editor ready.');
      const held = keys.release();
      editor.typeHeld(held.edits);
      if (held.run) void run();
    })
    .catch((error: unknown) => {
      console.error('[playground] the editor could not load', error);
      const held = keys.release();
      const lost = held.edits.length ? ' What you typed could not go in.' : '';
      setStatus(`The editor could not load; Run still runs the code shown.${lost} Reload the page to try again.`);
      if (held.run) void run();
    });
  return {
    run,
    getCode,
    setCode: (code) => {
      replaceCode(code);
      clearTimeout(saveTimer);
      store(code);
    },
  };
}
