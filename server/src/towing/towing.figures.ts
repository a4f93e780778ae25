// The tow service's daily figures for the performance module (п.24): tows, the share of owners whose SMS
// was delivered, and the median minutes from registration to delivery, per completed Almaty day (the
// performance module takes no value for a period still running: a part of a day would read as a fall).
import { sql } from 'drizzle-orm';
import { saveComputedValues } from '../performance/index.js';
import type { AuditActor } from '../platform/audit/audit.service.js';
import { queryRows, type Db } from '../platform/db/db.js';

export async function publishTowFigures(db: Db, actor: AuditActor): Promise<number> {
  const rows = await queryRows<{ day: string; synthetic: boolean; tows: number; notified: number; delivered: number; median_seconds: number | null }>(
    db,
    sql`select to_char(t.towed_at at time zone 'Asia/Almaty', 'YYYY-MM-DD') as day, t.synthetic,
               count(*)::int as tows,
               count(m.id)::int as notified,
               count(m.id) filter (where m.status = 'delivered')::int as delivered,
               percentile_cont(0.5) within group (order by extract(epoch from (m.delivered_at - t.created_at))) filter (where m.status = 'delivered') as median_seconds
        from tows t left join messages m on m.purpose = 'tow.notice' and m.ref_id = t.id::text
        where t.status <> 'cancelled' and t.towed_at >= now() - interval '60 days'
          and t.towed_at < (now() at time zone 'Asia/Almaty')::date::timestamp at time zone 'Asia/Almaty'
        group by 1, 2 order by 1`,
  );
  const source = 'openbeat: модуль эвакуации (п.24)';
  const reason = 'пересчитано по эвакуациям за прошедшие сутки';
  let written = 0;
  for (const synthetic of [true, false]) {
    const part = rows.filter((r) => Boolean(r.synthetic) === synthetic);
    if (part.length === 0) continue;
    const save = (indicatorCode: string, values: { period: string; value: number }[]) =>
      values.length > 0 ? saveComputedValues(db, actor, { indicatorCode, unitId: 'city', source, reason, synthetic, values }) : Promise.resolve(0);
    written += await save('tows_registered', part.map((r) => ({ period: r.day, value: r.tows })));
    // the share among tows whose owner had a contact: a tow without one is the duty officer's call
    written += await save('tow_sms_delivered_share', part.filter((r) => r.notified > 0).map((r) => ({ period: r.day, value: Math.round((1000 * r.delivered) / r.notified) / 10 })));
    written += await save('tow_sms_median_minutes', part.filter((r) => r.median_seconds !== null).map((r) => ({ period: r.day, value: Math.round(Number(r.median_seconds) / 6) / 10 })));
  }
  return written;
}
