import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunner, describeOutcome, type RunRequest, type WorkerLike } from './worker-host.ts';
import type { RunMessage, WorkerMessage } from './protocol.ts';

class FakeWorker extends EventTarget implements WorkerLike {
  sent: RunMessage[] = [];
  ports: MessagePort[] = [];
  terminated = false;
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.sent.push(message as RunMessage);
    this.ports.push(...(transfer as MessagePort[]));
  }
  terminate() { this.terminated = true; }
  get id() { return this.sent[0]!.id; }
  /** Sends a message as the worker would; `id` defaults to the run's id. */
  emit(message: Partial<WorkerMessage> & { type: string }) {
    this.dispatchEvent(new MessageEvent('message', { data: { id: this.id, ...message } }));
  }
}

const REQUEST: RunRequest = {
  code: 'export default 1',
  allowedHosts: ['dev-lab.eu.auth0.com'],
  context: { domain: 'dev-lab.eu.auth0.com', clientId: 'c', clientSecret: 's', audience: 'a' },
};

function setup(options: { timeLimitMs?: number; messagesPerFrame?: number; maxMessagesPerRun?: number; keepSpare?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const received: WorkerMessage[] = [];
  const runner = createRunner({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    onMessage: (message) => received.push(message),
    now: () => Date.now(),
    ...options,
  });
  return { runner, workers, received };
}

const log = (value: string): Omit<Extract<WorkerMessage, { type: 'log' }>, 'id'> => ({ type: 'log', level: 'log', values: [{ kind: 'string', value }] });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRunner', () => {
  it('cuts what a worker sends to size before the page sees it: a refused 1 MB URL arrives as 2 KB', async () => {
    const { runner, workers, received } = setup();
    const outcome = runner.run(REQUEST);
    const url = `https://evil.example/${'a'.repeat(1_000_000)}`;
    workers[0]!.emit({
      type: 'request',
      request: { method: 'GET', url, status: 0, durationMs: 1, requestHeaders: [], requestBody: null, responseHeaders: [], responseBody: null, error: `[playground] Blocked ${url}` },
    } as Partial<WorkerMessage> & { type: string });
    workers[0]!.emit({ type: 'done' });
    await vi.runAllTimersAsync();
    await outcome;
    const request = received.find((message) => message.type === 'request') as Extract<WorkerMessage, { type: 'request' }>;
    expect(request.request.url.length).toBeLessThan(2_100);
    expect(request.request.error!.length).toBeLessThan(2_100);
  });

  it('gives each run a port of its own, answered by the page with the answer function and closed when the run ends', async () => {
    vi.useRealTimers();
    const answer = vi.fn(async (request: Request) => new Response(`answered ${new URL(request.url).pathname}`));
    const workers: FakeWorker[] = [];
    const runner = createRunner({ createWorker: () => { const worker = new FakeWorker(); workers.push(worker); return worker; }, onMessage: () => {}, answer });
    const outcome = runner.run(REQUEST);
    const port = workers[0]!.ports[0]!;
    expect(port).toBeInstanceOf(MessagePort);
    const reply = await new Promise<unknown>((resolve) => {
      port.onmessage = (event) => resolve(event.data);
      port.postMessage({ requestId: 1, request: { method: 'GET', url: 'https://dev-lab.eu.auth0.com/x', headers: [], body: null } });
    });
    expect(reply).toMatchObject({ requestId: 1, response: { kind: 'response', status: 200 } });
    workers[0]!.emit({ type: 'done' });
    await outcome;
    const after = await new Promise<unknown>((resolve) => {
      port.onmessage = (event) => resolve(event.data);
      port.postMessage({ requestId: 2, request: { method: 'GET', url: 'https://dev-lab.eu.auth0.com/y', headers: [], body: null } });
      setTimeout(() => resolve('no answer'), 50);
    });
    expect(after).toBe('no answer');
    expect(answer).toHaveBeenCalledOnce();
    port.close();
  });

  it('sends a run message with a fresh id to a fresh worker', async () => {
    const { runner, workers } = setup();
    void runner.run(REQUEST);
    void runner.run(REQUEST);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.sent[0]).toMatchObject({ type: 'run', code: 'export default 1' });
    expect(workers[0]!.id).not.toBe(workers[1]!.id);
  });

  it('forwards the messages of the run, then resolves ok on done and terminates the worker', async () => {
    const { runner, workers, received } = setup();
    const outcome = runner.run(REQUEST);
    await vi.advanceTimersByTimeAsync(120);
    workers[0]!.emit({ type: 'ready' });
    workers[0]!.emit(log('hello'));
    workers[0]!.emit({ type: 'done' });
    await vi.advanceTimersByTimeAsync(20);
    expect(await outcome).toEqual({ status: 'ok', durationMs: 120, message: 'Finished in 120 ms.' });
    expect(received.map((m) => m.type)).toEqual(['ready', 'log', 'done']);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('resolves error with the first error the code reported and its line', async () => {
    const { runner, workers } = setup();
    const outcome = runner.run(REQUEST);
    workers[0]!.emit({ type: 'error', name: 'TypeError', message: 'x is not a function', line: 4 });
    workers[0]!.emit({ type: 'error', name: 'Error', message: 'second' });
    workers[0]!.emit({ type: 'done' });
    await vi.advanceTimersByTimeAsync(20);
    expect(await outcome).toMatchObject({
      status: 'error', message: 'The code stopped with an error (line 4): TypeError: x is not a function',
      error: { name: 'TypeError', line: 4 },
    });
  });

  it('terminates a run that outlives the time limit and says why in plain language', async () => {
    const { runner, workers } = setup({ timeLimitMs: 5_000 });
    const outcome = runner.run(REQUEST);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await outcome).toMatchObject({
      status: 'timeout',
      message: 'Stopped after 5 s: the code was still running (an endless loop, or a promise that never settles?).',
    });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('stops at once when asked', async () => {
    const { runner, workers } = setup();
    const outcome = runner.run(REQUEST);
    await vi.advanceTimersByTimeAsync(1_200);
    runner.stop();
    await vi.advanceTimersByTimeAsync(20);
    expect(await outcome).toMatchObject({ status: 'stopped', message: 'Stopped after 1.2 s, as you asked.' });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('reports a worker error event as a crash', async () => {
    const { runner, workers } = setup();
    const outcome = runner.run(REQUEST);
    workers[0]!.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Out of memory' }));
    expect(await outcome).toMatchObject({ status: 'crashed', message: expect.stringMatching(/^The run crashed: Out of memory\. .*Run again/) });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('reports a messageerror event as a crash', async () => {
    const { runner, workers } = setup();
    const outcome = runner.run(REQUEST);
    workers[0]!.dispatchEvent(new Event('messageerror'));
    expect(await outcome).toMatchObject({ status: 'crashed', message: expect.stringContaining('a message from the code could not be read') });
  });

  it('reports a worker that cannot be created as a crash', async () => {
    const runner = createRunner({ createWorker: () => { throw new Error('blocked by CSP'); }, onMessage: () => {} });
    expect(await runner.run(REQUEST)).toMatchObject({ status: 'crashed', message: expect.stringContaining('blocked by CSP') });
  });

  it('ignores messages that do not validate or carry another run id', async () => {
    const { runner, workers, received } = setup();
    const outcome = runner.run(REQUEST);
    workers[0]!.emit({ type: 'log', level: 'log', values: ['<b>raw</b>'] } as never);
    workers[0]!.emit({ ...log('forged'), id: 'run-0-old' });
    workers[0]!.dispatchEvent(new MessageEvent('message', { data: 'done' }));
    workers[0]!.emit({ type: 'done' });
    await vi.advanceTimersByTimeAsync(20);
    await outcome;
    expect(received.map((m) => m.type)).toEqual(['done']);
  });

  it('ignores a replaced run\'s worker and drops its pending output', async () => {
    const { runner, workers, received } = setup({ messagesPerFrame: 1 });
    const first = runner.run(REQUEST);
    workers[0]!.emit(log('old, shown at once'));
    workers[0]!.emit(log('old, not yet shown'));
    const second = runner.run(REQUEST);
    expect(await first).toMatchObject({ status: 'stopped' });
    workers[0]!.emit(log('late'));
    workers[1]!.emit(log('new'));
    workers[1]!.emit({ type: 'done' });
    await vi.advanceTimersByTimeAsync(50);
    expect(await second).toMatchObject({ status: 'ok' });
    expect(received.map((m) => (m.type === 'log' && m.values[0]?.kind === 'string' ? m.values[0].value : m.type))).toEqual(['old, shown at once', 'new', 'done']);
  });

  it('forwards the messages of a short run at once, without waiting for a frame', async () => {
    const { runner, workers, received } = setup();
    const outcome = runner.run(REQUEST);
    workers[0]!.emit(log('token'));
    workers[0]!.emit({ type: 'done' });
    expect(received.map((m) => m.type)).toEqual(['log', 'done']);
    expect(await outcome).toMatchObject({ status: 'ok' });
  });

  it('forwards a flood a few messages per frame and caps it with one notice', async () => {
    const { runner, workers, received } = setup({ messagesPerFrame: 10, maxMessagesPerRun: 100 });
    const outcome = runner.run(REQUEST);
    for (let i = 0; i < 1_000; i++) workers[0]!.emit(log(String(i)));
    expect(received).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(16);
    expect(received).toHaveLength(20);
    workers[0]!.emit({ type: 'done' });
    await vi.advanceTimersByTimeAsync(16 * 20);
    await outcome;
    expect(received).toHaveLength(101);
    expect(JSON.stringify(received.at(-2))).toContain('Output truncated: more than 100 messages');
    expect(received.at(-1)?.type).toBe('done');
  });

  it('resolves only after the output received before the end has been forwarded', async () => {
    const { runner, workers, received } = setup({ messagesPerFrame: 1 });
    let settled = false;
    const outcome = runner.run(REQUEST).then((o) => { settled = true; return o; });
    workers[0]!.emit(log('a'));
    workers[0]!.emit(log('b'));
    runner.stop();
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(32);
    expect((await outcome).status).toBe('stopped');
    expect(received).toHaveLength(2);
  });

  describe('with a spare worker', () => {
    it('starts no worker until asked to prepare, so a page that never runs code loads no worker', () => {
      const { runner, workers } = setup({ keepSpare: true });
      expect(workers).toHaveLength(0);
      runner.prepare();
      runner.prepare();
      expect(workers).toHaveLength(1);
    });

    it('hands the prepared worker to the first run', async () => {
      const { runner, workers } = setup({ keepSpare: true });
      runner.prepare();
      expect(workers).toHaveLength(1);
      expect(workers[0]!.sent).toEqual([]);
      const outcome = runner.run(REQUEST);
      expect(workers[0]!.sent[0]).toMatchObject({ type: 'run', code: 'export default 1' });
      // The next one starts once this run is over, so it does not compete with it.
      expect(workers).toHaveLength(1);
      workers[0]!.emit({ type: 'done' });
      await outcome;
      await vi.advanceTimersByTimeAsync(1);
      expect(workers).toHaveLength(2);
      expect(workers[1]!.sent).toEqual([]);
    });

    it('replaces the spare after each run, so no worker ever serves two runs', async () => {
      const { runner, workers } = setup({ keepSpare: true });
      runner.prepare();
      for (let i = 0; i < 3; i++) {
        const outcome = runner.run(REQUEST);
        workers[i]!.emit({ type: 'done' });
        await vi.advanceTimersByTimeAsync(20);
        await outcome;
      }
      expect(workers).toHaveLength(4);
      expect(workers.slice(0, 3).every((worker) => worker.sent.length === 1 && worker.terminated)).toBe(true);
      expect(workers[3]!.sent).toEqual([]);
      expect(workers[3]!.terminated).toBe(false);
    });

    it('drops a spare whose script failed to load, and the next run gets a worker of its own', async () => {
      const { runner, workers } = setup({ keepSpare: true });
      runner.prepare();
      workers[0]!.dispatchEvent(new Event('error'));
      expect(workers[0]!.terminated).toBe(true);
      void runner.run(REQUEST);
      expect(workers[1]!.sent[0]).toMatchObject({ type: 'run' });
      expect(workers[0]!.sent).toEqual([]);
    });

    it('terminates the spare when the playground goes away', () => {
      const { runner, workers } = setup({ keepSpare: true });
      runner.prepare();
      runner.dispose();
      expect(workers[0]!.terminated).toBe(true);
    });

    it('keeps no spare unless asked', () => {
      const { runner, workers } = setup();
      runner.prepare();
      void runner.run(REQUEST);
      expect(workers).toHaveLength(1);
    });
  });

  it('refuses to run after being disposed', async () => {
    const { runner, workers } = setup();
    const outcome = runner.run(REQUEST);
    runner.dispose();
    expect(await outcome).toMatchObject({ status: 'stopped' });
    expect(workers[0]!.terminated).toBe(true);
    await expect(runner.run(REQUEST)).rejects.toThrow(/removed from the page/);
  });
});

describe('describeOutcome', () => {
  it('words each outcome for the output panel', () => {
    expect(describeOutcome('ok', 1_540, 5_000)).toBe('Finished in 1.5 s.');
    expect(describeOutcome('timeout', 0, 2_500)).toMatch(/^Stopped after 2\.5 s: the code was still running/);
    expect(describeOutcome('error', 3, 5_000, undefined, { type: 'error', id: 'x', name: 'Uncaught', message: 'oops' })).toBe('The code stopped with an error: Uncaught: oops');
  });

});
