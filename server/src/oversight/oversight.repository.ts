import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db.js';
import {
  commissions,
  councils,
  recommendationResponses,
  recommendations,
  reportingPeriods,
  responseAssessments,
  responseFigures,
} from './oversight.tables.js';

export type CommissionRow = typeof commissions.$inferSelect;
export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type RecommendationRow = typeof recommendations.$inferSelect;
export type ResponseRow = typeof recommendationResponses.$inferSelect;
export type AssessmentRow = typeof responseAssessments.$inferSelect;
export type FigureRow = typeof responseFigures.$inferSelect;

export async function findDefaultCommission(db: DbOrTx): Promise<CommissionRow | null> {
  const [row] = await db.select().from(commissions).orderBy(desc(commissions.number)).limit(1);
  return row ?? null;
}

export async function findCommission(db: DbOrTx, id: string): Promise<CommissionRow | null> {
  const [row] = await db.select().from(commissions).where(eq(commissions.id, id)).limit(1);
  return row ?? null;
}

export function listCommissionsWithCouncil(db: DbOrTx) {
  return db
    .select({ id: commissions.id, number: commissions.number, name: commissions.name, council: councils.name })
    .from(commissions)
    .innerJoin(councils, eq(councils.id, commissions.councilId))
    .orderBy(asc(commissions.number));
}

export function listPeriods(db: DbOrTx, commissionId?: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(reportingPeriods)
    .where(commissionId ? eq(reportingPeriods.commissionId, commissionId) : undefined)
    .orderBy(asc(reportingPeriods.startsOn));
}

export async function findPeriod(db: DbOrTx, commissionId: string, code: string): Promise<PeriodRow | null> {
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.commissionId, commissionId), eq(reportingPeriods.code, code)))
    .limit(1);
  return row ?? null;
}

export function listRecommendationRows(db: DbOrTx, commissionId: string): Promise<RecommendationRow[]> {
  return db.select().from(recommendations).where(eq(recommendations.commissionId, commissionId)).orderBy(asc(recommendations.number));
}

export async function findRecommendation(db: DbOrTx, commissionId: string, number: number): Promise<RecommendationRow | null> {
  const [row] = await db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.commissionId, commissionId), eq(recommendations.number, number)))
    .limit(1);
  return row ?? null;
}

/** Responses of the given recommendations joined with their period, oldest period first. */
export function listResponses(db: DbOrTx, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return Promise.resolve([]);
  return db
    .select({ response: recommendationResponses, period: reportingPeriods })
    .from(recommendationResponses)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, recommendationResponses.periodId))
    .where(inArray(recommendationResponses.recommendationId, recommendationIds))
    .orderBy(asc(reportingPeriods.startsOn));
}

export function listAssessments(db: DbOrTx, responseIds: string[]): Promise<AssessmentRow[]> {
  if (responseIds.length === 0) return Promise.resolve([]);
  return db.select().from(responseAssessments).where(inArray(responseAssessments.responseId, responseIds)).orderBy(asc(responseAssessments.createdAt));
}

export function listFigures(db: DbOrTx, responseIds: string[]): Promise<FigureRow[]> {
  if (responseIds.length === 0) return Promise.resolve([]);
  return db.select().from(responseFigures).where(inArray(responseFigures.responseId, responseIds)).orderBy(asc(responseFigures.position));
}

export async function findResponse(db: DbOrTx, id: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(recommendationResponses).where(eq(recommendationResponses.id, id)).limit(1);
  return row ?? null;
}
