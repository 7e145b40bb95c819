/**
 * Geometry of the stolen-token chart: horizontal bars on a logarithmic time axis (an hour and a
 * year differ by four orders of magnitude), with "never" drawn as a bar that runs off the axis.
 * Pure numbers, so the build can draw the SVG and a test can check the scale.
 */

/** One bar: how long a stolen token stays useful, in hours; `null` means it never stops. */
export interface ChartRow {
  readonly label: string;
  readonly hours: number | null;
  readonly note: string;
}

export interface ChartTick {
  readonly label: string;
  readonly hours: number;
  readonly x: number;
}

export interface ChartBar extends ChartRow {
  readonly y: number;
  readonly width: number;
  readonly endless: boolean;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly axisStart: number;
  readonly axisEnd: number;
  readonly barHeight: number;
  readonly ticks: ChartTick[];
  readonly bars: ChartBar[];
}

const TICKS: ReadonlyArray<readonly [string, number]> = [
  ['1 h', 1],
  ['1 day', 24],
  ['1 week', 168],
  ['1 month', 730],
  ['1 year', 8_760],
  ['10 years', 87_600],
];

/** Lays the rows out in a `width`-wide drawing; the axis spans 1 hour to 10 years. */
export function layoutChart(rows: readonly ChartRow[], width = 640): ChartLayout {
  if (rows.length === 0) throw new Error('[stolen-token-chart] needs at least one row.');
  for (const row of rows) {
    if (row.hours !== null && !(row.hours >= 1 && row.hours <= 87_600)) {
      throw new Error(`[stolen-token-chart] "${row.label}": hours must be 1 to 87600 (ten years), or null for "never"; got ${row.hours}.`);
    }
  }
  const axisStart = 150;
  const axisEnd = width - 40;
  const min = Math.log10(1);
  const max = Math.log10(87_600);
  const x = (hours: number) => axisStart + ((Math.log10(hours) - min) / (max - min)) * (axisEnd - axisStart);
  const barHeight = 28;
  const rowGap = 22;
  const top = 12;
  const bars = rows.map((row, index) => ({
    ...row,
    y: top + index * (barHeight + rowGap),
    // A bar starts at the axis origin (the moment of theft); a minimum width keeps one hour visible.
    width: row.hours === null ? width - 8 - axisStart : Math.max(x(row.hours) - axisStart, 4),
    endless: row.hours === null,
  }));
  const height = top + rows.length * (barHeight + rowGap) + 30;
  return { width, height, axisStart, axisEnd, barHeight, ticks: TICKS.map(([label, hours]) => ({ label, hours, x: x(hours) })), bars };
}
