// Trust indicators (п.1): a short survey after a contact or on the portal, aggregated per district and
// month with a 95 % interval, small cells suppressed. One answer per one-time token.
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, gte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/db.js';
import { AppError, invalid } from '../platform/errors.js';
import { districtExists, listDistricts } from '../platform/geography/geography.service.js';
import {
  aggregateScores,
  MIN_PUBLISHED_ANSWERS,
  normaliseScore,
  scaleBounds,
  suppressComplement,
  trustItems,
  type Aggregate,
  type SurveyContext,
  type SurveyScale,
  type TrustItem,
} from './performance.domain.js';
import { CITY_ID, cityName, cityToday } from './performance.presenter.js';
import { trustSurveyResponses, trustSurveyTokens } from './performance.tables.js';

/** How long a contact's survey link stays valid. */
const TOKEN_DAYS = 30;
/** Portal tokens one address may take per day: enough for a household, too few to stuff the box. */
export const PORTAL_TOKENS_PER_DAY = 5;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues a one-time survey token after a contact. Other modules (appeals, towing, receptions) call this
 * inside the transaction that closes the contact, and put the token into the link they send.
 */
export async function issueTrustToken(db: DbOrTx, input: { context: SurveyContext; districtId?: string | null; issuerKey?: string | null }): Promise<IssuedToken> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + TOKEN_DAYS * 86_400_000);
  await db.insert(trustSurveyTokens).values({ tokenHash: hashToken(token), context: input.context, districtId: input.districtId ?? null, issuerKey: input.issuerKey ?? null, expiresAt });
  return { token, expiresAt };
}

async function assertDistrict(db: DbOrTx, id: string | null | undefined, field: string): Promise<string | null> {
  if (!id) return null;
  if (!(await districtExists(db, id))) throw invalid(field, `no district department '${id}'`);
  return id;
}

/** The requester's network: an IPv4 address, or the /64 of an IPv6 one (a household gets a whole /64). */
export function addressNetwork(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head] = address.split('::');
  const groups = (head ?? '').split(':').filter(Boolean);
  return `${[...groups, '0', '0', '0', '0'].slice(0, 4).join(':')}::/64`;
}

/**
 * A portal token, capped per network and day. Only a truncated, unsalted hash of the network and the
 * day is kept, to count; it is not published. The count and the insert run under one lock per key, so
 * parallel requests cannot all slip under the cap.
 */
