// Synthetic demo appeals, proposals and drug-advert reports over the last three months, in every
// status, marked synthetic. Nothing here is real; the categories and their report items are.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { loadWorkingCalendar } from '../platform/calendar/calendar.service.js';
import type { Db } from '../platform/db/db.js';
import { mulberry32 } from '../platform/random.js';
import { registerAddressPlaces } from '../precincts/index.js';
import { routeAppeal, type AppealStatus, type ResponsibleUnit } from './appeals.domain.js';
import { maskPersonalData } from './appeals.masking.js';
import { syncDrugAdvertIndicators } from './appeals.service.js';
import { appealCategories, appealEvents, appeals } from './appeals.tables.js';

const DEMO_APPEALS = 260;

const texts: Record<string, string[]> = {
  general: ['Прошу разъяснить порядок получения справки о несудимости (демо).', 'Во дворе третий день стоит брошенный автомобиль без номеров (демо).', 'Подскажите, где принимает участковый в выходные? (демо)'],
  safety_proposal: ['Предлагаю установить освещение и камеру на пешеходном переходе у школы (демо).', 'Предлагаю пеший патруль по набережной вечером в выходные (демо).', 'Нужна лежачая полоса у детского сада: машины едут быстро (демо).'],
  drug_graffiti: ['На стене гаража надпись с рекламой «закладок» и ником в Telegram (демо).', 'На асфальте у остановки трафарет с рекламой наркотиков (демо).'],
  drug_link: ['Канал в Telegram продаёт наркотики с доставкой по городу (демо).', 'Сайт с продажей запрещённых веществ, ссылка в описании (демо).'],
  public_order: ['Ночью во дворе шумная компания, музыка после 23:00 (демо). Звоните 8 701 555 12 34.', 'Распитие спиртного на детской площадке по вечерам (демо).'],
  road_safety: ['Не работает светофор на перекрёстке, водители не пропускают пешеходов (демо).', 'Машины паркуются на тротуаре, коляской не пройти (демо).'],
  conduct_complaint: ['Сотрудник грубо разговаривал при проверке документов (демо).'],
  gratitude: ['Благодарю участкового за быструю помощь: нашли пропавший велосипед (демо).'],
};
const weights: [string, number][] = [['general', 18], ['safety_proposal', 10], ['drug_graffiti', 14], ['drug_link', 8], ['public_order', 22], ['road_safety', 14], ['conduct_complaint', 6], ['gratitude', 8]];

function pick(random: () => number): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [code, w] of weights) if ((r -= w) < 0) return code;
  return 'general';
}

const answers = [
  'Проведена проверка, с нарушителями проведена профилактическая беседа, составлен протокол (демо).',
  'Информация передана в акимат района, участок взят на контроль участковым инспектором (демо).',
  'Меры приняты: маршрут патруля скорректирован, обстановка контролируется (демо).',
];

