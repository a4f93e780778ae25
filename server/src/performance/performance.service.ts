import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { findResponseFigure } from '../oversight/index.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { createSwrCache } from '../platform/cache/swr-cache.js';
import type { Db, DbOrTx, Tx } from '../platform/db/db.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { districtExists } from '../platform/geography/geography.service.js';
import {
  lastCompletedPeriod,
  MAX_AMOUNT_TIYN,
  MAX_INDICATOR_VALUE,
  parsePeriod,
  parseTenge,
  type Direction,
  type IndicatorUnit,
  type TargetKind,
} from './performance.domain.js';
import { CITY_ID, cityToday, PerformanceSnapshot, presentValueRow, type IndicatorDetail } from './performance.presenter.js';
import * as repo from './performance.repository.js';
import type {
  budgetLineBody,
  indicatorDefinitionBody,
  indicatorPatchBody,
  measurePatchBody,
  uploadRowSchema,
  valueBody,
} from './performance.schema.js';
import { budgetLines, indicators, indicatorValues, measures, officials, programmes } from './performance.tables.js';

/** How many values of one indicator the detail lists (daily series are long; open data has them all). */
const HISTORY_LIMIT = 1000;

// ---- The read model, cached ------------------------------------------------------------------

const snapshotCache = createSwrCache<PerformanceSnapshot>(async (db) => new PerformanceSnapshot(await repo.loadPerformanceRows(db)), {
  version: repo.performanceVersion,
});

export function configurePerformanceCache(options: { ttlMs: number }): void {
  snapshotCache.configure(options);
}

export function invalidatePerformanceCache(): void {
  snapshotCache.invalidate();
}

export function performanceSnapshot(db: Db): Promise<PerformanceSnapshot> {
  return snapshotCache.get(db);
}

export async function indicatorDetail(db: Db, id: string, asOf?: string): Promise<IndicatorDetail> {
  const snapshot = await performanceSnapshot(db);
  const card = snapshot.card(id);
  if (!card) throw notFound('indicator');
  const rows = await repo.listValueHistory(db, id, HISTORY_LIMIT + 1);
  const truncated = rows.length > HISTORY_LIMIT;
  if (truncated) rows.length = HISTORY_LIMIT;
  const byReplaced = new Map(rows.filter((r) => r.replaces).map((r) => [r.replaces!, r]));
  // Each superseded value points to the one that replaced it (recorded when the correction was written).
  const history = rows.map((row) => {
    const replacement = row.supersededAt ? byReplaced.get(row.id) : undefined;
    return {
      ...presentValueRow(row),
      replacedBy: replacement ? { id: replacement.id, value: Number(replacement.value), at: replacement.createdAt.toISOString(), reason: replacement.reason } : null,
    };
  });
  let compstat: IndicatorDetail['compstat'] = null;
  if (card.unit === 'count') {
    const day = asOf ?? snapshot.defaultAsOf();
    const family = snapshot.compstat(day, { code: card.code, unitId: card.department.id }).families[0];
    const row = family?.rows.find((r) => r.indicatorId === id);
    if (row) compstat = { asOf: day, cells: row.cells };
  }
  return { ...card, history, historyTruncated: truncated, compstat };
}

// ---- Who may write what ----------------------------------------------------------------------

/** A district-scoped account writes only its own district's figures. */
function assertUnitInScope(actor: AuditActor, unitId: string): void {
  if (actor.unit === 'city') return;
  if (actor.unit !== `district:${unitId}`) throw new AppError('forbidden', `this account serves ${actor.unit.replace('district:', '')} and cannot change figures of ${unitId}`);
}

async function assertDepartment(db: DbOrTx, unitId: string, field: string): Promise<void> {
  if (unitId !== CITY_ID && !(await districtExists(db, unitId))) throw invalid(field, `no district department '${unitId}'; use 'city' or a district id`);
}

// ---- Indicators ------------------------------------------------------------------------------

type DefinitionInput = z.infer<typeof indicatorDefinitionBody>;

