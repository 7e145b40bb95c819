/**
 * The Output and Requests panels of a playground: what the run worker's messages show the reader,
 * and the record of them a lab check reads (RunEvidence), kept together so the two never disagree.
 */
import { el } from '../element-factory.ts';
import type { WorkerMessage } from '../protocol.ts';
import type { RunEvidence } from '../run-hooks.ts';
import type { RunOutcome } from '../worker-host.ts';
import type { AttachedEditor } from './attach-editor.ts';
import type { PlaygroundParts } from './playground-parts.ts';
import { renderRequest } from './render-request.ts';
import { renderValue } from './render-value.ts';
import { tokenView } from './token-view.ts';

/** What the current run did, collected from the worker's messages. */
export type RunRecord = Pick<RunEvidence, 'requests' | 'errors' | 'hasResult' | 'resultJson'>;

export interface OutputPanel {
  /** Empties both panels and the record for a new run. */
  clear(): void;
  /** Shows one message from the run worker, and records it. */
  show(message: WorkerMessage): void;
  /** Says in the output why a run was cut short; errors the code threw are there already. */
  finish(outcome: RunOutcome): void;
  /** An error in the output, and beside its line in the editor when it has one. */
  showError(message: string, line?: number, column?: number, name?: string): void;
  /** The current run's record. */
  record(): RunRecord;
}

/**
 * @param id The playground's id, to name the token panels it opens.
 * @param editor The editor, once it has loaded.
 * @param now The tenant's clock in ms, so a lesson's fast-forward shows in a token's countdown.
 */
export function outputPanel(ui: PlaygroundParts, id: string, editor: () => AttachedEditor | undefined, now: () => number): OutputPanel {
  let requestCount = 0;
  let record: RunRecord = { requests: [], errors: [], hasResult: false };

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

  function showError(message: string, line?: number, column?: number, name = 'Error'): void {
    const where = line ? ` (line ${line}${column ? `, column ${column}` : ''})` : '';
    ui.output.append(el('div', { class: 'tl-out tl-out-error' }, el('span', { class: 'tl-out-level' }, `${name}${where}: `), message));
    if (line) editor()?.markRunError(`${name}: ${message}`, line, column);
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
    const panel = tokenView(raw, now, panelId);
    chip.setAttribute('aria-controls', panelId);
    chip.setAttribute('aria-expanded', 'true');
    (chip.closest('.tl-out') ?? chip).after(panel);
  }

  return {
    clear: () => {
      ui.output.replaceChildren();
      ui.requestList.replaceChildren();
      ui.requestsPlaceholder.hidden = true;
      requestCount = 0;
      record = { requests: [], errors: [], hasResult: false };
    },
    show,
    finish: (outcome) => {
      if (outcome.status === 'timeout' || outcome.status === 'stopped' || outcome.status === 'crashed') {
        ui.output.append(el('div', { class: 'tl-out tl-out-error' }, outcome.message));
      }
    },
    showError,
    record: () => record,
  };
}
