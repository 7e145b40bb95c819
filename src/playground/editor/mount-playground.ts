/**
 * Turns a server-rendered <token-lab-playground> into a live one: Monaco in place of the
 * static code, a runner that executes the learner's TypeScript in a Web Worker against the
 * page's mocked tenant, and the Output and Requests panels. Loaded on demand by the
 * Playground component, never with the page.
 */
import { monaco, getTypeScriptWorker } from './monaco-core.ts';
import { configureTypeScript } from './typescript-setup.ts';
import { el } from './dom.ts';
import { renderValue } from './render-value.ts';
import { renderRequest } from './render-request.ts';
import { tokenView } from './token-view.ts';
import { readerApp } from './reader-app.ts';
import { startBrowserTenant } from '../browser-tenant.ts';
import { createRunner, type RunOutcome } from '../worker-host.ts';
import { createRunWorker } from '../create-run-worker.ts';
import type { WorkerMessage } from '../protocol.ts';
import { loadCode, saveCode, clearCode, type CodeStorage } from '../code-store.ts';
import { createShareUrl, readSharedCode } from '../share-link.ts';
import { toCurlCommand, toNodeScript } from '../export-code.ts';
import { transpileModel } from './transpile.ts';
import { leaveEditorWithEscapeTab } from './keyboard-exit.ts';
import { describeProblems } from './problem-summary.ts';
import type { MountedPlayground, PlaygroundElement, RunEvidence } from '../run-hooks.ts';

const SAVE_DELAY_MS = 400;
const RUN_MARKER_OWNER = 'token-lab-run';

export type { MountedPlayground };

