import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  keySchema,
  numberSchema,
  personRefSchema,
  textSchema,
  titleSchema,
} from './common.js';
import { kpiDirections } from './vocabulary.js';

/** A key performance indicator, measured regularly against a target. */
export const kpiSchema = z.object({
  id: idSchema,
  key: keySchema('kpi'),
  objectiveKey: keySchema('objective'),
  name: titleSchema,
  description: textSchema.optional(),
  unit: z.string({ invalid_type_error: 'must be a string' }).max(40, 'must be at most 40 characters'),
  direction: z.enum(kpiDirections, { message: 'must be higherIsBetter or lowerIsBetter' }),
  baseline: numberSchema,
  target: numberSchema,
  owner: personRefSchema,
});

/** A key performance indicator. */
export type Kpi = z.infer<typeof kpiSchema>;

/** One measurement of a KPI. */
export const kpiMeasurementSchema = z.object({
  id: idSchema,
  kpiKey: keySchema('kpi'),
  /** The day the value stands for (the first of the month for monthly KPIs). */
  measuredOn: isoDateSchema,
  value: numberSchema,
  note: textSchema.optional(),
});

/** One measurement of a KPI. */
export type KpiMeasurement = z.infer<typeof kpiMeasurementSchema>;
