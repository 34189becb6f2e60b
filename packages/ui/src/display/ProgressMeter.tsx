import { Field, ProgressBar } from '@fluentui/react-components';
import { formatPercent } from './format.js';

/** Props of {@link ProgressMeter}. */
export interface ProgressMeterProps {
  /** What is measured ("Checkout conversion"). */
  label: string;
  /** 0–1 (values outside are clamped by the bar). */
  value: number;
  /** Text after the label ("2.1% of 3%"). */
  detail?: string;
}

/** A labelled Fluent progress bar, with the percentage in text as well. */
export function ProgressMeter({ label, value, detail }: ProgressMeterProps) {
  const clamped = Math.min(1, Math.max(0, value));
  return (
    <Field label={label} hint={`${formatPercent(clamped)}${detail ? ` · ${detail}` : ''}`}>
      <ProgressBar value={clamped} max={1} thickness="large" aria-label={`${label}: ${formatPercent(clamped)}`} />
    </Field>
  );
}