/** A target that points the wrong way (a lower-is-better figure aimed upwards) is a typing mistake. */
function checkTargetDirection(
  direction: Direction,
  baseline: number | null,
  target: { kind: TargetKind; value: number } | null,
  unit?: IndicatorUnit,
  baselinePeriod?: string | null,
): void {
  if (baselinePeriod && !parsePeriod(baselinePeriod)) throw invalid('body.baseline.period', `'${baselinePeriod}' is not a real period`);
  const baselineProblem = baseline !== null && unit ? valueProblem({ measure: unit }, baseline) : null;
  if (baselineProblem) throw invalid('body.baseline.value', baselineProblem);
  const targetProblem = target?.kind === 'value' && unit ? valueProblem({ measure: unit }, target.value) : null;
  if (targetProblem) throw invalid('body.target.value', targetProblem);
  if (!target) return;
  if (target.kind === 'change_percent') {
    if (direction === 'lower_better' && target.value > 0) throw invalid('body.target.value', 'a lower-is-better indicator needs a negative change, e.g. -10');
    if (direction === 'higher_better' && target.value < 0) throw invalid('body.target.value', 'a higher-is-better indicator needs a positive change, e.g. 10');
    if (target.value <= -100) throw invalid('body.target.value', 'a change of -100 % or less is not a target');
    return;
  }
  if (baseline === null) return;
  if (direction === 'lower_better' && target.value > baseline) throw invalid('body.target.value', `lower is better, but the target ${target.value} is above the baseline ${baseline}`);
  if (direction === 'higher_better' && target.value < baseline) throw invalid('body.target.value', `higher is better, but the target ${target.value} is below the baseline ${baseline}`);
}

async function resolveRefs(db: DbOrTx, input: { programme?: string | null | undefined; officialId?: string | null | undefined }) {
  let programmeId: string | null | undefined;
  if (input.programme !== undefined) {
    programmeId = null;
    if (input.programme !== null) {
      const p = await repo.findProgramme(db, input.programme);
      if (!p) throw invalid('body.programme', `no programme '${input.programme}'`);
      programmeId = p.id;
    }
  }
  if (input.officialId) {
    const [o] = await db.select({ id: officials.id }).from(officials).where(eq(officials.id, input.officialId)).limit(1);
    if (!o) throw invalid('body.officialId', 'no such official');
  }
  return { programmeId };
}

const indicatorAuditView = (i: repo.IndicatorRow) => ({
  code: i.code,
  department: i.unitId,
  name: i.name.ru,
  unit: i.measure,
  direction: i.direction,
  baseline: i.baselineValue === null ? null : { period: i.baselinePeriod, value: Number(i.baselineValue) },
  target: i.targetValue === null ? null : { kind: i.targetKind, value: Number(i.targetValue), date: i.targetDate },
  thresholds: i.thresholds,
  dataSource: i.dataSource,
  sourceItem: i.sourceItem,
});

export async function defineIndicator(db: Db, actor: AuditActor, input: DefinitionInput): Promise<repo.IndicatorRow> {
  await assertDepartment(db, input.department, 'body.department');
  checkTargetDirection(input.direction, input.baseline?.value ?? null, input.target, input.unit, input.baseline?.period);
  const { programmeId } = await resolveRefs(db, input);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicators)
      .values({
        code: input.code,
        unitId: input.department,
        name: { ru: input.name.ru, kk: input.name.kk || input.name.ru, en: input.name.en || input.name.ru },
        measure: input.unit,
        direction: input.direction,
        baselinePeriod: input.baseline?.period ?? null,
        baselineValue: input.baseline ? String(input.baseline.value) : null,
        targetKind: input.target?.kind ?? 'value',
        targetValue: input.target ? String(input.target.value) : null,
        targetDate: input.target?.date ?? null,
        thresholds: input.thresholds,
        dataSource: input.dataSource,
        sourceItem: input.sourceItem,
        note: input.note,
        programmeId: programmeId ?? null,
        officialId: input.officialId,
        recommendationNumber: input.recommendationNumber,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', `indicator '${input.code}' already exists for ${input.department}`, 'body.code');
    await recordAudit(tx, actor, { action: 'indicator.create', entity: 'indicator', entityId: row.id, before: null, after: indicatorAuditView(row) });
    return row;
  });
  invalidatePerformanceCache();
  return created;
}