export async function issuePortalToken(db: Db, input: { address: string; districtId?: string | null | undefined }): Promise<IssuedToken> {
  const districtId = await assertDistrict(db, input.districtId, 'body.districtId');
  const issuerKey = createHash('sha256').update(`${cityToday()}|${addressNetwork(input.address)}`).digest('hex').slice(0, 20);
  const since = new Date(Date.now() - 86_400_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${issuerKey}))`);
    const [row] = await tx
      .select({ n: count() })
      .from(trustSurveyTokens)
      .where(and(eq(trustSurveyTokens.issuerKey, issuerKey), gt(trustSurveyTokens.issuedAt, since)));
    if ((row?.n ?? 0) >= PORTAL_TOKENS_PER_DAY) throw new AppError('rate_limited', 'this address has taken enough survey links today; please try tomorrow');
    return issueTrustToken(tx, { context: 'portal', districtId, issuerKey });
  });
}

/**
 * A survey link handed to a resident after a contact. The contact's district must exist, and a
 * district-scoped account hands out links for its own district only.
 */
export async function issueContactToken(db: Db, actorUnit: string, input: { context: SurveyContext; districtId?: string | null | undefined }): Promise<IssuedToken> {
  const own = actorUnit.startsWith('district:') ? actorUnit.slice('district:'.length) : null;
  const districtId = input.districtId ?? own;
  if (own && districtId !== own) throw new AppError('forbidden', `this account serves ${own} and cannot hand out survey links for ${districtId}`, 'body.districtId');
  return issueTrustToken(db, { context: input.context, districtId: await assertDistrict(db, districtId, 'body.districtId') });
}

export interface SurveyAnswer {
  token: string;
  scale: SurveyScale;
  answers: Partial<Record<TrustItem, number | undefined>>;
  districtId?: string | null | undefined;
}

/** Records one answer per token; a used, unknown or expired token changes nothing. */
export async function answerSurvey(db: Db, input: SurveyAnswer, synthetic = false): Promise<void> {
  const { min, max } = scaleBounds[input.scale];
  const answers: Partial<Record<TrustItem, number>> = {};
  for (const item of trustItems) {
    const v = input.answers[item];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < min || v > max) throw invalid(`body.answers.${item}`, `answers on the ${input.scale} scale are whole numbers from ${min} to ${max}`);
    answers[item] = v;
  }
  if (Object.keys(answers).length === 0) throw invalid('body.answers', 'answer at least one question');
  const chosenDistrict = await assertDistrict(db, input.districtId, 'body.districtId');
  await db.transaction(async (tx) => {
    const [token] = await tx.select().from(trustSurveyTokens).where(eq(trustSurveyTokens.tokenHash, hashToken(input.token))).for('update').limit(1);
    if (!token || token.expiresAt < new Date()) throw new AppError('survey_link_unknown', 'this survey link is unknown or has expired');
    if (token.usedAt) throw new AppError('survey_link_used', 'this survey link has already been used: one answer per link');
    await tx.update(trustSurveyTokens).set({ usedAt: new Date() }).where(eq(trustSurveyTokens.tokenHash, token.tokenHash));
    await tx.insert(trustSurveyResponses).values({
      context: token.context,
      // The contact's district wins: the token was issued where the contact happened.
      districtId: token.districtId ?? chosenDistrict,
      month: `${cityToday().slice(0, 7)}-01`,
      scale: input.scale,
      answers,
      synthetic,
    });
  });
}

export interface TrustRow {
  department: { id: string; name: { ru: string; kk: string; en: string } };
  month: string;
  overall: Aggregate;
  items: Record<TrustItem, Aggregate>;
}

/** Aggregates per department (the city and each district) and month, newest month first. */
export async function trustAggregates(db: Db, months: number): Promise<{ rows: TrustRow[]; synthetic: boolean; minAnswers: number }> {
  const today = cityToday();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
  const responses = await db.select().from(trustSurveyResponses).where(gte(trustSurveyResponses.month, first));
  const districtRows = await listDistricts(db);
  const groups = new Map<string, { overall: number[]; items: Record<TrustItem, number[]> }>();
  const bucket = (dept: string, month: string) => {
    const key = `${dept}|${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { overall: [], items: Object.fromEntries(trustItems.map((i) => [i, []])) as unknown as Record<TrustItem, number[]> }));
    return g;
  };
  for (const r of responses) {
    const month = r.month.slice(0, 7);
    const scores = trustItems.flatMap((item) => (r.answers[item] === undefined ? [] : [[item, normaliseScore(r.scale, r.answers[item]!)] as const]));
    const overall = scores.reduce((a, [, s]) => a + s, 0) / scores.length;
    for (const dept of r.districtId ? [CITY_ID, r.districtId] : [CITY_ID]) {
      const g = bucket(dept, month);
      g.overall.push(overall);
      for (const [item, s] of scores) g.items[item].push(s);
    }
  }
  const names = new Map<string, TrustRow['department']['name']>([[CITY_ID, cityName], ...districtRows.map((d) => [d.id, d.name] as const)]);
  const order = [CITY_ID, ...districtRows.map((d) => d.id)];
  const rows = [...groups]
    .map(([key, g]) => {
      const [dept, month] = key.split('|') as [string, string];
      return {
        department: { id: dept, name: names.get(dept) ?? { ru: dept, kk: dept, en: dept } },
        month,
        overall: aggregateScores(g.overall),
        items: Object.fromEntries(trustItems.map((i) => [i, aggregateScores(g.items[i])])) as Record<TrustItem, Aggregate>,
      };
    })
    .sort((a, b) => b.month.localeCompare(a.month) || order.indexOf(a.department.id) - order.indexOf(b.department.id));
  // Districts add up to the city's total: one lone suppressed district would show through the difference.
  for (const month of new Set(rows.map((r) => r.month))) {
    const districtsOfMonth = rows.filter((r) => r.month === month && r.department.id !== CITY_ID);
    const overall = suppressComplement(districtsOfMonth.map((r) => r.overall));
    districtsOfMonth.forEach((r, i) => (r.overall = overall[i]!));
    for (const item of trustItems) {
      const cells = suppressComplement(districtsOfMonth.map((r) => r.items[item]));
      districtsOfMonth.forEach((r, i) => (r.items[item] = cells[i]!));
    }
  }
  return { rows, synthetic: responses.some((r) => r.synthetic), minAnswers: MIN_PUBLISHED_ANSWERS };
}

export type TokenState = 'open' | 'used' | 'expired' | 'unknown';

/** Whether a survey link can still be answered, so the form can say so before it is filled in. */
export async function surveyTokenState(db: DbOrTx, token: string): Promise<TokenState> {
  const [row] = await db.select({ usedAt: trustSurveyTokens.usedAt, expiresAt: trustSurveyTokens.expiresAt }).from(trustSurveyTokens).where(eq(trustSurveyTokens.tokenHash, hashToken(token))).limit(1);
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  return row.expiresAt < new Date() ? 'expired' : 'open';
}
