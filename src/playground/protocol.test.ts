import { describe, expect, it } from 'vitest';
import { parseRunMessage, parseWorkerMessage, type RecordedRequest, type WorkerMessage } from './protocol.ts';

const recorded: RecordedRequest = {
  method: 'POST',
  url: 'https://dev-lab.eu.auth0.com/oauth/token',
  status: 200,
  durationMs: 12,
  requestHeaders: [{ name: 'content-type', value: 'application/json', secret: false }],
  requestBody: { text: '{"client_secret":"s"}', size: 21, truncated: false, secrets: [{ start: 18, end: 19, field: 'client_secret' }] },
  responseHeaders: [],
  responseBody: null,
};

const valid: WorkerMessage[] = [
  { type: 'ready', id: 'run-1' },
  { type: 'log', id: 'run-1', level: 'warn', values: [{ kind: 'string', value: 'hi' }, { kind: 'object', name: 'Object', total: 0, entries: [] }] },
  { type: 'request', id: 'run-1', request: recorded },
  { type: 'request', id: 'run-1', request: { ...recorded, status: 0, error: 'refused' } },
  { type: 'result', id: 'run-1', value: { kind: 'jwt', raw: 'a.b.c' } },
  { type: 'error', id: 'run-1', name: 'TypeError', message: 'x', line: 3, column: 7 },
  { type: 'error', id: 'run-1', name: 'Error', message: 'no position' },
  { type: 'done', id: 'run-1' },
];

describe('parseWorkerMessage', () => {
  it.each(valid.map((message) => [message.type, message]))('accepts a well-formed %s message', (_type, message) => {
    expect(parseWorkerMessage(message)).toBe(message);
  });

  it('rejects values that are not messages', () => {
    for (const data of [null, undefined, 'done', 42, [], { id: 'x' }]) expect(parseWorkerMessage(data)).toBeNull();
  });

  it('rejects unknown types and types inherited from Object.prototype', () => {
    expect(parseWorkerMessage({ type: 'eval', id: 'x' })).toBeNull();
    expect(parseWorkerMessage({ type: 'toString', id: 'x' })).toBeNull();
  });

  it('rejects a message without a usable run id', () => {
    expect(parseWorkerMessage({ type: 'done' })).toBeNull();
    expect(parseWorkerMessage({ type: 'done', id: '' })).toBeNull();
    expect(parseWorkerMessage({ type: 'done', id: 7 })).toBeNull();
  });

  it('rejects a log with an unknown level or a value that is not a serialized tree', () => {
    expect(parseWorkerMessage({ type: 'log', id: 'x', level: 'table', values: [] })).toBeNull();
    expect(parseWorkerMessage({ type: 'log', id: 'x', level: 'log', values: ['<img onerror=alert(1)>'] })).toBeNull();
    expect(parseWorkerMessage({ type: 'log', id: 'x', level: 'log', values: [{ kind: 'string', value: 1 }] })).toBeNull();
  });

  it('rejects a log with more values than the worker ever sends', () => {
    const values = Array.from({ length: 101 }, () => ({ kind: 'null' }));
    expect(parseWorkerMessage({ type: 'log', id: 'x', level: 'log', values })).toBeNull();
  });

  it('rejects a serialized tree nested deeper than the serializer produces', () => {
    let value: unknown = { kind: 'null' };
    for (let i = 0; i < 40; i++) value = { kind: 'array', name: 'Array', length: 1, items: [value] };
    expect(parseWorkerMessage({ type: 'result', id: 'x', value })).toBeNull();
  });

  it('rejects a recorded request with a malformed header or body', () => {
    const badHeader = { ...recorded, requestHeaders: [{ name: 'a', value: 1, secret: false }] };
    const badBody = { ...recorded, responseBody: { text: 'x' } };
    expect(parseWorkerMessage({ type: 'request', id: 'x', request: badHeader })).toBeNull();
    expect(parseWorkerMessage({ type: 'request', id: 'x', request: badBody })).toBeNull();
  });

  it('rejects an error whose line is not a number', () => {
    expect(parseWorkerMessage({ type: 'error', id: 'x', name: 'E', message: 'm', line: '3' })).toBeNull();
  });
});

describe('parseRunMessage', () => {
  const run = {
    type: 'run', id: 'run-1', code: 'export default 1', allowedHosts: ['dev-lab.eu.auth0.com'],
    context: { domain: 'dev-lab.eu.auth0.com', clientId: 'id', clientSecret: 'secret', audience: 'https://dev-lab.eu.auth0.com/api/v2/' },
  };

  it('accepts a run message with or without a source map', () => {
    expect(parseRunMessage(run)).toBe(run);
    expect(parseRunMessage({ ...run, sourceMap: '{}' })).not.toBeNull();
  });

  it('rejects a run message with missing context or hosts', () => {
    expect(parseRunMessage({ ...run, context: { domain: 'x' } })).toBeNull();
    expect(parseRunMessage({ ...run, allowedHosts: 'x' })).toBeNull();
    expect(parseRunMessage({ ...run, type: 'stop' })).toBeNull();
  });
});