export async function updateIndicator(db: Db, actor: AuditActor, id: string, patch: z.infer<typeof indicatorPatchBody>): Promise<repo.IndicatorRow> {
  const saved = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update').limit(1);
    if (!existing) throw notFound('indicator');
    const baseline = patch.baseline !== undefined ? patch.baseline : existing.baselineValue === null ? null : { period: existing.baselinePeriod, value: Number(existing.baselineValue) };
    const target = patch.target !== undefined ? patch.target : existing.targetValue === null ? null : { kind: existing.targetKind, value: Number(existing.targetValue), date: existing.targetDate };
    const direction = patch.direction ?? existing.direction;
    checkTargetDirection(direction, baseline?.value ?? null, target, patch.unit ?? existing.measure, patch.baseline !== undefined ? baseline?.period : null);
    if (patch.unit && patch.unit !== existing.measure) {
      // Stored values must still make sense in the new unit (a count of 250 is not a percentage).
      const stored = await tx.select({ value: indicatorValues.value }).from(indicatorValues).where(and(eq(indicatorValues.indicatorId, id), isNull(indicatorValues.supersededAt)));
      const bad = stored.find((v) => valueProblem({ measure: patch.unit! }, Number(v.value)));
      if (bad) throw invalid('body.unit', `a stored value (${Number(bad.value)}) does not fit the unit ${patch.unit}`);
    }
    const { programmeId } = await resolveRefs(tx, patch);
    const [row] = await tx
      .update(indicators)
      .set({
        ...(patch.name ? { name: { ru: patch.name.ru, kk: patch.name.kk || patch.name.ru, en: patch.name.en || patch.name.ru } } : {}),
        ...(patch.unit ? { measure: patch.unit } : {}),
        direction,
        baselinePeriod: baseline?.period ?? null,
        baselineValue: baseline ? String(baseline.value) : null,
        targetKind: target?.kind ?? 'value',
        targetValue: target ? String(target.value) : null,
        targetDate: target?.date ?? null,
        ...(patch.thresholds ? { thresholds: patch.thresholds } : {}),
        ...(patch.dataSource ? { dataSource: patch.dataSource } : {}),
        ...(patch.sourceItem !== undefined ? { sourceItem: patch.sourceItem } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(programmeId !== undefined ? { programmeId } : {}),
        ...(patch.officialId !== undefined ? { officialId: patch.officialId } : {}),
        ...(patch.recommendationNumber !== undefined ? { recommendationNumber: patch.recommendationNumber } : {}),
        updatedAt: new Date(),
      })
      .where(eq(indicators.id, id))
      .returning();
    const [before, after] = [indicatorAuditView(existing), indicatorAuditView(row!)];
    const changed = JSON.stringify(before) !== JSON.stringify(after) || existing.note !== row!.note || existing.programmeId !== row!.programmeId || existing.officialId !== row!.officialId || existing.recommendationNumber !== row!.recommendationNumber;
    if (changed) await recordAudit(tx, actor, { action: 'indicator.update', entity: 'indicator', entityId: id, before, after });
    return row!;
  });
  invalidatePerformanceCache();
  return saved;
}

// ---- Values ----------------------------------------------------------------------------------

export interface ValueWrite {
  period: string;
  value: number;
  source: string;
  note: string;
  reason: string;
  figureId?: string | null;
  /** Derived from synthetic demo records (shown as such). */
  synthetic?: boolean;
}

export type ValueChange = 'new' | 'correction' | 'unchanged';

/** Why a period cannot carry a value: not a period, or not over yet (a part of a period would read as a fall). */
export function periodProblem(code: string, today = cityToday()): string | null {
  const period = parsePeriod(code);
  if (!period) return `'${code}' is not a period; use 2021, 2021-Q1, 2021-03 or 2021-03-15`;
  if (period.start > today) return `the period ${code} has not started yet`;
  if (period.end >= today) return `the period ${code} is not over yet; enter it once it has ended`;
  return null;
}

