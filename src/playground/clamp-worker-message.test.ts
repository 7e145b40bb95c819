import { describe, expect, it } from 'vitest';
import { clampWorkerMessage } from './clamp-worker-message.ts';
import { parseWorkerMessage, type WorkerMessage } from './protocol.ts';

// What the page does with a message from a worker: validate, then cut to size.
const receive = (data: unknown) => {
  const parsed = parseWorkerMessage(data);
  return parsed && clampWorkerMessage(parsed);
};

describe('clampWorkerMessage', () => {
  it('cuts a request record\'s URL, error, headers and bodies to their caps in the page, whatever the worker sent', () => {
    const huge = 'a'.repeat(1_000_000);
    const body = { text: huge, size: huge.length, truncated: false, secrets: [{ start: 65_000, end: 900_000, field: 'client_secret' }] };
    const parsed = receive({
      type: 'request', id: 'r',
      request: {
        method: huge, url: `https://evil.example/${huge}`, status: 0, durationMs: 1,
        requestHeaders: Array.from({ length: 500 }, () => ({ name: huge, value: huge, secret: false })),
        requestBody: body, responseHeaders: [], responseBody: null, error: huge,
      },
    });
    expect(parsed?.type).toBe('request');
    const { request } = parsed as Extract<WorkerMessage, { type: 'request' }>;
    expect(JSON.stringify(request).length).toBeLessThan(600_000);
    expect(request.url).toMatch(/^https:\/\/evil\.example\/a+… \(1000021 characters\)$/);
    expect(request.url.length).toBeLessThan(2_100);
    expect(request.error!.length).toBeLessThan(2_100);
    expect(request.requestHeaders).toHaveLength(50);
    expect(request.requestBody).toMatchObject({ size: 1_000_000, truncated: true, secrets: [{ start: 65_000, end: 65_536 }] });
    expect(request.requestBody!.text).toHaveLength(65_536);
  });

  it('cuts a huge error message and a huge logged string in the page', () => {
    const huge = 'x'.repeat(1_000_000);
    const error = receive({ type: 'error', id: 'r', name: huge, message: huge, stack: huge }) as Extract<WorkerMessage, { type: 'error' }>;
    expect([error.name.length < 200, error.message.length < 2_100, error.stack!.length]).toEqual([true, true, 8_000]);
    const log = receive({ type: 'log', id: 'r', level: 'error', values: [{ kind: 'string', value: huge }] }) as Extract<WorkerMessage, { type: 'log' }>;
    expect(log.values[0]).toEqual({ kind: 'string', value: 'x'.repeat(10_000), length: 1_000_000 });
  });

  it('leaves a message within its caps as it was', () => {
    const message: WorkerMessage = { type: 'error', id: 'r', name: 'TypeError', message: 'bad', line: 2 };
    expect(receive(message)).toEqual(message);
  });

  it('shows a value of too many parts as a notice', () => {
    const items = Array.from({ length: 30_000 }, () => ({ kind: 'number', value: 1 }));
    const log = receive({ type: 'log', id: 'r', level: 'log', values: [{ kind: 'array', name: 'Array', items, length: items.length }] }) as Extract<WorkerMessage, { type: 'log' }>;
    expect(log.values[0]).toEqual({ kind: 'string', value: '[playground] This value has more than 20000 parts; it is too big to show here.' });
  });
});
