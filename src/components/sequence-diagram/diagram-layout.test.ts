import { describe, expect, it } from 'vitest';
import { diagramSchema, GEOMETRY, layoutDiagram, wrapLabel, type DiagramProps } from './diagram-layout.ts';

const base: DiagramProps = {
  id: 'demo',
  title: 'Demo',
  summary: 'A demo flow.',
  participants: [
    { id: 'app', label: 'App' },
    { id: 'tenant', label: 'Tenant' },
  ],
  messages: [
    { from: 'app', to: 'tenant', label: 'POST /oauth/token', secret: true },
    { from: 'tenant', to: 'app', label: 'access token', reply: true },
    { from: 'app', to: 'app', label: 'cache it' },
  ],
};

describe('diagramSchema', () => {
  it('accepts a well-formed diagram and fills in the defaults', () => {
    const parsed = diagramSchema.parse(base);
    expect(parsed.messages[0]).toMatchObject({ secret: true, reply: false });
  });

  it('names the message and the known participants when a message points at an unknown one', () => {
    const result = diagramSchema.safeParse({ ...base, messages: [{ from: 'app', to: 'server', label: 'hi' }] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['messages', 0, 'to']);
    expect(issue.message).toBe('"server" is not a participant; use one of: app, tenant');
  });

  it('refuses two participants with the same id', () => {
    const result = diagramSchema.safeParse({ ...base, participants: [{ id: 'app', label: 'A' }, { id: 'app', label: 'B' }] });
    expect(result.success).toBe(false);
  });
});

describe('wrapLabel', () => {
  it('breaks text at spaces so that no line is longer than allowed', () => {
    expect(wrapLabel('sign the token with the global secret', 16)).toEqual(['sign the token', 'with the global', 'secret']);
  });

  it('gives a word longer than the limit a line of its own', () => {
    expect(wrapLabel('a read:client_grants b', 5)).toEqual(['a', 'read:client_grants', 'b']);
  });
});

describe('layoutDiagram', () => {
  const layout = layoutDiagram(diagramSchema.parse(base));

  it('gives each participant an equal lane, centred', () => {
    expect(layout.lanes.map((lane) => lane.x)).toEqual([GEOMETRY.margin + GEOMETRY.lane / 2, GEOMETRY.margin + GEOMETRY.lane * 1.5]);
    expect(layout.width).toBe(GEOMETRY.margin * 2 + GEOMETRY.lane * 2);
  });

  it('stacks messages downwards in the order given, numbering them', () => {
    const ys = layout.messages.map((message) => message.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(layout.messages.map((message) => message.lines[0]!.split(' ')[0])).toEqual(['1.', '2.', '3.']);
    expect(layout.height).toBeGreaterThan(ys[2]!);
  });

  it('draws a message to oneself as a loop whose label sits on the side with room', () => {
    const self = layout.messages[2]!;
    expect(self.self).toBe(true);
    expect(self.textAnchor).toBe('start');
    const last = layoutDiagram(diagramSchema.parse({ ...base, messages: [{ from: 'tenant', to: 'tenant', label: 'sign' }] }));
    expect(last.messages[0]!.textAnchor).toBe('end');
    expect(self.loopPath).toMatch(/^M \S+ \S+ h 26 v 20 h -20$/);
    expect(last.messages[0]!.loopPath).toMatch(/h -26 v 20 h 20$/);
  });

  it('keeps the secret and reply flags for the drawing', () => {
    expect(layout.messages.map((message) => [message.secret, message.reply])).toEqual([[true, false], [false, true], [false, false]]);
  });
});
