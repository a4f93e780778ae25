import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { actorOf } from '../auth/auth.plugin.js';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { errorResponses } from '../http/schemas.js';
import { calendarOverrides } from '../platform.tables.js';
import { invalidateCalendarCache } from './calendar.service.js';
import { statutoryHolidays } from './working-calendar.js';

const dateParams = z.object({ date: z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'use a date between 2000 and 2100') });
const overrideSchema = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), note: z.string().nullable() }).meta({ id: 'CalendarOverride' });
const admins = { roles: ['admin'], scope: 'city' } as const;

/** The Almaty working calendar behind appeal deadlines: statutory holidays and the government's transfers. */
export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/calendar',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Statutory holidays of a year and the overrides (transferred days off / working Saturdays) that deadlines count with',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).default(new Date().getUTCFullYear()) }),
        response: { 200: z.object({ year: z.number().int(), holidays: z.array(z.string()), overrides: z.array(overrideSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const year = request.query.year;
      const overrides = (await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date))).filter((o) => o.date.startsWith(`${year}-`));
      return { year, holidays: statutoryHolidays(year), overrides };
    },
  );

  app.put(
    '/api/v1/admin/calendar-overrides/:date',
    { config: { access: admins }, schema: { tags: ['platform'], summary: 'Declare a day off or a working day (audited)', params: dateParams, body: z.object({ kind: z.enum(['holiday', 'workday']), note: z.string().trim().max(200).optional() }), response: { 200: overrideSchema, ...errorResponses } } },
    async (request) => {
      const { date } = request.params;
      const value = { date, kind: request.body.kind, note: request.body.note ?? null };
      await db.transaction(async (tx) => {
        const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date));
        await tx.insert(calendarOverrides).values(value).onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: value.kind, note: value.note } });
        await recordAudit(tx, actorOf(request), { action: before ? 'update' : 'create', entity: 'calendar_override', entityId: date, before: before ?? null, after: value });
      });
      invalidateCalendarCache();
      return value;
    },
  );

  app.delete(
    '/api/v1/admin/calendar-overrides/:date',
    { config: { access: admins }, schema: { tags: ['platform'], summary: 'Remove an override (audited)', params: dateParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const { date } = request.params;
      await db.transaction(async (tx) => {
        const [before] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
        if (!before) throw new AppError('not_found', `no override for ${date}`);
        await recordAudit(tx, actorOf(request), { action: 'delete', entity: 'calendar_override', entityId: date, before, after: null });
      });
      invalidateCalendarCache();
      return reply.code(204).send(null);
    },
  );
};
