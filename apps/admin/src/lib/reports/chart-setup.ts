import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartType,
  type Plugin,
} from 'chart.js';

/*
 * Only the chart.js parts the dashboard draws (lines with a filled band, bars, a scatter), so the
 * rest stays out of the bundle.
 */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
);

/**
 * Okabe–Ito colours, told apart with every common colour-vision deficiency; the blue has 5:1
 * contrast on white and the vermillion 3.7:1, so lines and bars stay readable in print too. A
 * second series never relies on colour alone: it is also dashed, hatched or marked differently.
 */
export const CHART_COLORS = {
  line: '#0072B2',
  band: 'rgba(0, 114, 178, 0.18)',
  bar: '#0072B2',
  /** The second series (quality beside audit, cumulative share beside counts). */
  second: '#D55E00',
  /** Targets and reference lines: near-black, dashed. */
  target: '#1b2623',
  grid: '#d8ddd8',
  text: '#1b2623',
} as const;

/** Dash patterns, so lines differ in shape as well as colour (and in black-and-white print). */
export const DASHES = {
  target: [8, 4],
  reference: [2, 3],
  second: [6, 3],
} as const;

/**
 * Diagonal stripes of a colour on white: a bar fill that stays distinct from a solid one without
 * colour. Falls back to the plain colour where a canvas is not available.
 */
export function hatch(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

/** The options of the {@link whiskers} plugin: one interval per bar of the first dataset. */
export interface WhiskerOptions {
  intervals: readonly (readonly [number, number] | null)[];
  color?: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameter is chart.js's
  interface PluginOptionsByType<TType extends ChartType> {
    whiskers?: WhiskerOptions;
  }
}

/**
 * Error bars for a horizontal bar chart: each bar of the first dataset gets a line from the lower to
 * the upper end of its interval, with end caps. chart.js has no error bars of its own; this is the
 * whole of one. Register it per chart (`plugins: [whiskers]`).
 */
export const whiskers: Plugin<'bar'> = {
  id: 'whiskers',
  afterDatasetsDraw(chart, _args, options: WhiskerOptions) {
    const meta = chart.getDatasetMeta(0);
    const scale = chart.scales.x;
    if (!scale || !options.intervals) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color ?? CHART_COLORS.text;
    ctx.lineWidth = 1.5;
    meta.data.forEach((bar, i) => {
      const interval = options.intervals[i];
      if (!interval) return;
      const y = bar.y;
      const cap = Math.min(6, ((bar as unknown as { height?: number }).height ?? 12) / 3);
      const [low, high] = interval.map((v) => scale.getPixelForValue(v));
      if (low === undefined || high === undefined) return;
      ctx.beginPath();
      ctx.moveTo(low, y);
      ctx.lineTo(high, y);
      ctx.moveTo(low, y - cap);
      ctx.lineTo(low, y + cap);
      ctx.moveTo(high, y - cap);
      ctx.lineTo(high, y + cap);
      ctx.stroke();
    });
    ctx.restore();
  },
};

/** Options every dashboard chart shares: no animation, crisp when printed, the page's text colour. */
export const BASE_OPTIONS = {
  animation: false,
  maintainAspectRatio: false,
} as const;

/** A device pixel ratio of at least 2, so a printed chart is not blurred. */
export const printRatio = () => Math.max(2, window.devicePixelRatio);

/** Axis ticks and grid in the dashboard's colours. */
export const AXIS = {
  ticks: { color: CHART_COLORS.text },
  grid: { color: CHART_COLORS.grid },
} as const;

export { Chart };
