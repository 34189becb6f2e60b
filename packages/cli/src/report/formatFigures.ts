/** A number as the report prints it: at most two decimals, no trailing zeros (`12.5`, `3`, `-0.25`). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('en-US', {
    maximumFractionDigits: 2,
    useGrouping: false,
  });
}

/** A percentage, whole (`63%`). */
export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** An availability, to the precision SLAs are written in (`99.95%`). */
export function formatAvailability(value: number): string {
  return `${(Math.floor(value * 1000) / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })}%`;
}

/** A signed change (`+4`, `-1.5`, `0`). */
export function formatChange(value: number): string {
  const text = formatNumber(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** A value with its unit (`12 ms`, `98 %` → `98%`). */
export function withUnit(value: number, unit: string): string {
  const number = formatNumber(value);
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
