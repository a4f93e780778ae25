import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/db.js';
import { auditLog } from '../platform.tables.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends to the chain across processes (any constant unique to the audit log). */
const AUDIT_LOCK_KEY = 727_001;

export interface AuditActor {
  role: string;
  unit: string;
  userId: string | null;
}

export const systemActor: AuditActor = { role: 'system', unit: 'city', userId: null };

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

interface HashedFields {
  seq: number;
  at: string;
  actorRole: string;
  actorUnit: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function entryHash(fields: HashedFields): string {
  return createHash('sha256').update(fields.prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** Appends one entry; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, actor: AuditActor, change: AuditChange): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const before = change.before === undefined ? null : JSON.parse(canonicalJson(change.before));
  const after = change.after === undefined ? null : JSON.parse(canonicalJson(change.after));
  const hash = entryHash({
    seq,
    at: at.toISOString(),
    actorRole: actor.role,
    actorUnit: actor.unit,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before,
    after,
    prevHash,
  });
  await tx.insert(auditLog).values({
    seq,
    at,
    actorRole: actor.role,
    actorUnit: actor.unit,
    actorUserId: actor.userId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before,
    after,
    prevHash,
    hash,
  });
}

export type AuditRow = typeof auditLog.$inferSelect;

/** The newest entry: publishing it lets anyone notice later that the tail was cut off. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type VerifyResult =
  | { valid: true; entries: number; head: ChainHead | null }
  | { valid: false; entries: number; firstBroken: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' } };

/** Recomputes the whole chain in pages; names the first entry that does not hold. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const pageSize = 2000;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const row of page) {
      count++;
      if (row.seq !== expectedSeq) return { valid: false, entries: count, firstBroken: { seq: row.seq, reason: 'sequence_gap' } };
      if (row.prevHash !== prevHash) return { valid: false, entries: count, firstBroken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      const recomputed = entryHash({
        seq: row.seq,
        at: row.at.toISOString(),
        actorRole: row.actorRole,
        actorUnit: row.actorUnit,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
        prevHash: row.prevHash,
      });
      if (recomputed !== row.hash) return { valid: false, entries: count, firstBroken: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) break;
  }
  return { valid: true, entries: count, head: count ? { seq: expectedSeq - 1, hash: prevHash } : null };
}

export interface AuditQuery {
  limit: number;
  before?: number | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
}

export async function listAudit(db: DbOrTx, query: AuditQuery): Promise<AuditRow[]> {
  const conditions = [
    query.before !== undefined ? lt(auditLog.seq, query.before) : undefined,
    query.entity ? eq(auditLog.entity, query.entity) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
}

/** Public shape of an entry: who by role and unit, never the person. */
export function presentAuditEntry(row: AuditRow) {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    actor: { role: row.actorRole, unit: row.actorUnit },
    before: row.before ?? null,
    after: row.after ?? null,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}
