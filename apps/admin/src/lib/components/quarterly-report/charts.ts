import type { Chart as ChartInstance, ChartConfiguration, Plugin } from 'chart.js';
import type { Cell } from '$lib/reports/csv';
import type { FigureTable } from '$lib/reports/figures';

/**
 * The quarterly report's charts, each built from the table printed beside it (so the picture can
 * only show those numbers). They are drawn once, without animation, and kept as images: print and
 * PDF then show a sharp picture instead of a canvas. Colours are Okabe–Ito (told apart with every
 * common colour-vision deficiency), and every series also differs by dash pattern, marker or fill,
 * so a greyscale print still separates them.
 */

/** Okabe–Ito colours; the blue and vermillion keep ≥ 4.5:1 on white. */
export const REPORT_COLORS = {
  blue: '#0072B2',
  band: 'rgba(0, 114, 178, 0.16)',
  orange: '#E69F00',
  vermillion: '#D55E00',
  grey: '#7a8580',
  grid: '#d8ddd8',
  text: '#1b2623',
} as const;

/** Width of the drawing in CSS pixels; the image scales to the page from there. */
export const CHART_WIDTH = 880;

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 13 };

/** A chart image is a picture on paper: paint it white, so it is not transparent anywhere. */
const paper: Plugin = {
  id: 'paper',
  beforeDraw(chart: ChartInstance) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Drawn once at a fixed size, three device pixels per CSS pixel: crisp at print resolution. */
const BASE = {
  animation: false as const,
  responsive: false,
  devicePixelRatio: 3,
  /** A picture listens to nothing. */
  events: [] as (keyof HTMLElementEventMap)[],
};

const axis = { ticks: { color: REPORT_COLORS.text, font: FONT }, grid: { color: REPORT_COLORS.grid } };
const title = (text: string) => ({ display: true, text, color: REPORT_COLORS.text, font: FONT });
const legend = { labels: { color: REPORT_COLORS.text, font: FONT, usePointStyle: true } };

const numbersAt = (table: FigureTable, column: number) =>
  table.rows.map((row) => {
    const cell = row[column];
    return typeof cell === 'number' ? cell : null;
  });
const textAt = (table: FigureTable, column: number) => table.rows.map((row) => String(row[column] ?? ''));

type MixedConfig = ChartConfiguration<'bar' | 'line', (number | [number, number] | null)[], string>;

/** Any of the report's charts. */
export type ReportChartConfig = ChartConfiguration<'line'> | ChartConfiguration<'bar'> | MixedConfig;

/**
 * A weekly trend (a `trendTable`: value in column 3, interval in 4–5) as a line over its 95%
 * interval band. CSAT is a solid line with round markers; NPS a dashed line with triangles.
 */
export function trendConfig(table: FigureTable, kind: 'csat' | 'nps'): ChartConfiguration<'line'> {
  const name = kind === 'csat' ? 'CSAT %' : 'NPS';
  return {
    type: 'line',
    data: {
      labels: textAt(table, 0),
      datasets: [
        {
          label: '95% interval',
          data: numbersAt(table, 5),
          borderWidth: 0,
          pointRadius: 0,
          backgroundColor: REPORT_COLORS.band,
          // Filled down to the next dataset (the lower bound): the interval as a band.
          fill: '+1',
        },
        { label: 'Lower 95%', data: numbersAt(table, 4), borderWidth: 0, pointRadius: 0, fill: false },
        {
          label: name,
          data: numbersAt(table, 3),
          borderColor: REPORT_COLORS.blue,
          backgroundColor: REPORT_COLORS.blue,
          borderWidth: 2.5,
          borderDash: kind === 'csat' ? [] : [8, 5],
          pointStyle: kind === 'csat' ? 'circle' : 'triangle',
          pointRadius: 4.5,
          fill: false,
        },
      ],
    },
    options: {
      ...BASE,
      spanGaps: false,
      scales: {
        x: axis,
        y:
          kind === 'csat'
            ? { ...axis, suggestedMin: 50, max: 100, title: title(name) }
            : { ...axis, suggestedMin: 0, suggestedMax: 100, min: -100, max: 100, title: title(name) },
      },
      plugins: {
        legend: { ...legend, labels: { ...legend.labels, filter: (item) => item.text !== 'Lower 95%' } },
        tooltip: { enabled: false },
      },
    },
    plugins: [paper],
  };
}

/**
 * CSAT by team (a `breakdownTable`: name in 1, value in 2, interval in 3–4, note in 6): each team's
 * 95% interval as a bar from its lower to its upper bound, the value as a marker on it — a diamond
 * instead of a circle for a small sample.
 */
export function intervalConfig(table: FigureTable): MixedConfig {
  const low = numbersAt(table, 3);
  const high = numbersAt(table, 4);
  const small = table.rows.map((row) => Boolean(row[6]));
  // Bars start at zero unless told otherwise: the axis starts at the lowest tenth below the data.
  const lowest = Math.min(50, ...low.filter((x): x is number => x !== null));
  return {
    type: 'bar',
    data: {
      labels: textAt(table, 1),
      datasets: [
        {
          type: 'bar',
          label: '95% interval',
          data: low.map((l, i) => {
            const h = high[i];
            return l === null || h === null || h === undefined ? null : [l, h];
          }),
          backgroundColor: REPORT_COLORS.band,
          borderColor: REPORT_COLORS.blue,
          borderWidth: 1,
          barPercentage: 0.5,
        },
        {
          type: 'line',
          label: 'CSAT %',
          data: numbersAt(table, 2),
          showLine: false,
          pointStyle: small.map((s) => (s ? 'rectRot' : 'circle')),
          pointRadius: 7,
          borderColor: REPORT_COLORS.text,
          backgroundColor: small.map((s) => (s ? '#ffffff' : REPORT_COLORS.text)),
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...BASE,
      scales: {
        x: axis,
        y: { ...axis, min: Math.floor(lowest / 10) * 10, max: 100, title: title('CSAT %') },
      },
      plugins: { legend, tooltip: { enabled: false } },
    },
    plugins: [paper],
  };
}

/**
 * The reasons Pareto (a `paretoTable`: count in 2, cumulative % in 4): counts as bars on the left
 * axis, the cumulative share as a dashed orange line with square markers on the right.
 */
export function paretoConfig(table: FigureTable): MixedConfig {
  return {
    type: 'bar',
    data: {
      labels: textAt(table, 0),
      datasets: [
        {
          type: 'line',
          label: 'Cumulative share %',
          data: numbersAt(table, 4),
          yAxisID: 'share',
          borderColor: REPORT_COLORS.vermillion,
          backgroundColor: REPORT_COLORS.vermillion,
          borderDash: [6, 4],
          borderWidth: 2.5,
          pointStyle: 'rect',
          pointRadius: 5,
        },
        {
          type: 'bar',
          label: 'Responses giving the reason',
          data: numbersAt(table, 2),
          yAxisID: 'count',
          backgroundColor: REPORT_COLORS.blue,
        },
      ],
    },
    options: {
      ...BASE,
      scales: {
        x: { ...axis, ticks: { ...axis.ticks, autoSkip: false, maxRotation: 30 } },
        count: {
          ...axis,
          position: 'left',
          beginAtZero: true,
          ticks: { ...axis.ticks, precision: 0 },
          title: title('Responses'),
        },
        share: {
          ...axis,
          position: 'right',
          min: 0,
          max: 100,
          grid: { drawOnChartArea: false },
          title: title('Cumulative %'),
        },
      },
      plugins: { legend, tooltip: { enabled: false } },
    },
    plugins: [paper],
  };
}

/**
 * Key drivers (a `driversTable`: statement in 0, r in 1, interval in 2–3, note in 6) across the
 * page: each statement's interval for r as a bar, r as a marker (a diamond for a small sample).
 */
export function driversConfig(table: FigureTable): MixedConfig {
  const low = numbersAt(table, 2);
  const high = numbersAt(table, 3);
  const small = table.rows.map((row) => Boolean(row[6]));
  return {
    type: 'bar',
    data: {
      labels: textAt(table, 0).map((label) => (label.length > 48 ? `${label.slice(0, 47)}…` : label)),
      datasets: [
        {
          type: 'bar',
          label: '95% interval of r',
          data: low.map((l, i) => {
            const h = high[i];
            return l === null || h === null || h === undefined ? null : [l, h];
          }),
          backgroundColor: REPORT_COLORS.band,
          borderColor: REPORT_COLORS.blue,
          borderWidth: 1,
          barPercentage: 0.55,
        },
        {
          type: 'line',
          label: 'Correlation r',
          data: numbersAt(table, 1),
          showLine: false,
          pointStyle: small.map((s) => (s ? 'rectRot' : 'circle')),
          pointRadius: 6,
          borderColor: REPORT_COLORS.text,
          backgroundColor: small.map((s) => (s ? '#ffffff' : REPORT_COLORS.text)),
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...BASE,
      indexAxis: 'y',
      scales: {
        x: { ...axis, min: -1, max: 1, title: title('Correlation with overall satisfaction (r)') },
        y: axis,
      },
      plugins: { legend, tooltip: { enabled: false } },
    },
    plugins: [paper],
  };
}

/**
 * Each team's audit score (an `auditTable`: score in 1, result in 2): a filled bar for a pass, a
 * white bar with a thick vermillion outline for a fail, so the two differ without colour.
 */
export function auditConfig(table: FigureTable): ChartConfiguration<'bar'> {
  const failed = table.rows.map((row: Cell[]) => row[2] === 'Failed');
  return {
    type: 'bar',
    data: {
      labels: textAt(table, 0),
      datasets: [
        {
          label: 'Audit score',
          data: numbersAt(table, 1),
          backgroundColor: failed.map((f) => (f ? '#ffffff' : REPORT_COLORS.blue)),
          borderColor: failed.map((f) => (f ? REPORT_COLORS.vermillion : REPORT_COLORS.blue)),
          borderWidth: 3,
          barPercentage: 0.55,
        },
      ],
    },
    options: {
      ...BASE,
      scales: { x: axis, y: { ...axis, min: 0, max: 100, title: title('Score out of 100') } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [paper],
  };
}
