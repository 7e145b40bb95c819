/**
 * Turns a server-rendered <token-lab-playground> into a live one: a runner that executes the
 * learner's TypeScript in a Web Worker against the page's mocked tenant, the Output and Requests
 * panels, and then Monaco in place of the static code (attach-editor.ts). The playground can run
 * before the editor has loaded: the code is stripped of its types by a small transpiler, so a
 * reader who lands on a page and presses Run at once waits for the runner, not for 2 MB of editor.
 * Loaded on demand by the Playground component, never with the page.
 */
import { el } from '../element-factory.ts';
import { renderValue } from './render-value.ts';
import { renderRequest } from './render-request.ts';
import { tokenView } from './token-view.ts';
import { readerApp } from './reader-app.ts';
import type { AttachedEditor } from './attach-editor.ts';
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { createRunner, type RunOutcome } from '../worker-host.ts';
import { createRunWorker } from '../create-run-worker.ts';
import type { WorkerMessage } from '../protocol.ts';
import { loadCode, saveCode, clearCode } from '../code-store.ts';
import { browserStorage } from '../browser-storage.ts';
import { createShareUrl, readSharedCode } from '../share-link.ts';
import { toCurlCommand, toNodeScript } from '../export-code.ts';
import { transpileForRun } from '../quick-transpile.ts';
import type { MountedPlayground, PlaygroundElement, RunEvidence } from '../run-hooks.ts';

const SAVE_DELAY_MS = 400;

export type { MountedPlayground };

