/**
 * The page side of a run: gives every run a fresh worker, forwards the worker's validated
 * messages (at once, but no more than a few per frame), and ends the run on `done`, on Stop, on a crash, or when the
 * wall-clock limit is reached, by terminating the worker, the one thing a runaway loop cannot
 * ignore.
 *
 * With `keepSpare`, one unused worker waits, already started, for the next Run (made when the
 * page calls `prepare()`, and again after each run): a worker's script takes tens of
 * milliseconds to load and evaluate, and the reader should not wait for it.
 * The spare never ran anything, and each worker still serves exactly one run.
 *
 * @module
 */
import { clampWorkerMessage } from './clamp-worker-message.ts';
import { parseWorkerMessage, type RunMessage, type WorkerMessage } from './protocol.ts';
import { serveTenantPort, type AnswerRequest, type ServedPort } from './serve-tenant-port.ts';

/** What the host needs of a Worker; an EventTarget fake satisfies it in tests. */
export interface WorkerLike extends EventTarget {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

/** How a run ended. */
export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped' | 'crashed';

/** The end of a run, with a sentence for the output panel. */
export interface RunOutcome {
  status: RunStatus;
  durationMs: number;
  message: string;
  /** The first error the code reported, when `status` is `error`. */
  error?: Extract<WorkerMessage, { type: 'error' }>;
}

/** A run as the page asks for it; the host adds the type and a fresh id. */
export type RunRequest = Omit<RunMessage, 'type' | 'id'>;

/** Options of {@link createRunner}. */
export interface RunnerOptions {
  /** Makes a new worker, e.g. `createRunWorker`. */
  createWorker: () => WorkerLike;
  /**
   * Answers the run's requests for the tenant (the page's MSW handlers). Each run gets a
   * MessagePort of its own, served by this function in the page; the worker has no other way to
   * get an answer. Without it every request fails with a network error.
   */
  answer?: AnswerRequest;
  /** Wall-clock limit of one run. */
  timeLimitMs?: number;
  /** Receives each validated message of the current run, in order. */
  onMessage: (message: WorkerMessage) => void;
  /** Runs a callback at the next frame; defaults to requestAnimationFrame (or a 16 ms timer). */
  scheduleFrame?: (callback: () => void) => void;
  /** Messages forwarded per frame, so a flood of output cannot freeze the page. */
  messagesPerFrame?: number;
  /** Messages kept per run; past it the rest is dropped with one notice. */
  maxMessagesPerRun?: number;
  now?: () => number;
  /** Keep one started, unused worker ready for the next run (made by `prepare()` and after each run). */
  keepSpare?: boolean;
}

/** A playground's runner: one run at a time. */
export interface Runner {
  /** Starts a run (stopping one in progress) and resolves when it has ended and its output has been forwarded. */
  run(request: RunRequest): Promise<RunOutcome>;
  /** Ends the current run at once, as the Stop button does. */
  stop(): void;
  /** With `keepSpare`, starts the spare worker now, so the first Run does not wait for one to load. */
  prepare(): void;
  /** Stops and refuses further runs (the playground left the page). */
  dispose(): void;
}

interface ActiveRun {
  id: string;
  /** `dropOutput`: a newer run replaces this one, so its unforwarded output would only confuse. */
  end: (status: RunStatus, detail?: string, dropOutput?: boolean) => void;
}

let runCounter = 0;

/** Creates the runner of one playground. */
export function createRunner(options: RunnerOptions): Runner {
  const {
    createWorker, onMessage, timeLimitMs = 5_000, answer = async () => undefined, messagesPerFrame = 50, maxMessagesPerRun = 2_000,
    now = () => performance.now(), keepSpare = false,
    scheduleFrame = typeof requestAnimationFrame === 'function' ? (callback) => requestAnimationFrame(() => callback()) : (callback) => setTimeout(callback, 16),
  } = options;
  let active: ActiveRun | null = null;
  let disposed = false;
  // The spare and the listener that drops it if its script fails to load, kept as one.
  let spare: { worker: WorkerLike; drop: () => void } | null = null;
  // A spare that cannot be made is no error: the next run makes its own worker and reports why.
  const makeSpare = () => {
    if (!keepSpare || disposed || spare) return;
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch {
      return;
    }
    // A spare whose script failed to load is dropped now, not found out by the reader's next Run.
    const drop = () => {
      worker.terminate();
      if (spare?.worker === worker) spare = null;
    };
    worker.addEventListener('error', drop, { once: true });
    spare = { worker, drop };
  };
  const takeWorker = (): WorkerLike => {
    if (!spare) return createWorker();
    const { worker, drop } = spare;
    worker.removeEventListener('error', drop);
    spare = null;
    return worker;
  };

  const run = (request: RunRequest): Promise<RunOutcome> => {
    if (disposed) return Promise.reject(new Error('[playground] This playground was removed from the page; it cannot run code any more.'));
    active?.end('stopped', undefined, true);
    const id = `run-${++runCounter}-${Math.random().toString(36).slice(2, 10)}`;
    const started = now();
    const queue: WorkerMessage[] = [];
    let received = 0;
    let firstError: RunOutcome['error'];
    let ended = false;
    let flushing = false;
    let finish: (() => void) | null = null;
    // Messages may go straight to the page while this frame's share is not used up; past it they
    // wait for the next frame. A run's few messages then show at once, and a flood still cannot
    // take more than its share of any frame.
    let budget = messagesPerFrame;
    let budgetRefill = false;
    const spend = (count: number) => {
      budget -= count;
      if (budgetRefill) return;
      budgetRefill = true;
      scheduleFrame(() => {
        budgetRefill = false;
        budget = messagesPerFrame;
      });
    };

    return new Promise<RunOutcome>((resolve) => {
      let worker: WorkerLike | null = null;
      let served: ServedPort | null = null;
      const flush = () => {
        const batch = queue.splice(0, messagesPerFrame);
        spend(messagesPerFrame);
        for (const message of batch) onMessage(message);
        if (queue.length > 0) scheduleFrame(flush);
        else {
          flushing = false;
          finish?.();
        }
      };
      const enqueue = (message: WorkerMessage) => {
        if (!flushing && budget > 0) {
          spend(1);
          onMessage(message);
          return;
        }
        queue.push(message);
        if (!flushing) {
          flushing = true;
          scheduleFrame(flush);
        }
      };
      const onWorkerMessage = (event: Event) => {
        const parsed = parseWorkerMessage((event as MessageEvent).data);
        if (ended || !parsed || parsed.id !== id) return;
        // Cut to size in the page's realm, whatever the worker's own caps did.
        const message = clampWorkerMessage(parsed);
        received++;
        if (message.type === 'error') firstError ??= message;
        if (message.type === 'done') {
          enqueue(message);
          return end(firstError ? 'error' : 'ok');
        }
        if (received < maxMessagesPerRun) enqueue(message);
        else if (received === maxMessagesPerRun) {
          enqueue({ type: 'log', id, level: 'warn', values: [{ kind: 'string', value: `[playground] Output truncated: more than ${maxMessagesPerRun} messages in one run.` }] });
        }
      };
      const onCrash = (event: Event) => {
        event.preventDefault();
        const detail = event.type === 'messageerror' ? 'a message from the code could not be read' : (event as ErrorEvent).message || 'the worker stopped unexpectedly';
        end('crashed', detail);
      };
      const timer = setTimeout(() => end('timeout'), timeLimitMs);

      const end = (status: RunStatus, detail?: string, dropOutput = false) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        served?.close();
        if (worker) {
          worker.removeEventListener('message', onWorkerMessage);
          worker.removeEventListener('error', onCrash);
          worker.removeEventListener('messageerror', onCrash);
          worker.terminate();
        }
        if (active?.id === id) active = null;
        // After the run, not while it runs: on two cores a worker loading beside the run slowed
        // the run itself (Run → token median 48 → 65 ms, measured).
        if (keepSpare) setTimeout(makeSpare, 0);
        const durationMs = Math.round(now() - started);
        const outcome: RunOutcome = { status, durationMs, message: describeOutcome(status, durationMs, timeLimitMs, detail, firstError), ...(status === 'error' && firstError ? { error: firstError } : {}) };
        // Output already received is forwarded before the outcome resolves, so the panel reads in order.
        if (dropOutput) queue.length = 0;
        finish = () => resolve(outcome);
        if (!flushing || dropOutput) finish();
      };

      active = { id, end };
      try {
        worker = takeWorker();
      } catch (error) {
        end('crashed', `the runtime could not start (${(error as Error)?.message ?? String(error)})`);
        return;
      }
      worker.addEventListener('message', onWorkerMessage);
      worker.addEventListener('error', onCrash);
      worker.addEventListener('messageerror', onCrash);
      const channel = new MessageChannel();
      served = serveTenantPort(channel.port1, { allowedHosts: request.allowedHosts, answer });
      worker.postMessage({ ...request, type: 'run', id } satisfies RunMessage, [channel.port2]);
    });
  };

  return {
    run,
    prepare: makeSpare,
    stop: () => active?.end('stopped'),
    dispose: () => {
      disposed = true;
      active?.end('stopped', undefined, true);
      spare?.worker.terminate();
      spare = null;
    },
  };
}

/** The sentence the output panel shows for an outcome. */
export function describeOutcome(status: RunStatus, durationMs: number, timeLimitMs: number, detail?: string, error?: RunOutcome['error']): string {
  switch (status) {
    case 'ok': return `Finished in ${formatMs(durationMs)}.`;
    case 'error': {
      const where = error?.line ? ` (line ${error.line})` : '';
      return `The code stopped with an error${where}: ${error?.name ?? 'Error'}: ${error?.message ?? ''}`.trimEnd();
    }
    case 'timeout': return `Stopped after ${formatMs(timeLimitMs)}: the code was still running (an endless loop, or a promise that never settles?).`;
    case 'stopped': return `Stopped after ${formatMs(durationMs)}, as you asked.`;
    case 'crashed': return `The run crashed: ${detail ?? 'the worker stopped unexpectedly'}. Too much memory is a common cause. Run again to start afresh.`;
  }
}

function formatMs(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}
