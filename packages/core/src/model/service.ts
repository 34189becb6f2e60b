import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  keySchema,
  numberSchema,
  personRefSchema,
  textSchema,
  titleSchema,
  withRules,
} from './common.js';

/** An IT service in the catalogue, with its SLA targets. */
export const serviceSchema = z.object({
  id: idSchema,
  key: keySchema('service'),
  name: titleSchema,
  description: textSchema.optional(),
  owner: personRefSchema,
  /** Availability promised, in percent (99.9). */
  availabilityTarget: numberSchema.gt(0, 'must be greater than 0').max(100, 'must be at most 100'),
  /** Response time promised at `responseTimePercentile`, in milliseconds. */
  responseTimeTargetMs: numberSchema.positive('must be greater than 0'),
  /** The percentile the response-time target applies to (95 for p95). */
  responseTimePercentile: numberSchema.gt(0, 'must be greater than 0').max(100, 'must be at most 100'),
});

/** An IT service with SLA targets. */
export type Service = z.infer<typeof serviceSchema>;

/** What a service achieved in one period. */
export const slaRecordSchema = withRules(
  z.object({
    id: idSchema,
    serviceKey: keySchema('service'),
    periodStart: isoDateSchema,
    /** Inclusive: a month is `2026-01-01`–`2026-01-31`. */
    periodEnd: isoDateSchema,
    downtimeMinutes: numberSchema.nonnegative('must be at least 0'),
    /** Measured response time at the service's percentile, in milliseconds. */
    responseTimeMs: numberSchema.nonnegative('must be at least 0'),
    incidents: numberSchema.int('must be a whole number').nonnegative('must be at least 0'),
  }),
  'slaRecord',
);

/** What a service achieved in one period. */
export type SlaRecord = z.infer<typeof slaRecordSchema>;
