import { z } from 'astro/zod';

/*
 * The geometry of a sequence diagram, worked out at build time: where each participant's lane
 * sits, where each message's arrow and label go, how tall the picture is. Pure, so the drawing
 * rules can be tested without rendering anything.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case words joined by dashes, e.g. "your-server"');

/** The props `<SequenceDiagram>` accepts. */
export const diagramSchema = z
  .object({
    /** Unique on the page; used for the ids of the title and description. */
    id,
    /** Short name of the flow, read first by screen readers. */
    title: z.string().min(1).max(120),
    /** One or two sentences summing the flow up (the picture's description). */
    summary: z.string().min(1).max(400),
    participants: z
      .array(z.object({ id, label: z.string().min(1).max(28), detail: z.string().max(32).optional() }))
      .min(2, 'a sequence needs at least two participants')
      .max(5, 'more than five lanes no longer fit a phone screen'),
    messages: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          label: z.string().min(1).max(90),
          /** A reply (drawn dashed). */
          reply: z.boolean().default(false),
          /** This step carries or uses a secret: highlighted when the reader asks where secrets travel. */
          secret: z.boolean().default(false),
        }),
      )
      .min(1),
  })
  .superRefine((diagram, context) => {
    const known = new Set(diagram.participants.map((participant) => participant.id));
    if (known.size !== diagram.participants.length) {
      context.addIssue({ code: 'custom', path: ['participants'], message: 'two participants share an id' });
    }
    diagram.messages.forEach((message, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!known.has(message[end])) {
          context.addIssue({
            code: 'custom',
            path: ['messages', index, end],
            message: `"${message[end]}" is not a participant; use one of: ${[...known].join(', ')}`,
          });
        }
      }
    });
  });

export type DiagramProps = z.input<typeof diagramSchema>;
export type Diagram = z.output<typeof diagramSchema>;

/** Drawing constants, in SVG user units. */
export const GEOMETRY = {
  lane: 176,
  margin: 12,
  headTop: 8,
  headHeight: 46,
  firstGap: 34,
  lineHeight: 16,
  stepPadding: 26,
  selfLoopWidth: 26,
  charWidth: 6.6,
  bottomPadding: 24,
} as const;

/** One participant: its header box and its lifeline. */
export interface LaneLayout {
  id: string;
  label: string;
  detail: string | undefined;
  x: number;
}

/** One message: its arrow (or loop, when a participant talks to itself) and label lines. */
export interface MessageLayout {
  step: number;
  x1: number;
  x2: number;
  y: number;
  self: boolean;
  reply: boolean;
  secret: boolean;
  /** The label broken into lines that fit the arrow's span. */
  lines: string[];
  /** Where the label is anchored. */
  textX: number;
  textAnchor: 'middle' | 'start' | 'end';
  /** Baseline of the first label line. */
  textY: number;
  /** For a message to oneself: the loop's SVG path (out, down, back). */
  loopPath: string | undefined;
}

/** The whole picture. */
export interface DiagramLayout {
  width: number;
  height: number;
  lanes: LaneLayout[];
  messages: MessageLayout[];
  lifelineTop: number;
  lifelineBottom: number;
}

/** Breaks `text` into lines of at most `maxChars` characters, at spaces (a long word gets a line of its own). */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= maxChars) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

function selfLoop(x: number, y: number, direction: 1 | -1): string {
  const width = GEOMETRY.selfLoopWidth * direction;
  return `M ${x} ${y - 10} h ${width} v 20 h ${-width + 6 * direction}`;
}

/** Lays out a validated diagram. */
export function layoutDiagram(diagram: Diagram): DiagramLayout {
  const g = GEOMETRY;
  const lanes: LaneLayout[] = diagram.participants.map((participant, index) => ({
    id: participant.id,
    label: participant.label,
    detail: participant.detail,
    x: g.margin + g.lane * index + g.lane / 2,
  }));
  const laneX = new Map(lanes.map((lane) => [lane.id, lane.x]));
  const lastX = lanes[lanes.length - 1]!.x;
  let y = g.headTop + g.headHeight + g.firstGap;
  const messages: MessageLayout[] = diagram.messages.map((message, index) => {
    const x1 = laneX.get(message.from)!;
    const x2 = laneX.get(message.to)!;
    const self = message.from === message.to;
    // A self message's label sits beside its loop, on whichever side has room.
    const towardsLeft = self && x1 === lastX && lanes.length > 1;
    const span = self ? g.lane - g.selfLoopWidth - 8 : Math.abs(x2 - x1) - 12;
    const lines = wrapLabel(`${index + 1}. ${message.label}`, Math.max(12, Math.floor(span / g.charWidth)));
    const labelHeight = lines.length * g.lineHeight;
    const arrowY = self ? y + labelHeight / 2 : y + labelHeight;
    const layout: MessageLayout = {
      step: index + 1,
      x1,
      x2,
      y: arrowY,
      self,
      reply: message.reply,
      secret: message.secret,
      lines,
      textX: self ? (towardsLeft ? x1 - g.selfLoopWidth - 6 : x1 + g.selfLoopWidth + 6) : (x1 + x2) / 2,
      textAnchor: self ? (towardsLeft ? 'end' : 'start') : 'middle',
      textY: self ? arrowY - labelHeight / 2 + g.lineHeight - 4 : y + g.lineHeight - 4,
      loopPath: self ? selfLoop(x1, arrowY, towardsLeft ? -1 : 1) : undefined,
    };
    y = arrowY + (self ? labelHeight / 2 + 14 : 0) + g.stepPadding;
    return layout;
  });
  const lifelineBottom = y;
  return {
    width: g.margin * 2 + g.lane * lanes.length,
    height: lifelineBottom + g.bottomPadding,
    lanes,
    messages,
    lifelineTop: g.headTop + g.headHeight,
    lifelineBottom,
  };
}
