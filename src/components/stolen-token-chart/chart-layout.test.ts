import { describe, expect, it } from 'vitest';
import { layoutChart } from './chart-layout.ts';

const rows = [
  { label: '24-hour token', hours: 24, note: '' },
  { label: '1-year token', hours: 8_760, note: '' },
  { label: 'No exp', hours: null, note: '' },
];

describe('layoutChart', () => {
  it('puts a day and a year where the log axis says', () => {
    const layout = layoutChart(rows, 640);
    const tick = (label: string) => layout.ticks.find((t) => t.label === label)!.x;
    expect(layout.bars[0]!.width).toBeCloseTo(tick('1 day') - layout.axisStart, 5);
    expect(layout.bars[1]!.width).toBeCloseTo(tick('1 year') - layout.axisStart, 5);
    expect(tick('1 h')).toBe(layout.axisStart);
    expect(tick('10 years')).toBe(layout.axisEnd);
  });

  it('runs the never-expiring bar past the end of the axis', () => {
    const layout = layoutChart(rows, 640);
    const never = layout.bars[2]!;
    expect(never.endless).toBe(true);
    expect(layout.axisStart + never.width).toBeGreaterThan(layout.axisEnd);
    expect(layout.axisStart + never.width).toBeLessThanOrEqual(layout.width);
  });

  it('stacks bars downwards and makes room for every row', () => {
    const layout = layoutChart(rows);
    expect(layout.bars.map((bar) => bar.y)).toEqual([...layout.bars.map((bar) => bar.y)].sort((a, b) => a - b));
    expect(layout.height).toBeGreaterThan(layout.bars[2]!.y + layout.barHeight);
  });

  it('refuses lifetimes off the axis with a message naming the row', () => {
    expect(() => layoutChart([{ label: 'Twenty years', hours: 175_200, note: '' }])).toThrow(/"Twenty years": hours must be 1 to 87600/);
    expect(() => layoutChart([])).toThrow(/at least one row/);
  });
});
