import type { LogLevel } from './protocol.ts';
import { serializeValue } from './serialize-value.ts';
import type { SerializedValue } from './serialized-value.ts';

/** Limits that keep a flood of console output from flooding the page. */
export interface ConsoleCaptureOptions {
  /** Receives each captured call, already serialized. */
  post: (level: LogLevel, values: SerializedValue[]) => void;
  /** Calls forwarded per run; after that one notice is sent and the rest is dropped. */
  maxMessages?: number;
  /** Arguments kept per call. */
  maxArguments?: number;
}

/** The console methods a capture replaces. */
export type CapturedConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'dir' | 'table' | 'assert'>;

// All arguments of one call share this node budget, so 20 arguments cost no more than one big one.
const NODES_PER_CALL = 2_000;

/**
 * Console methods that serialize what the learner logs and hand it to `post`, up to a cap.
 * `debug`, `trace`, `dir` and `table` show as plain logs; a failing `assert` as an error.
 */
export function createConsoleCapture(options: ConsoleCaptureOptions): CapturedConsole {
  const { post, maxMessages = 500, maxArguments = 20 } = options;
  let sent = 0;

  const emit = (level: LogLevel, args: unknown[]) => {
    if (sent > maxMessages) return;
    sent++;
    if (sent > maxMessages) {
      post('warn', [{ kind: 'string', value: `[playground] Output truncated: more than ${maxMessages} console messages in one run; the rest were dropped.` }]);
      return;
    }
    const kept = args.slice(0, maxArguments);
    const maxNodes = Math.max(50, Math.floor(NODES_PER_CALL / Math.max(1, kept.length)));
    const values = kept.map((arg) => serializeValue(arg, { maxNodes }));
    if (args.length > maxArguments) {
      values.push({ kind: 'string', value: `… ${args.length - maxArguments} more arguments not shown` });
    }
    post(level, values);
  };

  return {
    log: (...args: unknown[]) => emit('log', args),
    info: (...args: unknown[]) => emit('info', args),
    warn: (...args: unknown[]) => emit('warn', args),
    error: (...args: unknown[]) => emit('error', args),
    debug: (...args: unknown[]) => emit('log', args),
    trace: (...args: unknown[]) => emit('log', args),
    dir: (item?: unknown) => emit('log', [item]),
    table: (data?: unknown) => emit('log', [data]),
    assert: (condition?: boolean, ...args: unknown[]) => {
      if (!condition) emit('error', ['Assertion failed', ...args]);
    },
  };
}

/** Puts the captured methods onto a console object (the worker's own), leaving the others alone. */
export function installConsoleCapture(target: Console, capture: CapturedConsole): void {
  Object.assign(target, capture);
}
