import type { Initiative } from '../model/initiative.js';

/** The WSJF inputs. */
export type WsjfInputs = Pick<Initiative, 'businessValue' | 'timeCriticality' | 'riskReduction' | 'jobSize'>;

/** The RICE inputs. */
export type RiceInputs = Pick<Initiative, 'reach' | 'impact' | 'confidence' | 'effort'>;

/** Weighted shortest job first: cost of delay (business value + time criticality + risk reduction) over job size. */
export function wsjfScore(i: WsjfInputs): number {
  if (!(i.jobSize > 0)) throw new RangeError(`jobSize must be greater than 0, got ${i.jobSize}`);
  return (i.businessValue + i.timeCriticality + i.riskReduction) / i.jobSize;
}

/** RICE: reach × impact × confidence (as a fraction of 100 %) over effort. */
export function riceScore(i: RiceInputs): number {
  if (!(i.effort > 0)) throw new RangeError(`effort must be greater than 0, got ${i.effort}`);
  return (i.reach * i.impact * (i.confidence / 100)) / i.effort;
}
