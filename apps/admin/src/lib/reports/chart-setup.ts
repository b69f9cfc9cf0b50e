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
  Tooltip,
} from 'chart.js';

/*
 * Only the chart.js parts the dashboard draws (line with a filled band, bars), so the rest stays
 * out of the bundle.
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
  Tooltip,
);

/**
 * Okabe–Ito colours, told apart with every common colour-vision deficiency; the blue has 5:1
 * contrast on white, so lines and bars stay readable in print too.
 */
export const CHART_COLORS = {
  line: '#0072B2',
  band: 'rgba(0, 114, 178, 0.18)',
  bar: '#0072B2',
  grid: '#d8ddd8',
  text: '#1b2623',
} as const;

export { Chart };
