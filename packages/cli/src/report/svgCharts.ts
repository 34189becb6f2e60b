import { formatNumber, formatPercent } from './formatFigures.js';
import { escapeHtml as h } from './htmlText.js';

/** One bar of a progress chart. */
export interface ProgressBar {
  label: string;
  /** 0–100. */
  value: number;
}

const clamp = (v: number) => Math.max(0, Math.min(100, v));

/**
 * Horizontal progress bars (0–100%), one a row, with their labels: key-result progress, SLA attainment.
 * Colours are presentation attributes (no `style`), so a strict Content-Security-Policy allows them.
 */
export function progressBarsSvg(title: string, bars: readonly ProgressBar[]): string {
  const rowHeight = 26;
  const labelWidth = 260;
  const barWidth = 300;
  const height = bars.length * rowHeight + 8;
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight + 4;
    const width = (clamp(bar.value) / 100) * barWidth;
    return (
      `<text x="0" y="${y + 15}" font-size="12" fill="#242424">${h(truncate(bar.label, 40))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="14" rx="3" fill="#e0e0e0"/>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${width.toFixed(1)}" height="14" rx="3" fill="${bar.value >= 70 ? '#107c10' : bar.value >= 40 ? '#c19c00' : '#c50f1f'}"/>` +
      `<text x="${labelWidth + barWidth + 8}" y="${y + 15}" font-size="12" fill="#242424">${formatPercent(bar.value)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${h(title)}" width="${labelWidth + barWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}">` +
    `<title>${h(title)}</title>${rows.join('')}</svg>`
  );
}

/** A KPI's measurements as a line, with its target as a dashed line. */
export function kpiLineSvg(title: string, series: readonly { on: string; value: number }[], target: number): string {
  const width = 360;
  const height = 120;
  const pad = 24;
  const values = [...series.map((p) => p.value), target];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) =>
    pad + (series.length <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (series.length - 1));
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad);
  const points = series.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = series
    .map(
      (p, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="#0f6cbd"><title>${h(`${p.on}: ${formatNumber(p.value)}`)}</title></circle>`,
    )
    .join('');
  const first = series[0];
  const last = series.at(-1);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${h(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${h(title)}</title>` +
    `<line x1="${pad}" x2="${width - pad}" y1="${y(target).toFixed(1)}" y2="${y(target).toFixed(1)}" stroke="#616161" stroke-dasharray="4 3"/>` +
    `<text x="${width - pad}" y="${(y(target) - 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#616161">target ${h(formatNumber(target))}</text>` +
    (series.length > 1 ? `<polyline points="${points}" fill="none" stroke="#0f6cbd" stroke-width="2"/>` : '') +
    dots +
    (first ? `<text x="${pad}" y="${height - 6}" font-size="10" fill="#616161">${h(first.on)}</text>` : '') +
    (last && series.length > 1
      ? `<text x="${width - pad}" y="${height - 6}" font-size="10" text-anchor="end" fill="#616161">${h(last.on)}</text>`
      : '') +
    `</svg>`
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
