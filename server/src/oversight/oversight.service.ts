import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { createSwrCache } from '../platform/cache/swr-cache.js';
import type { Db, DbOrTx, Tx } from '../platform/db/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { auditLog } from '../platform/platform.tables.js';
import {
  detectTopics,
  periodBounds,
  titleOf,
  type AssessmentVerdict,
  type RecommendationStatus,
} from './oversight.domain.js';
import * as repo from './oversight.repository.js';
import type { ParsedItem } from './report-import/index.js';
import {
  commissions,
  councils,
  recommendationResponses,
  recommendations,
  reportImports,
  reportingPeriods,
  responseAssessments,
  responseFigures,
  type StatusSuggestionData,
  type SubItem,
} from './oversight.tables.js';

export interface FigureInput {
  value: number;
  unit: string | null;
  counts: string;
  sentence: string;
}

/** Everything the public pages show about one recommendation, assembled once. */
export interface RecommendationView {
  row: repo.RecommendationRow;
  status: RecommendationStatus;
  competence: string | null;
  latestPeriod: string | null;
  latestAssessment: AssessmentVerdict | null;
  responses: {
    row: repo.ResponseRow;
    period: repo.PeriodRow;
    figures: repo.FigureRow[];
    assessments: repo.AssessmentRow[];
  }[];
}

async function requireCommission(db: Db | Tx, commissionId?: string): Promise<repo.CommissionRow> {
  const commission = commissionId ? await repo.findCommission(db, commissionId) : await repo.findDefaultCommission(db);
  if (!commission) throw notFound(commissionId ? 'commission' : 'a commission (no demo data loaded?)');
  return commission;
}

/** Builds views for all (or one) recommendations of a commission with three queries in total. */
export async function loadRecommendationViews(db: Db, options: { commissionId?: string; number?: number } = {}): Promise<RecommendationView[]> {
  const commission = await requireCommission(db, options.commissionId);
  const rows =
    options.number !== undefined
      ? [await repo.findRecommendation(db, commission.id, options.number)].filter((r): r is repo.RecommendationRow => r !== null)
      : await repo.listRecommendationRows(db, commission.id);
  const responses = await repo.listResponses(db, rows.map((r) => r.id));
  const responseIds = responses.map((r) => r.response.id);
  const [assessments, figures] = await Promise.all([repo.listAssessments(db, responseIds), repo.listFigures(db, responseIds)]);
  return rows.map((row) => {
    const own = responses
      .filter((r) => r.response.recommendationId === row.id)
      .map(({ response, period }) => ({
        row: response,
        period,
        figures: figures.filter((f) => f.responseId === response.id),
        assessments: assessments.filter((a) => a.responseId === response.id),
      }));
    const latest = own.at(-1);
    return {
      row,
      status: (latest?.row.status as RecommendationStatus | undefined) ?? 'no_response',
      competence: latest?.row.competence ?? null,
      latestPeriod: latest?.period.code ?? null,
      latestAssessment: (latest?.assessments.at(-1)?.verdict as AssessmentVerdict | undefined) ?? null,
      responses: own,
    };
  });
}

export async function getRecommendationView(db: Db, number: number): Promise<RecommendationView> {
  const [view] = await loadRecommendationViews(db, { number });
  if (!view) throw notFound(`recommendation п.${number}`);
  return view;
}

/** The audit entries about a recommendation, its responses and their assessments, newest first. */
export async function recommendationHistory(db: Db, view: RecommendationView) {
  const responseIds = view.responses.map((r) => r.row.id);
  const assessmentIds = view.responses.flatMap((r) => r.assessments.map((a) => a.id));
  const conditions = [and(eq(auditLog.entity, 'recommendation'), eq(auditLog.entityId, view.row.id))];
  if (responseIds.length) conditions.push(and(eq(auditLog.entity, 'response'), inArray(auditLog.entityId, responseIds)));
  if (assessmentIds.length) conditions.push(and(eq(auditLog.entity, 'assessment'), inArray(auditLog.entityId, assessmentIds)));
  return db.select().from(auditLog).where(or(...conditions)).orderBy(desc(auditLog.seq)).limit(200);
}

