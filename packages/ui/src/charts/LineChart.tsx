import { makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, formatNumber } from '../display/format.js';

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { left: 40, right: 8, top: 16, bottom: 20 };

const useStyles = makeStyles({
  root: { width: '100%', maxWidth: '520px', height: 'auto', display: 'block' },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { stroke: tokens.colorStatusSuccessForeground1, strokeWidth: 1.5, strokeDasharray: '5 4' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '10px', fontFamily: tokens.fontFamilyBase },
  targetLabel: { fill: tokens.colorStatusSuccessForeground1, fontSize: '10px', fontFamily: tokens.fontFamilyBase },
});

/** One point of a series: a day and a value. */
export interface ChartPoint {
  date: string;
  value: number;
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  /** What the chart shows, for screen readers ("Conversion rate, %"). */
  title: string;
  points: readonly ChartPoint[];
  /** A target drawn as a dashed line. */
  target?: number;
  unit?: string;
}

/**
 * A small SVG line chart drawn with theme tokens (so it follows light, dark and high-contrast), lighter than a chart
 * library. Screen readers get a sentence with the first and latest values and the target.
 */
export function LineChart({ title, points, target, unit = '' }: LineChartProps) {
  const styles = useStyles();
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const values = sorted.map((p) => p.value).concat(target !== undefined ? [target] : []);
  if (sorted.length === 0) return null;
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const t0 = Date.parse(sorted[0]!.date);
  const t1 = Date.parse(sorted[sorted.length - 1]!.date);
  const x = (d: string) =>
    PAD.left + (t1 === t0 ? 0.5 : (Date.parse(d) - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (HEIGHT - PAD.top - PAD.bottom);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const summary =
    `${title}: ${formatNumber(first.value, 2)}${unit} on ${formatDate(first.date)}, ` +
    `${formatNumber(last.value, 2)}${unit} on ${formatDate(last.date)}` +
    (target !== undefined ? `; target ${formatNumber(target, 2)}${unit}` : '');
  return (
    <svg className={styles.root} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
      <line className={styles.axis} x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
      <line
        className={styles.axis}
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={HEIGHT - PAD.bottom}
        y2={HEIGHT - PAD.bottom}
      />
      <text className={styles.label} x={PAD.left - 4} y={y(max) + 4} textAnchor="end">
        {formatNumber(max, 1)}
      </text>
      <text className={styles.label} x={PAD.left - 4} y={y(min)} textAnchor="end">
        {formatNumber(min, 1)}
      </text>
      <text className={styles.label} x={PAD.left} y={HEIGHT - 6}>
        {formatDate(first.date)}
      </text>
      <text className={styles.label} x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
        {formatDate(last.date)}
      </text>
      {target !== undefined && (
        <>
          <line className={styles.target} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(target)} y2={y(target)} />
          <text className={styles.targetLabel} x={WIDTH - PAD.right} y={y(target) - 3} textAnchor="end">
            Target {formatNumber(target, 2)}
            {unit}
          </text>
        </>
      )}
      <polyline className={styles.line} points={sorted.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} />
      <circle className={styles.dot} cx={x(last.date)} cy={y(last.value)} r={3} />
    </svg>
  );
}