export function checkValuePeriod(code: string, field: string, today = cityToday()) {
  const problem = periodProblem(code, today);
  if (problem) throw invalid(field, problem);
  return parsePeriod(code)!;
}

/** Why a value cannot be a figure of this indicator (a share above 100 %, half a theft), or null. */
export function valueProblem(indicator: Pick<repo.IndicatorRow, 'measure'>, value: number): string | null {
  if (!Number.isFinite(value)) return 'the value is not a number';
  if (Math.abs(value) > MAX_INDICATOR_VALUE) return `${value} is beyond any plausible figure (at most ${MAX_INDICATOR_VALUE})`;
  if (indicator.measure === 'percent' && (value < 0 || value > 100)) return `a percentage must be between 0 and 100, not ${value}`;
  if (['count', 'residents'].includes(indicator.measure) && (value < 0 || !Number.isInteger(value))) return `a count must be a whole number of 0 or more, not ${value}`;
  if (['per_100k', 'tenge', 'days', 'minutes'].includes(indicator.measure) && value < 0) return `this figure cannot be negative (${value})`;
  return null;
}

const valueAuditView = (indicator: repo.IndicatorRow, v: repo.ValueRow) => ({
  indicator: indicator.code,
  department: indicator.unitId,
  period: v.periodCode,
  value: Number(v.value),
  source: v.source,
  ...(v.reason ? { reason: v.reason } : {}),
  ...(v.figureId ? { figure: v.figureId } : {}),
});

/**
 * Writes one value inside a transaction: a new period, a correction (the old row is kept, marked
 * superseded, and the reason is required), or nothing when the same figure is already there.
 */
async function writeValue(tx: Tx, actor: AuditActor, indicator: repo.IndicatorRow, input: ValueWrite, field = 'body'): Promise<ValueChange> {
  const period = checkValuePeriod(input.period, `${field}.period`);
  const problem = valueProblem(indicator, input.value);
  if (problem) throw invalid(`${field}.value`, problem);
  const existing = await repo.findCurrentValue(tx, indicator.id, period.code);
  if (existing && Number(existing.value) === input.value && existing.source === input.source) return 'unchanged';
  // A promoted figure that is already there (entered from the same report by hand) changes nothing.
  if (existing && input.figureId && Number(existing.value) === input.value) return 'unchanged';
  if (existing && !input.reason.trim()) {
    throw invalid(`${field}.reason`, `${indicator.code} for ${period.code} is already ${Number(existing.value)}; say why it is corrected`);
  }
  if (existing) await tx.update(indicatorValues).set({ supersededAt: new Date() }).where(eq(indicatorValues.id, existing.id));
  const [row] = await tx
    .insert(indicatorValues)
    .values({
      indicatorId: indicator.id,
      periodKind: period.kind,
      periodCode: period.code,
      periodStart: period.start,
      periodEnd: period.end,
      value: String(input.value),
      source: input.source,
      note: input.note,
      reason: existing ? input.reason.trim() : '',
      figureId: input.figureId ?? null,
      replaces: existing?.id ?? null,
      synthetic: input.synthetic ?? false,
      enteredByRole: actor.role,
      enteredByUnit: actor.unit,
      enteredByUser: actor.userId,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: existing ? 'indicator_value.correct' : 'indicator_value.create',
    entity: 'indicator_value',
    entityId: row!.id,
    before: existing ? valueAuditView(indicator, existing) : null,
    after: valueAuditView(indicator, row!),
  });
  return existing ? 'correction' : 'new';
}

async function lockIndicator(tx: Tx, id: string): Promise<repo.IndicatorRow> {
  const [row] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update').limit(1);
  if (!row) throw notFound('indicator');
  return row;
}

export async function saveValue(db: Db, actor: AuditActor, indicatorId: string, input: z.infer<typeof valueBody> & { figureId?: string | null }): Promise<ValueChange> {
  const change = await db.transaction(async (tx) => {
    const indicator = await lockIndicator(tx, indicatorId);
    assertUnitInScope(actor, indicator.unitId);
    return writeValue(tx, actor, indicator, input);
  });
  if (change !== 'unchanged') invalidatePerformanceCache();
  return change;
}