async function ensurePeriod(tx: Tx, actor: AuditActor, commissionId: string, code: string): Promise<repo.PeriodRow> {
  const existing = await repo.findPeriod(tx, commissionId, code);
  if (existing) return existing;
  const bounds = periodBounds(code);
  // Two requests may open the same new period at once: the loser reads the winner's row.
  const [created] = await tx
    .insert(reportingPeriods)
    .values({ commissionId, code, startsOn: bounds.startsOn, endsOn: bounds.endsOn })
    .onConflictDoNothing()
    .returning();
  if (!created) return (await repo.findPeriod(tx, commissionId, code))!;
  await recordAudit(tx, actor, { action: 'period.create', entity: 'period', entityId: created!.id, before: null, after: { code } });
  return created!;
}

const responseAuditView = (r: repo.ResponseRow, periodCode: string, number: number) => ({
  recommendation: number,
  period: periodCode,
  status: r.status,
  competence: r.competence,
  text: r.text,
  source: r.source,
});

interface ResponseWrite {
  number: number;
  periodCode: string;
  text: string;
  status: RecommendationStatus;
  competence: string | null;
  suggestion?: StatusSuggestionData | null;
  figures?: FigureInput[];
  source: 'imported' | 'manual';
  importId?: string | null;
}

async function writeResponse(tx: Tx, actor: AuditActor, commission: repo.CommissionRow, input: ResponseWrite): Promise<repo.ResponseRow> {
  const recommendation = await repo.findRecommendation(tx, commission.id, input.number);
  if (!recommendation) throw notFound(`recommendation п.${input.number}`);
  // Serialise writers of the same recommendation so that check-then-insert below cannot race.
  await tx.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.id, recommendation.id)).for('update');
  const period = await ensurePeriod(tx, actor, commission.id, input.periodCode);
  const [existing] = await tx
    .select()
    .from(recommendationResponses)
    .where(and(eq(recommendationResponses.recommendationId, recommendation.id), eq(recommendationResponses.periodId, period.id)))
    .for('update')
    .limit(1);
  const competence = input.status === 'outside_competence' ? input.competence : null;
  const values = {
    text: input.text,
    status: input.status,
    competence,
    source: input.source,
    ...(input.suggestion !== undefined ? { suggestion: input.suggestion } : {}),
    ...(input.importId !== undefined ? { importId: input.importId } : {}),
    updatedAt: new Date(),
  };
  const [saved] = existing
    ? await tx.update(recommendationResponses).set(values).where(eq(recommendationResponses.id, existing.id)).returning()
    : await tx.insert(recommendationResponses).values({ recommendationId: recommendation.id, periodId: period.id, ...values }).returning();
  if (input.figures) {
    await tx.delete(responseFigures).where(eq(responseFigures.responseId, saved!.id));
    if (input.figures.length) {
      await tx.insert(responseFigures).values(
        input.figures.map((f, position) => ({ responseId: saved!.id, position, value: String(f.value), unit: f.unit, counts: f.counts, sentence: f.sentence })),
      );
    }
  }
  await recordAudit(tx, actor, {
    action: existing ? 'response.update' : 'response.create',
    entity: 'response',
    entityId: saved!.id,
    before: existing ? responseAuditView(existing, period.code, input.number) : null,
    after: responseAuditView(saved!, period.code, input.number),
  });
  return saved!;
}

export interface ResponseInput {
  periodCode: string;
  text: string;
  status: RecommendationStatus;
  competence?: string | null | undefined;
}

export async function saveResponse(db: Db, actor: AuditActor, number: number, input: ResponseInput): Promise<repo.ResponseRow> {
  if (input.status === 'outside_competence' && !input.competence) {
    throw new AppError('validation', 'say whose competence it is (e.g. ДЧС) when the status is outside_competence', 'body.competence');
  }
  const commission = await requireCommission(db);
  const saved = await db.transaction((tx) =>
    writeResponse(tx, actor, commission, { number, periodCode: input.periodCode, text: input.text, status: input.status, competence: input.competence ?? null, source: 'manual' }),
  );
  invalidateOversightCache();
  return saved;
}

