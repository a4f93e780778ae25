// The patrol API as the server defines it (STYLE §2): shifts, sectors and deployment plans (п.6). Request
// and response types come from the server's Zod schemas.
import type { FeatureCollection, Geometry } from 'geojson';
import type { z } from 'zod';
import type * as plans from '../../../server/src/patrol/plans.schema';
import type { LocalizedText } from './types';

export type { TaskView } from './crime-analysis.contract';

/** The plans a deployment plan is compared with, in the order the server lists them. */
export const PLAN_METHODS = ['optimised', 'current', 'uniform', 'greedy'] as const satisfies readonly plans.PlanMethod[];
export type PlanMethod = plans.PlanMethod;
export type CrewKind = plans.CrewKind;

/** A shift and the crews it has (GET /api/v1/patrol/shifts). */
export interface PatrolShift {
  code: string;
  name: LocalizedText;
  /** Local (Asia/Almaty) HH:MM; a night shift ends the next day. */
  starts: string;
  ends: string;
  carCrews: number;
  footCrews: number;
  riskWeight: number;
  minFootShare: number;
}
export type PatrolShiftPatch = Pick<PatrolShift, 'carCrews' | 'footCrews' | 'riskWeight' | 'minFootShare'>;

export type PlanStartInput = z.input<typeof plans.planStartBody>;
export type PlanStarted = z.infer<typeof plans.planStartedSchema>;
export type PlanSummary = z.infer<typeof plans.planSummarySchema>;
export type PatrolPlan = z.infer<typeof plans.planSchema>;
export type PlanResult = z.infer<typeof plans.planResultSchema>;
export type PlanCoverage = z.infer<typeof plans.coverageSchema>;
export type PlanSector = z.infer<typeof plans.planSectorSchema>;
export type PlanCrew = z.infer<typeof plans.planCrewSchema>;
export type PlanStop = PlanCrew['stops'][number];

/** A patrol sector's outline (GET /api/v1/patrol/sectors.geojson). */
export interface SectorFeatureProperties {
  id: string;
  code: string;
  districtId: string;
  name: LocalizedText;
  synthetic: boolean;
  routes: { car: number; foot: number; stationary: number };
}
export type SectorCollection = FeatureCollection<Geometry, SectorFeatureProperties>;