/** Mounts one playground; resolves as soon as it can run code, while the editor goes on loading. */
export async function mountPlayground(host: PlaygroundElement): Promise<MountedPlayground> {
  const id = host.dataset.id!;
  const timeLimitMs = Number(host.dataset.timeLimit) || 5000;
  const ui = parts(host);
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
  const runner = createRunner({
    createWorker: createRunWorker,
    timeLimitMs,
    keepSpare: true,
    onMessage: (message) => show(message),
  });
  // Only now: a worker made before the service worker controls the page would not be served by it.
  void tenantReady.then(() => runner.prepare(), () => undefined);

  let requestCount = 0;
  // What the current run did, collected from the worker's messages for RunEvidence.
  let record: Pick<RunEvidence, 'requests' | 'errors' | 'hasResult' | 'resultJson'> = { requests: [], errors: [], hasResult: false };
  const runOnce = async (): Promise<RunEvidence | undefined> => {
    if (ui.run.disabled) return undefined;
    setRunning(true);
    ui.output.replaceChildren();
    ui.requestList.replaceChildren();
    ui.requestsPlaceholder.hidden = true;
    requestCount = 0;
    record = { requests: [], errors: [], hasResult: false };
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
        return { status: 'not-run', message, ...record, context: app.context };
      }
      if (emitted.kind === 'syntax-error') {
        // TypeScript words it better, once the editor has it; the stripper's words do before.
        const problem = (await editor?.syntaxError().catch(() => undefined)) ?? emitted;
        showError(problem.message, problem.line, problem.column, 'SyntaxError');
        setStatus('Not run: fix the syntax error first.');
        return { status: 'not-run', message: 'Not run: fix the syntax error first.', ...record, context: app.context };
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
      finish(outcome);
      const evidence: RunEvidence = { status: outcome.status, message: outcome.message, ...record, context };
      host.runHooks?.finished?.(evidence, tenant);
      return evidence;
    } catch (error) {
      showError(error instanceof Error ? error.message : String(error));
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

  function show(message: WorkerMessage): void {
    switch (message.type) {
      case 'log': {
        const line = el('div', { class: `tl-out tl-out-${message.level}` });
        if (message.level === 'warn' || message.level === 'error') line.append(el('span', { class: 'tl-out-level' }, `${message.level}: `));
        message.values.forEach((value, index) => {
          if (index > 0) line.append(' ');
          line.append(renderValue(value, openToken));
        });
        ui.output.append(line);
        break;
      }
      case 'result':
        record.hasResult = true;
        if (message.json !== undefined) record.resultJson = message.json;
        if (message.value.kind !== 'undefined') {
          ui.output.append(el('div', { class: 'tl-out tl-out-result' }, el('span', { class: 'tl-out-level' }, 'Returned: '), renderValue(message.value, openToken)));
        }
        break;
      case 'request':
        record.requests.push(message.request);
        requestCount += 1;
        ui.requestList.append(renderRequest(message.request, requestCount));
        break;
      case 'error':
        record.errors.push({ name: message.name, message: message.message });
        // The stripped code keeps the learner's lines but not their columns: place it by line.
        showError(message.message, message.line, undefined, message.name);
        break;
      default:
        break;
    }
  }

  function finish(outcome: RunOutcome): void {
    // Errors the code threw are already in the output; a run cut short says why there too.
    if (outcome.status === 'timeout' || outcome.status === 'stopped' || outcome.status === 'crashed') {
      ui.output.append(el('div', { class: 'tl-out tl-out-error' }, outcome.message));
    }
    setStatus(outcome.message);
  }

  function showError(message: string, line?: number, column?: number, name = 'Error'): void {
    const where = line ? ` (line ${line}${column ? `, column ${column}` : ''})` : '';
    ui.output.append(el('div', { class: 'tl-out tl-out-error' }, el('span', { class: 'tl-out-level' }, `${name}${where}: `), message));
    if (line) editor?.markRunError(`${name}: ${message}`, line, column);
  }

  let tokenPanels = 0;
  function openToken(raw: string, chip: HTMLButtonElement): void {
    const open = chip.getAttribute('aria-expanded') === 'true';
    const existing = chip.getAttribute('aria-controls');
    if (open && existing) {
      document.getElementById(existing)?.remove();
      chip.setAttribute('aria-expanded', 'false');
      return;
    }
    const panelId = `pg-${id}-token-${++tokenPanels}`;
    const now = () => {
      // The tenant's clock, so a lesson's fast-forward shows in the countdown.
      const ready = tenantSnapshot;
      return ready ? ready.clock.now() : Date.now();
    };
    const panel = tokenView(raw, now, panelId);
    chip.setAttribute('aria-controls', panelId);
    chip.setAttribute('aria-expanded', 'true');
    (chip.closest('.tl-out') ?? chip).after(panel);
  }
  let tenantSnapshot: Awaited<typeof tenantReady>['tenant'] | undefined;
  void tenantReady.then((ready) => (tenantSnapshot = ready.tenant)).catch(() => undefined);

  function setRunning(running: boolean): void {
    ui.run.disabled = running;
    ui.stop.disabled = !running;
    host.toggleAttribute('data-running', running);
  }

  function setStatus(text: string): void {
    ui.status.textContent = text;
  }

  ui.run.addEventListener('click', () => void run());
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
  ui.share.addEventListener('click', () => void share());
  ui.export.addEventListener('click', () => void exportCode());

  async function share(): Promise<void> {
    try {
      const url = await createShareUrl(location.href, id, getCode());
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // No clipboard permission: the field below still lets the reader copy it.
      }
      const field = el('input', { type: 'text', readonly: '', value: url, 'aria-label': 'Share link', class: 'tl-pg-share-url' });
      ui.exportBox.replaceChildren(el('p', {}, copied ? 'Link copied. It reopens this page with your code in this playground:' : 'Copy this link; it reopens this page with your code in this playground:'), field);
      ui.exportBox.hidden = false;
      field.select();
      setStatus(copied ? 'Share link copied.' : 'Share link ready.');
    } catch (error) {
      setStatus(error instanceof Error ? withoutPrefix(error.message) : 'Could not make a share link.');
    }
  }

  async function exportCode(): Promise<void> {
    const { tenant } = await tenantReady;
    const { context, notice } = readerApp(tenant, storage);
    if (notice) showNotice(ui, notice);
    const node = toNodeScript(getCode(), context);
    const curl = toCurlCommand();
    ui.exportBox.replaceChildren(
      el('p', {}, 'Real client secrets belong on a server, in environment variables, never in a browser or a repository. Set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET and AUTH0_AUDIENCE first.'),
      exportBlock('Node script (save as get-token.mjs, run with node get-token.mjs)', node),
      exportBlock('curl', curl),
    );
    ui.exportBox.hidden = false;
    setStatus('Export ready below.');
  }

  function exportBlock(label: string, text: string): HTMLElement {
    const copy = el('button', { type: 'button' }, `Copy ${label.split(' ')[0]}`);
    copy.addEventListener('click', () => {
      navigator.clipboard?.writeText(text).then(
        () => setStatus('Copied.'),
        () => setStatus('Copy failed: select the text and copy it by hand.'),
      );
    });
    return el('div', { class: 'tl-pg-export-block' }, el('h4', {}, label), el('pre', { tabindex: '0' }, el('code', {}, text)), copy);
  }

  // The editor after the runner: a Run pressed now does not wait for it. When the reader's click
  // on Run is what mounted the playground, that run goes first (it is started right after this
  // function returns): Monaco's 2 MB would otherwise compete with it for the network and the
  // main thread, which also answers the run's requests.
  const LOADING = 'Loading the editor…';
  if (!ui.status.textContent) setStatus(LOADING);
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
      if (ui.status.textContent === LOADING) setStatus('Editor ready.');
    })
    .catch((error: unknown) => {
      console.error('[playground] the editor could not load', error);
      setStatus('The editor could not load; Run still runs the code shown. Reload the page to try again.');
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

function parts(host: HTMLElement) {
  const get = <T extends Element>(selector: string) => {
    const found = host.querySelector<T>(selector);
    if (!found) throw new Error(`[playground] the playground markup lacks ${selector}`);
    return found;
  };
  return {
    title: host.querySelector('h3')?.textContent ?? 'Playground',
    toolbar: get<HTMLElement>('[role="toolbar"]'),
    run: get<HTMLButtonElement>('[data-action="run"]'),
    stop: get<HTMLButtonElement>('[data-action="stop"]'),
    reset: get<HTMLButtonElement>('[data-action="reset"]'),
    share: get<HTMLButtonElement>('[data-action="share"]'),
    export: get<HTMLButtonElement>('[data-action="export"]'),
    status: get<HTMLElement>('[data-status]'),
    notice: get<HTMLElement>('[data-notice]'),
    editorBox: get<HTMLElement>('[data-editor]'),
    staticCode: get<HTMLElement>('[data-static]'),
    problems: get<HTMLElement>('[data-problems]'),
    output: get<HTMLElement>('[data-output]'),
    requestList: get<HTMLOListElement>('[data-request-list]'),
    requestsPlaceholder: get<HTMLElement>('[data-requests] .tl-pg-placeholder'),
    exportBox: get<HTMLElement>('[data-export]'),
    starter: get<HTMLScriptElement>('script[data-starter]'),
  };
}

// Readers see plain sentences; the [playground] prefix is for the console.
function withoutPrefix(text: string): string {
  return text.replace(/^\[playground\]\s*/, '');
}

function showNotice(ui: ReturnType<typeof parts>, text: string): void {
  ui.notice.textContent = text;
  ui.notice.hidden = false;
}

// Before the editor, the static view shows the code a Run would run: saved or shared edits, or
// code an exercise put there, as plain text (the highlighted version is of the starter only).
function showStaticCode(ui: ReturnType<typeof parts>, code: string): void {
  ui.staticCode.replaceChildren(el('pre', {}, el('code', {}, code)));
}