export async function assessResponse(
  db: Db,
  actor: AuditActor,
  responseId: string,
  input: { verdict: AssessmentVerdict; comment: string },
): Promise<repo.AssessmentRow> {
  if (input.verdict !== 'accepted' && input.comment.trim().length === 0) {
    throw new AppError('validation', 'a comment is required when the response is not accepted or needs more information', 'body.comment');
  }
  const saved = await db.transaction(async (tx) => {
    const response = await repo.findResponse(tx, responseId);
    if (!response) throw notFound('response');
    const [row] = await tx
      .insert(responseAssessments)
      .values({ responseId, verdict: input.verdict, comment: input.comment.trim(), userId: actor.userId, actorRole: actor.role, actorUnit: actor.unit })
      .returning();
    await recordAudit(tx, actor, {
      action: 'assessment.create',
      entity: 'assessment',
      entityId: row!.id,
      before: null,
      after: { response: responseId, verdict: row!.verdict, comment: row!.comment },
    });
    return row!;
  });
  invalidateOversightCache();
  return saved;
}

export interface RecommendationPatch {
  title?: string | undefined;
  text?: string | undefined;
  addressees?: string[] | undefined;
  topics?: string[] | undefined;
}

const recommendationAuditView = (r: repo.RecommendationRow) => ({
  number: r.number,
  title: r.title,
  text: r.text,
  subItems: r.subItems,
  addressees: r.addressees,
  topics: r.topics,
});

export async function updateRecommendation(db: Db, actor: AuditActor, number: number, patch: RecommendationPatch): Promise<repo.RecommendationRow> {
  const commission = await requireCommission(db);
  const saved = await db.transaction(async (tx) => {
    const before = await repo.findRecommendation(tx, commission.id, number);
    if (!before) throw notFound(`recommendation п.${number}`);
    const [after] = await tx
      .update(recommendations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(recommendations.id, before.id))
      .returning();
    await recordAudit(tx, actor, { action: 'recommendation.update', entity: 'recommendation', entityId: before.id, before: recommendationAuditView(before), after: recommendationAuditView(after!) });
    return after!;
  });
  invalidateOversightCache();
  return saved;
}

export interface ImportItemInput {
  number: number;
  recommendation: string;
  response: string;
  status: RecommendationStatus;
  competence: string | null;
  subItems: SubItem[];
  addressees: string[];
  figures: FigureInput[];
  suggestedStatus: StatusSuggestionData | null;
}

/** A parsed report item taken as it is: the suggested status becomes the status (CLI and demo). */
export function importItemFromParsed(item: ParsedItem): ImportItemInput {
  return {
    number: item.number,
    recommendation: item.recommendation,
    response: item.response,
    status: item.suggestedStatus.status,
    competence: item.suggestedStatus.competence,
    subItems: item.subItems,
    addressees: item.addressees,
    figures: item.figures,
    suggestedStatus: item.suggestedStatus,
  };
}

export interface ImportInput {
  periodCode: string;
  commissionId?: string | undefined;
  title: string;
  filename?: string | null;
  synthetic?: boolean;
  items: ImportItemInput[];
}

/**
 * Saves a confirmed import in one transaction: the period, each recommendation (created or updated)
 * and its response for the period, with figures; every change audited.
 */