/**
 * Values another module computes from its own records (e.g. drug adverts removed per month, from the
 * appeals module): each completed period is written when it differs from the current value, as a
 * correction with the given reason. An indicator that is not defined is skipped (returns 0).
 */
export async function saveComputedValues(
  db: Db,
  actor: AuditActor,
  input: { indicatorCode: string; unitId: string; source: string; reason: string; synthetic: boolean; values: { period: string; value: number }[] },
): Promise<number> {
  const indicator = await repo.findIndicatorByCode(db, input.indicatorCode, input.unitId);
  if (!indicator) return 0;
  let written = 0;
  await db.transaction(async (tx) => {
    await lockIndicator(tx, indicator.id);
    for (const v of input.values) {
      const change = await writeValue(tx, actor, indicator, { period: v.period, value: v.value, source: input.source, note: '', reason: input.reason, synthetic: input.synthetic });
      if (change !== 'unchanged') written++;
    }
  });
  if (written > 0) invalidatePerformanceCache();
  return written;
}

/** Promotes a figure found by the report import (oversight) into an indicator value. */
export async function promoteFigure(db: Db, actor: AuditActor, input: { figureId: string; indicatorId: string; period?: string | undefined; reason: string }): Promise<ValueChange> {
  const figure = await findResponseFigure(db, input.figureId);
  if (!figure) throw invalid('body.figureId', 'no such figure in a saved response');
  const indicator = await repo.findIndicator(db, input.indicatorId);
  if (!indicator) throw notFound('indicator');
  // A percentage is not a count and a count is not a percentage: «на 10 %» never becomes 10 offences.
  const figureIsPercent = figure.unit === '%';
  if (figureIsPercent !== (indicator.measure === 'percent')) {
    throw invalid('body.indicatorId', `the figure is ${figureIsPercent ? 'a percentage' : `in ${figure.unit ?? 'units'}`}, the indicator counts in ${indicator.measure}`);
  }
  const period = input.period ?? figure.periodCode;
  return saveValue(db, actor, input.indicatorId, {
    period,
    value: figure.value,
    source: `Отчёт ДП Общественному совету, п.${figure.recommendationNumber} (${figure.periodCode})`,
    note: figure.sentence.slice(0, 2000),
    reason: input.reason,
    figureId: figure.id,
  });
}

// ---- Upload: preview and confirm -------------------------------------------------------------

export type UploadRow = z.infer<typeof uploadRowSchema>;

export interface CheckedRow {
  index: number;
  row: UploadRow;
  ok: boolean;
  reason: string | null;
  field: string | null;
  change: ValueChange | null;
  previous: number | null;
  indicator: repo.IndicatorRow | null;
}