export async function loadAppealsDemo(db: Db, actor: AuditActor): Promise<{ appeals: number; indicatorValues?: number }> {
  const random = mulberry32(311);
  const categories = new Map((await db.select().from(appealCategories)).map((c) => [c.code, c]));
  const places = await registerAddressPlaces(db);
  if (places.length === 0) return { appeals: 0 };
  const calendar = await loadWorkingCalendar(db);
  const now = Date.now();
  let created = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < DEMO_APPEALS; i++) {
      const code = pick(random);
      const cat = categories.get(code)!;
      const place = places[Math.floor(random() * places.length)]!;
      const createdAt = new Date(now - Math.floor(random() * 90 * 86_400_000));
      const ageDays = (now - createdAt.getTime()) / 86_400_000;
      const withPlace = cat.needsPlace || random() < 0.5;
      const target = routeAppeal(cat.responsibleUnit as ResponsibleUnit, withPlace ? { precinctId: place.precinctId, districtId: place.districtId } : { precinctId: null, districtId: null });
      const deadlineAt = calendar.addWorkingDays(createdAt, cat.deadlineDays);
      let status: AppealStatus = target ? 'routed' : 'received';
      const roll = random();
      if (ageDays > 25) status = roll < 0.7 ? 'closed' : roll < 0.85 ? 'answered' : roll < 0.92 ? 'declined' : 'not_competent';
      else if (ageDays > 8) status = roll < 0.5 ? 'answered' : roll < 0.8 ? 'in_progress' : status;
      else if (roll < 0.3 && target) status = 'in_progress';
      if (!target && status !== 'received' && !['declined', 'not_competent'].includes(status)) status = 'received';
      const description = texts[code]![Math.floor(random() * texts[code]!.length)]!;
      const answered = status === 'answered' || status === 'closed';
      const answeredAt = answered ? new Date(Math.min(now, createdAt.getTime() + (3 + random() * 20) * 86_400_000)) : null;
      const removed = cat.kind === 'drug_advert' && answered;
      const [row] = await tx
        .insert(appeals)
        .values({
          code: `AP-D${String(i).padStart(3, '0')}-${randomBytes(2).toString('hex').toUpperCase().replace(/[ILOU]/g, '7')}`,
          residentKeyHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
          categoryCode: code,
          kind: cat.kind,
          description,
          publicDescription: maskPersonalData(description).text,
          location: withPlace ? (sql`ST_SetSRID(ST_MakePoint(${place.lon}, ${place.lat}), 4326)` as unknown as string) : null,
          precinctId: target?.precinctId ?? null,
          districtId: target?.districtId ?? null,
          unit: target?.unit ?? null,
          status,
          deadlineAt,
          answer: answered ? (removed ? 'Надпись закрашена совместно с акиматом района (демо).' : answers[i % answers.length]!) : null,
          answeredAt,
          statusReason: status === 'declined' ? 'Обращение не содержит сведений для проверки (демо).' : status === 'not_competent' ? 'Акимат района (демо)' : null,
          rating: status === 'closed' ? 1 + Math.floor(random() * 5) : null,
          ratedAt: status === 'closed' ? answeredAt : null,
          contactLang: 'ru',
          source: random() < 0.15 ? 'open311' : 'web',
          advertKind: cat.kind === 'drug_advert' ? (code === 'drug_link' ? 'link' : 'graffiti') : null,
          advertUrl: code === 'drug_link' ? `t.me/demo_channel_${i}` : null,
          removedAt: removed ? answeredAt : null,
          removalEvidence: removed ? `Акт №${100 + i} (демо)` : null,
          supportCount: cat.kind === 'proposal' ? Math.floor(random() * 60) : 0,
          adoptedRef: cat.kind === 'proposal' && i % 7 === 0 ? { kind: 'programme', ref: 'safe-streets' } : null,
          synthetic: true,
          createdAt,
          updatedAt: answeredAt ?? createdAt,
        })
        .returning({ id: appeals.id });
      const id = row!.id;
      await tx.insert(appealEvents).values({ appealId: id, at: createdAt, kind: 'submitted', status: 'received', actorRole: 'public' });
      if (target) await tx.insert(appealEvents).values({ appealId: id, at: createdAt, kind: 'routed', status: 'routed', unit: target.unit, actorRole: 'system' });
      if (status === 'in_progress') await tx.insert(appealEvents).values({ appealId: id, at: new Date(createdAt.getTime() + 86_400_000), kind: 'status', status, unit: target?.unit ?? null, actorRole: 'inspector' });
      if (answered) await tx.insert(appealEvents).values({ appealId: id, at: answeredAt!, kind: removed ? 'removed' : 'answered', status: 'answered', unit: target?.unit ?? null, actorRole: 'inspector' });
      if (status === 'closed') await tx.insert(appealEvents).values({ appealId: id, at: answeredAt!, kind: 'rated', status: 'closed', actorRole: 'public' });
      if (status === 'declined' || status === 'not_competent') await tx.insert(appealEvents).values({ appealId: id, at: new Date(createdAt.getTime() + 3 * 86_400_000), kind: 'status', status, actorRole: 'editor' });
      created++;
    }
    await recordAudit(tx, actor, { action: 'import', entity: 'appeals', entityId: 'demo', before: null, after: { synthetic: true, appeals: created } });
  });
  const indicatorValues = await syncDrugAdvertIndicators(db, actor);
  return { appeals: created, indicatorValues };
}