export async function confirmImport(db: Db, actor: AuditActor, input: ImportInput): Promise<{ periodCode: string; created: number; updated: number }> {
  const numbers = input.items.map((i) => i.number);
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate !== undefined) throw new AppError('validation', `item п.${duplicate} appears twice`, 'body.items');
  const commission = await requireCommission(db, input.commissionId);
  const result = await db.transaction(async (tx) => {
    const period = await ensurePeriod(tx, actor, commission.id, input.periodCode);
    const [importRow] = await tx
      .insert(reportImports)
      .values({ periodId: period.id, title: input.title, filename: input.filename ?? null, itemCount: input.items.length, synthetic: input.synthetic ?? false })
      .returning();
    let created = 0;
    let updated = 0;
    for (const item of input.items) {
      const existing = await repo.findRecommendation(tx, commission.id, item.number);
      const fields = {
        title: titleOf(item.recommendation),
        text: item.recommendation.trim(),
        subItems: item.subItems,
        addressees: item.addressees.length ? item.addressees : ['ДП г.Алматы'],
        topics: detectTopics(`${item.recommendation}`),
      };
      if (existing) {
        const changed = existing.text !== fields.text || JSON.stringify(existing.subItems) !== JSON.stringify(fields.subItems);
        if (changed) {
          const [after] = await tx.update(recommendations).set({ ...fields, updatedAt: new Date() }).where(eq(recommendations.id, existing.id)).returning();
          await recordAudit(tx, actor, { action: 'recommendation.update', entity: 'recommendation', entityId: existing.id, before: recommendationAuditView(existing), after: recommendationAuditView(after!) });
        }
        updated++;
      } else {
        const [row] = await tx.insert(recommendations).values({ commissionId: commission.id, number: item.number, source: 'imported', ...fields }).returning();
        await recordAudit(tx, actor, { action: 'recommendation.create', entity: 'recommendation', entityId: row!.id, before: null, after: recommendationAuditView(row!) });
        created++;
      }
      if (item.status === 'outside_competence' && !item.competence) {
        throw new AppError('validation', `п.${item.number}: say whose competence it is when the status is outside_competence`, 'body.items.competence');
      }
      await writeResponse(tx, actor, commission, {
        number: item.number,
        periodCode: period.code,
        text: item.response.trim(),
        status: item.status,
        competence: item.competence,
        suggestion: item.suggestedStatus,
        figures: item.figures,
        source: 'imported',
        importId: importRow!.id,
      });
    }
    return { periodCode: period.code, created, updated };
  });
  invalidateOversightCache();
  return result;
}

export async function createCommissionIfMissing(
  tx: Tx,
  council: { name: { ru: string; kk: string; en: string } },
  commission: { number: number; name: { ru: string; kk: string; en: string } },
): Promise<string> {
  let [councilRow] = await tx.select().from(councils).limit(1);
  if (!councilRow) [councilRow] = await tx.insert(councils).values({ name: council.name }).returning();
  const [existing] = await tx
    .select()
    .from(commissions)
    .where(and(eq(commissions.councilId, councilRow!.id), eq(commissions.number, commission.number)))
    .limit(1);
  if (existing) return existing.id;
  const [row] = await tx.insert(commissions).values({ councilId: councilRow!.id, number: commission.number, name: commission.name }).returning();
  return row!.id;
}

// ---- In-process cache of the public list --------------------------------------------------

const listCache = createSwrCache<RecommendationView[]>((db) => loadRecommendationViews(db));

export function configureOversightCache(options: { ttlMs: number }): void {
  listCache.configure(options);
}

export function invalidateOversightCache(): void {
  listCache.invalidate();
}

export function cachedRecommendationViews(db: Db): Promise<RecommendationView[]> {
  return listCache.get(db);
}

export { repo as oversightRepository };

/** A figure quoted in a saved response, with where it comes from (for promotion into an indicator value). */
export interface ResponseFigureRef {
  id: string;
  value: number;
  unit: string | null;
  counts: string;
  sentence: string;
  recommendationNumber: number;
  periodCode: string;
}

export async function findResponseFigure(db: DbOrTx, figureId: string): Promise<ResponseFigureRef | null> {
  const [row] = await db
    .select({ figure: responseFigures, number: recommendations.number, periodCode: reportingPeriods.code })
    .from(responseFigures)
    .innerJoin(recommendationResponses, eq(recommendationResponses.id, responseFigures.responseId))
    .innerJoin(recommendations, eq(recommendations.id, recommendationResponses.recommendationId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, recommendationResponses.periodId))
    .where(eq(responseFigures.id, figureId))
    .limit(1);
  if (!row) return null;
  const f = row.figure;
  return { id: f.id, value: Number(f.value), unit: f.unit, counts: f.counts, sentence: f.sentence, recommendationNumber: row.number, periodCode: row.periodCode };
}

/** A recommendation with this number exists (appeals link an adopted proposal to it). */
export async function recommendationExists(db: DbOrTx, number: number): Promise<boolean> {
  const [row] = await db.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.number, number)).limit(1);
  return row !== undefined;
}
