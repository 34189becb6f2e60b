import type { KpiChange } from '../alignment/impact.js';
import type { Kpi, KpiMeasurement } from '../model/kpi.js';

/**
 * How `kpi` moved over the inclusive days `after` (exclusive) to `until` (inclusive): from its last value on or before
 * `after` (its baseline when none) to its last value by `until`. Undefined when it was not measured in between.
 */
export function kpiMovement(
  kpi: Pick<Kpi, 'key' | 'name' | 'unit' | 'direction' | 'baseline'>,
  measurements: readonly Pick<KpiMeasurement, 'kpiKey' | 'measuredOn' | 'value'>[],
  after: string,
  until: string,
): KpiChange | undefined {
  let before: Pick<KpiMeasurement, 'measuredOn' | 'value'> | undefined;
  let latest: Pick<KpiMeasurement, 'measuredOn' | 'value'> | undefined;
  for (const m of measurements) {
    if (m.kpiKey !== kpi.key) continue;
    if (m.measuredOn <= after) {
      if (!before || m.measuredOn > before.measuredOn) before = m;
    } else if (m.measuredOn <= until) {
      if (!latest || m.measuredOn > latest.measuredOn) latest = m;
    }
  }
  if (!latest) return undefined;
  const from = before ? before.value : kpi.baseline;
  const change = latest.value - from;
  return {
    kpiKey: kpi.key,
    name: kpi.name,
    unit: kpi.unit,
    from,
    to: latest.value,
    change,
    improved: kpi.direction === 'higherIsBetter' ? change > 0 : change < 0,
  };
}