/** Checks rows against the stored indicators and values without writing anything. */
export async function checkUploadRows(db: DbOrTx, actor: AuditActor, rows: readonly UploadRow[]): Promise<CheckedRow[]> {
  const all = await db.select().from(indicators);
  const byKey = new Map(all.map((i) => [`${i.code}|${i.unitId}`, i]));
  // Only the stored values of the indicators the rows name (a daily series would otherwise come along).
  const named = [...new Set(rows.flatMap((r) => byKey.get(`${r.indicator.trim()}|${r.department.trim() || CITY_ID}`)?.id ?? []))];
  const current = named.length
    ? await db
        .select({ indicatorId: indicatorValues.indicatorId, periodCode: indicatorValues.periodCode, value: indicatorValues.value, source: indicatorValues.source })
        .from(indicatorValues)
        .where(and(isNull(indicatorValues.supersededAt), inArray(indicatorValues.indicatorId, named)))
    : [];
  const stored = new Map(current.map((v) => [`${v.indicatorId}|${v.periodCode}`, v]));
  const seen = new Set<string>();
  const today = cityToday();
  return rows.map((row, index) => {
    const fail = (field: string, reason: string): CheckedRow => ({ index, row, ok: false, reason, field, change: null, previous: null, indicator: null });
    const department = row.department.trim() || CITY_ID;
    const indicator = byKey.get(`${row.indicator.trim()}|${department}`);
    if (!indicator) {
      const known = all.some((i) => i.code === row.indicator.trim());
      return known ? fail('department', `indicator '${row.indicator}' has no series for '${department}'`) : fail('indicator', `no indicator with the code '${row.indicator}'`);
    }
    if (actor.unit !== 'city' && actor.unit !== `district:${indicator.unitId}`) return fail('department', `this account cannot change figures of ${indicator.unitId}`);
    const periodError = periodProblem(row.period, today);
    if (periodError) return fail('period', periodError);
    const period = parsePeriod(row.period)!;
    const problem = valueProblem(indicator, row.value);
    if (problem) return fail('value', problem);
    if (row.source.trim().length < 2) return fail('source', 'say where the figure comes from');
    const key = `${indicator.id}|${period.code}`;
    if (seen.has(key)) return fail('period', `${row.indicator} for ${period.code} appears twice in the file`);
    seen.add(key);
    const existing = stored.get(key);
    let change: ValueChange = 'new';
    if (existing) change = Number(existing.value) === row.value && existing.source === row.source.trim() ? 'unchanged' : 'correction';
    if (change === 'correction' && !row.reason.trim()) return { ...fail('reason', `${period.code} already holds ${Number(existing!.value)}; a correction needs a reason`), previous: Number(existing!.value) };
    return { index, row: { ...row, department, source: row.source.trim() }, ok: true, reason: null, field: null, change, previous: existing ? Number(existing.value) : null, indicator };
  });
}

/** Saves checked rows all together, or nothing when any row is refused. */
export async function confirmUpload(db: Db, actor: AuditActor, rows: readonly UploadRow[]): Promise<{ created: number; corrected: number; unchanged: number }> {
  const result = await db.transaction(async (tx) => {
    const checked = await checkUploadRows(tx, actor, rows);
    const bad = checked.find((c) => !c.ok);
    if (bad) {
      const where = bad.row.line !== undefined ? `line ${bad.row.line} of the file` : `row ${bad.index + 1}`;
      throw invalid(`body.rows.${bad.index}.${bad.field}`, `${where}: ${bad.reason}; nothing was saved`);
    }
    const counts = { created: 0, corrected: 0, unchanged: 0 };
    for (const c of checked) {
      const change = await writeValue(tx, actor, c.indicator!, { period: c.row.period, value: c.row.value, source: c.row.source, note: c.row.note, reason: c.row.reason }, `body.rows.${c.index}`);
      if (change === 'new') counts.created++;
      else if (change === 'correction') counts.corrected++;
      else counts.unchanged++;
    }
    return counts;
  });
  if (result.created + result.corrected > 0) invalidatePerformanceCache();
  return result;
}

// ---- Budgets and measures --------------------------------------------------------------------

function money(field: string, value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const tiyn = parseTenge(value);
  if (tiyn === null) throw invalid(field, `'${value}' is not an amount of tenge (e.g. 409 178 000 or 1250,50)`);
  if (tiyn < 0) throw invalid(field, 'an amount cannot be negative');
  if (tiyn > MAX_AMOUNT_TIYN) throw invalid(field, `'${value}' is more than a budget line can hold (1 trillion tenge)`);
  return tiyn;
}

