import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { AppError, notFound } from '../errors.js';
import { districts, users } from '../platform.tables.js';
import { recordAudit, systemActor, type AuditActor } from '../audit/audit.service.js';
import { dummyHashPromise, generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { isStaffRole, type Scope, type StaffRole } from './roles.js';
import { deleteUserSessions } from './sessions.service.js';

export type UserRow = typeof users.$inferSelect;

export function presentUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as StaffRole,
    scope: (row.districtId ? { kind: 'district', districtId: row.districtId } : { kind: 'city' }) as Scope,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Audit view of an account: role, scope and state; never the person's name. */
const auditView = (row: Pick<UserRow, 'role' | 'districtId' | 'active'>) => ({
  role: row.role,
  scope: row.districtId ? `district:${row.districtId}` : 'city',
  active: row.active,
});

/** Checks a login; the same work is done whether or not the user exists. */
export async function authenticate(db: Db, username: string, password: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).limit(1);
  if (!row) {
    await verifyPassword(await dummyHashPromise, password);
    return null;
  }
  const ok = await verifyPassword(row.passwordHash, password);
  return ok && row.active && isStaffRole(row.role) ? row : null;
}

async function assertDistrict(db: Db, scope: Scope): Promise<string | null> {
  if (scope.kind === 'city') return null;
  const [d] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, scope.districtId)).limit(1);
  if (!d) throw new AppError('validation', `unknown district ${scope.districtId}`, 'body.scope.districtId');
  return d.id;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: StaffRole;
  scope: Scope;
  password?: string | undefined;
}

export async function createUser(db: Db, actor: AuditActor, input: NewUser): Promise<{ user: UserRow; oneTimePassword: string | null }> {
  const districtId = await assertDistrict(db, input.scope);
  const oneTimePassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, input.username.toLowerCase())).limit(1);
    if (existing) throw new AppError('conflict', `username ${input.username} is taken`, 'body.username');
    const [user] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, role: input.role, districtId, passwordHash })
      .returning();
    await recordAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: user!.id, before: null, after: auditView(user!) });
    return { user: user!, oneTimePassword };
  });
}

export interface UserPatch {
  displayName?: string | undefined;
  role?: StaffRole | undefined;
  scope?: Scope | undefined;
  active?: boolean | undefined;
}

export async function updateUser(db: Db, actor: AuditActor, id: string, patch: UserPatch): Promise<UserRow> {
  const districtId = patch.scope ? await assertDistrict(db, patch.scope) : undefined;
  const updated = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update').limit(1);
    if (!before) throw notFound('user');
    const narrowsScope = patch.scope !== undefined && patch.scope.kind !== 'city';
    if (before.id === actor.userId && (patch.active === false || (patch.role && patch.role !== 'admin') || narrowsScope)) {
      throw new AppError('conflict', 'an administrator cannot demote, narrow the scope of, or deactivate their own account', 'body');
    }
    const [after] = await tx
      .update(users)
      .set({
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(districtId !== undefined ? { districtId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'user.update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
  if (patch.active === false || patch.role !== undefined || patch.scope !== undefined) await deleteUserSessions(db, id);
  return updated;
}

export async function resetPassword(db: Db, actor: AuditActor, id: string): Promise<string> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id)).returning();
    if (!row) throw notFound('user');
    await recordAudit(tx, actor, { action: 'user.reset_password', entity: 'user', entityId: id, before: null, after: auditView(row) });
  });
  await deleteUserSessions(db, id);
  return oneTimePassword;
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

/**
 * Makes sure the first administrator exists. With ADMIN_PASSWORD it is set from the environment;
 * otherwise a one-time password is generated and returned (printed once by the caller).
 */
export async function ensureFirstAdmin(db: Db, adminPassword: string | undefined): Promise<{ created: boolean; password: string | null }> {
  const [existing] = await db.select().from(users).where(eq(users.username, 'admin')).limit(1);
  if (existing) {
    if (adminPassword && !(await verifyPassword(existing.passwordHash, adminPassword))) {
      await db.update(users).set({ passwordHash: await hashPassword(adminPassword), updatedAt: new Date() }).where(eq(users.id, existing.id));
    }
    return { created: false, password: null };
  }
  const { oneTimePassword } = await createUser(db, systemActor, {
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    scope: { kind: 'city' },
    password: adminPassword,
  });
  return { created: true, password: oneTimePassword };
}