/** Mounts one playground; resolves when the editor is ready to run code. */
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

  configureTypeScript();
  const model = monaco.editor.createModel(initial, 'typescript', monaco.Uri.parse(`file:///playgrounds/${id}.ts`));
  const editor = monaco.editor.create(ui.editorBox, {
    model,
    theme: themeName(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineHeight: 21,
    padding: { top: 8, bottom: 8 },
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    tabSize: 2,
    // Monaco fades unused names to a grey that fails AA contrast; the TS diagnostics still say so.
    showUnused: false,
    ariaLabel: `${ui.title}: code editor. Ctrl+Enter runs. Escape then Tab leaves the editor.`,
  });
  ui.staticCode.remove();
  leaveEditorWithEscapeTab(editor, ui.toolbar, ui.output);
  followSiteTheme();
  if (sharedCode !== undefined) store(sharedCode);

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  model.onDidChangeContent(() => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => store(model.getValue()), SAVE_DELAY_MS);
  });

  const tenantReady = startBrowserTenant();
  const runner = createRunner({
    createWorker: createRunWorker,
    timeLimitMs,
    onMessage: (message) => show(message),
  });

  let requestCount = 0;
  // What the current run did, collected from the worker's messages for RunEvidence.
  let record: Pick<RunEvidence, 'requests' | 'errors' | 'hasResult' | 'resultJson'> = { requests: [], errors: [], hasResult: false };
  const run = async (): Promise<RunEvidence | undefined> => {
    if (ui.run.disabled) return undefined;
    setRunning(true);
    ui.output.replaceChildren();
    ui.requestList.replaceChildren();
    ui.requestsPlaceholder.hidden = true;
    requestCount = 0;
    record = { requests: [], errors: [], hasResult: false };
    monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []);
    setStatus('Running…');
    try {
      const { tenant, notice } = await tenantReady;
      const app = readerApp(tenant, storage);
      // A reset tenant no longer has the reader's app, so both notices can come at once.
      const told = [notice, app.notice].filter(Boolean).join(' ');
      if (told) showNotice(ui, told);
      const emitted = await transpileModel(getTypeScriptWorker, model);
      if (emitted.syntaxError) {
        showError(emitted.syntaxError.message, emitted.syntaxError.line, emitted.syntaxError.column, 'SyntaxError');
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
        ...(emitted.sourceMap ? { sourceMap: emitted.sourceMap } : {}),
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
        showError(message.message, message.line, message.column, message.name);
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
    if (line) {
      const lineNumber = Math.min(Math.max(1, line), model.getLineCount());
      monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, [
        {
          severity: monaco.MarkerSeverity.Error,
          message: `${name}: ${message}`,
          startLineNumber: lineNumber,
          startColumn: column ?? 1,
          endLineNumber: lineNumber,
          endColumn: column ? column + 1 : model.getLineMaxColumn(lineNumber),
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
    }
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

  // An action, not addCommand: Monaco's addCommand bindings are page-global, so with two
  // playgrounds Ctrl+Enter would run the last one created whichever editor has focus.
  editor.addAction({
    id: 'token-lab.run',
    label: 'Run the code',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => void run(),
  });
  ui.run.addEventListener('click', () => void run());
  ui.stop.addEventListener('click', () => runner.stop());
  // An edit rather than setValue, so Ctrl+Z brings the reader's code back.
  const replaceCode = (code: string) => model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
  ui.reset.addEventListener('click', () => {
    replaceCode(starter);
    clearTimeout(saveTimer);
    clearCode(storage, id);
    monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []);
    setStatus('Back to the starting code (Ctrl+Z in the editor undoes this).');
  });
  ui.share.addEventListener('click', () => void share());
  ui.export.addEventListener('click', () => void exportCode());

  async function share(): Promise<void> {
    try {
      const url = await createShareUrl(location.href, id, model.getValue());
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
    const node = toNodeScript(model.getValue(), context);
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

  setStatus('Editor ready.');
  // What TypeScript marked, in words under the editor. Monaco sends no event when a file that had
  // no markers still has none, so the line is first written once TypeScript is warm; markers that
  // land a moment later arrive as a change event and rewrite it.
  let typescriptReady = false;
  const showProblems = () => {
    if (!typescriptReady) return;
    const markers = monaco.editor.getModelMarkers({ resource: model.uri, owner: 'typescript' });
    ui.problems.textContent = describeProblems(markers);
    ui.problems.dataset.count = String(markers.filter((marker) => marker.severity === monaco.MarkerSeverity.Error).length);
    ui.problems.hidden = false;
  };
  monaco.editor.onDidChangeMarkers((uris) => {
    if (uris.some((uri) => uri.toString() === model.uri.toString())) showProblems();
  });
  // Warm the TypeScript worker (libraries, jose's types) in the background: the reader can type
  // at once, and the first Run does not pay for loading the compiler.
  void transpileModel(getTypeScriptWorker, model)
    .catch(() => undefined)
    .finally(() => {
      typescriptReady = true;
      showProblems();
      host.setAttribute('data-typescript-ready', '');
    });
  return {
    run,
    getCode: () => model.getValue(),
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

function browserStorage(): CodeStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked (some private modes): edits last for this page view.
  }
}

// Readers see plain sentences; the [playground] prefix is for the console.
function withoutPrefix(text: string): string {
  return text.replace(/^\[playground\]\s*/, '');
}

function showNotice(ui: ReturnType<typeof parts>, text: string): void {
  ui.notice.textContent = text;
  ui.notice.hidden = false;
}

// Monaco's stock themes with comments recoloured: vs-dark's green comments fail AA contrast.
let themesDefined = false;
function themeName(): string {
  if (!themesDefined) {
    themesDefined = true;
    monaco.editor.defineTheme('token-lab-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: 'A7B4A0' }], colors: {} });
    monaco.editor.defineTheme('token-lab-light', { base: 'vs', inherit: true, rules: [{ token: 'comment', foreground: '2F6B2F' }], colors: {} });
  }
  return document.documentElement.dataset.theme === 'light' ? 'token-lab-light' : 'token-lab-dark';
}

let followingTheme = false;
function followSiteTheme(): void {
  if (followingTheme) return;
  followingTheme = true;
  new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}