export async function saveBudgetLine(db: Db, actor: AuditActor, programmeCode: string, input: z.infer<typeof budgetLineBody>): Promise<void> {
  const planned = money('body.planned', input.planned);
  if (planned === null) throw invalid('body.planned', 'the planned amount is required');
  const allocated = money('body.allocated', input.allocated);
  const spent = money('body.spent', input.spent);
  if (spent !== null && allocated !== null && spent > allocated) throw invalid('body.spent', 'more is spent than was allocated; check the figures');
  await db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, programmeCode);
    if (!programme) throw notFound(`programme '${programmeCode}'`);
    const [from, to] = [Number(programme.startsOn.slice(0, 4)), Number(programme.endsOn.slice(0, 4))];
    if (input.year < from || input.year > to) throw invalid('body.year', `the programme runs ${from}–${to}; ${input.year} is outside it`);
    const [existing] = await tx
      .select()
      .from(budgetLines)
      .where(and(eq(budgetLines.programmeId, programme.id), eq(budgetLines.year, input.year), eq(budgetLines.label, input.label)))
      .for('update')
      .limit(1);
    const values = { plannedTiyn: planned, allocatedTiyn: allocated, spentTiyn: spent, source: input.source, synthetic: false, updatedAt: new Date() };
    const [row] = existing
      ? await tx.update(budgetLines).set(values).where(eq(budgetLines.id, existing.id)).returning()
      : await tx.insert(budgetLines).values({ programmeId: programme.id, year: input.year, label: input.label, ...values }).returning();
    const view = (b: repo.BudgetLineRow) => ({ programme: programme.code, year: b.year, label: b.label, plannedTiyn: b.plannedTiyn, allocatedTiyn: b.allocatedTiyn, spentTiyn: b.spentTiyn, source: b.source });
    await recordAudit(tx, actor, { action: existing ? 'budget_line.update' : 'budget_line.create', entity: 'budget_line', entityId: row!.id, before: existing ? view(existing) : null, after: view(row!) });
  });
  invalidatePerformanceCache();
}

export async function updateMeasure(db: Db, actor: AuditActor, id: string, patch: z.infer<typeof measurePatchBody>): Promise<repo.MeasureRow> {
  const saved = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(measures).where(eq(measures.id, id)).for('update').limit(1);
    if (!existing) throw notFound('measure');
    const [programme] = await tx.select({ unitId: programmes.unitId, code: programmes.code }).from(programmes).where(eq(programmes.id, existing.programmeId));
    assertUnitInScope(actor, programme!.unitId);
    const [row] = await tx
      .update(measures)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(measures.id, id))
      .returning();
    const view = (m: repo.MeasureRow) => ({ programme: programme!.code, number: m.number, status: m.status, evidence: m.evidence, deadline: m.deadline });
    await recordAudit(tx, actor, { action: 'measure.update', entity: 'measure', entityId: id, before: view(existing), after: view(row!) });
    return row!;
  });
  invalidatePerformanceCache();
  return saved;
}

// ---- What an editor owes -----------------------------------------------------------------------

export interface DueIndicator {
  id: string;
  code: string;
  name: { ru: string; kk: string; en: string };
  department: { id: string; name: { ru: string; kk: string; en: string } };
  lastPeriod: string | null;
  expectedPeriod: string;
  programme: string | null;
}

/**
 * Indicators in the account's scope whose latest value is older than the last completed period of
 * their own rhythm (monthly, quarterly or yearly); daily series are fed by other modules and skipped.
 */
export async function dueIndicators(db: Db, actor: AuditActor, today = cityToday()): Promise<DueIndicator[]> {
  const snapshot = await performanceSnapshot(db);
  const due: DueIndicator[] = [];
  for (const i of snapshot.rows.indicators) {
    if (actor.unit !== 'city' && actor.unit !== `district:${i.unitId}`) continue;
    const card = snapshot.card(i.id)!;
    if (card.current?.rolledUp) continue;
    const kind = (snapshot.valuesByIndicator.get(i.id) ?? []).at(-1)?.periodKind ?? 'quarter';
    if (kind === 'day') continue;
    const expected = lastCompletedPeriod(kind, today);
    const expectedEnd = parsePeriod(expected)!.end;
    if (card.current && card.current.end >= expectedEnd) continue;
    due.push({ id: i.id, code: i.code, name: i.name, department: card.department, lastPeriod: card.current?.period ?? null, expectedPeriod: expected, programme: card.programme?.code ?? null });
  }
  return due;
}

/** A programme with this code exists (appeals link an adopted proposal to it). */
export async function programmeExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code)).limit(1);
  return row !== undefined;
}

/** A measure with this id exists (appeals link an adopted proposal to it). */
export async function measureExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: measures.id }).from(measures).where(eq(measures.id, id)).limit(1);
  return row !== undefined;
}
