// Demo data of the tow service, all synthetic and marked so: three impound lots, example reasons (the
// articles are to be checked against the Code before real use), a registry of made-up plates and phones
// (+7 700 000 …), and two weeks of tows with their SMS history, so the staff pages and figures have
// something to show. Today's tows go through the real path: their SMS is queued and the sender sends it.
import { sql } from 'drizzle-orm';
import type { AuditActor } from '../platform/audit/audit.service.js';
import type { Db } from '../platform/db/db.js';
import { enqueueMessage, messagesQueued } from '../platform/notify/outbox.js';
import { messageEvents, messages } from '../platform/platform.tables.js';
import { mulberry32 } from '../platform/random.js';
import { displayPlate } from './plates.js';
import { publishTowFigures } from './towing.figures.js';
import { defaultTemplates, formatTenge, hashSecret, newCode, newLinkToken, newSalt, renderTemplate, smsLink } from './towing.domain.js';
import { impoundLots, towReasons, tows, vehicleRegistry } from './towing.tables.js';

const lots = [
  {
    code: 'LOT-1',
    name: { ru: 'Штрафстоянка №1 (демо)', kk: '№1 айыппұл тұрағы (демо)', en: 'Impound lot No. 1 (demo)' },
    address: { ru: 'ул. Тестовая, 1', kk: 'Тестовая к-сі, 1', en: '1 Testovaya St' },
    hours: { ru: 'круглосуточно', kk: 'тәулік бойы', en: 'open 24 hours' },
    phone: '+77270000001',
    lon: 76.9035,
    lat: 43.2905,
    districtId: 'turksib',
  },
  {
    code: 'LOT-2',
    name: { ru: 'Штрафстоянка №2 (демо)', kk: '№2 айыппұл тұрағы (демо)', en: 'Impound lot No. 2 (demo)' },
    address: { ru: 'ул. Примерная, 25', kk: 'Примерная к-сі, 25', en: '25 Primernaya St' },
    hours: { ru: '08:00–22:00', kk: '08:00–22:00', en: '08:00–22:00' },
    phone: '+77270000002',
    lon: 76.8412,
    lat: 43.2251,
    districtId: 'auezov',
  },
  {
    code: 'LOT-3',
    name: { ru: 'Штрафстоянка №3 (демо)', kk: '№3 айыппұл тұрағы (демо)', en: 'Impound lot No. 3 (demo)' },
    address: { ru: 'пр. Образцовый, 7', kk: 'Образцовый д-лы, 7', en: '7 Obraztsovy Ave' },
    hours: { ru: 'круглосуточно', kk: 'тәулік бойы', en: 'open 24 hours' },
    phone: '+77270000003',
    lon: 76.9512,
    lat: 43.2356,
    districtId: 'medeu',
  },
];

const reasons = [
  { code: 'no-parking', article: { ru: 'ст.597 КоАП', kk: 'ӘҚБтК 597', en: 'CAO art. 597' }, text: { ru: 'Стоянка там, где она запрещена', kk: 'Тыйым салынған жерде тұрақ', en: 'Parking where it is prohibited' } },
  { code: 'disabled-space', article: { ru: 'ст.597 КоАП', kk: 'ӘҚБтК 597', en: 'CAO art. 597' }, text: { ru: 'Стоянка на месте для людей с инвалидностью', kk: 'Мүгедектігі бар адамдарға арналған орында тұрақ', en: 'Parking in a space for disabled people' } },
  { code: 'obstruction', article: { ru: 'ст.597 КоАП', kk: 'ӘҚБтК 597', en: 'CAO art. 597' }, text: { ru: 'Стоянка, мешающая движению транспорта или пешеходов', kk: 'Көлік немесе жаяу жүргіншілер қозғалысына кедергі келтіретін тұрақ', en: 'Parking that obstructs traffic or pedestrians' } },
  { code: 'tram-track', article: { ru: 'ст.597 КоАП', kk: 'ӘҚБтК 597', en: 'CAO art. 597' }, text: { ru: 'Стоянка на трамвайных путях или остановке', kk: 'Трамвай жолында немесе аялдамада тұрақ', en: 'Parking on tram tracks or at a stop' } },
];

const makes = ['Toyota Camry', 'Hyundai Accent', 'Chevrolet Cobalt', 'Lada Granta', 'Kia Rio', 'Volkswagen Polo', 'Toyota Land Cruiser', 'Hyundai Tucson'];
const colours = ['белый', 'чёрный', 'серебристый', 'серый', 'синий', 'красный'];
const letters = 'ABCEHKMOPTXY';
const DEMO_URL = 'http://localhost:8080';

/** A made-up plate of Almaty (region 02) in the 2012 format. */
function demoPlate(random: () => number): string {
  const digits = String(Math.floor(random() * 1000)).padStart(3, '0');
  const l = Array.from({ length: 3 }, () => letters[Math.floor(random() * letters.length)]).join('');
  return `${digits}${l}02`;
}

export async function loadTowingDemo(db: Db, actor: AuditActor, publicUrl = DEMO_URL): Promise<{ lots: number; registry: number; tows: number }> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(impoundLots);
  if ((existing?.n ?? 0) > 0) return { lots: 0, registry: 0, tows: 0 };
  const random = mulberry32(24);
  const lotIds: string[] = [];
  await db.transaction(async (tx) => {
    for (const lot of lots) {
      const [row] = await tx
        .insert(impoundLots)
        .values({ code: lot.code, name: lot.name, address: lot.address, hours: lot.hours, phone: lot.phone, districtId: lot.districtId, location: sql`ST_SetSRID(ST_MakePoint(${lot.lon}, ${lot.lat}), 4326)` as unknown as string, synthetic: true })
        .returning({ id: impoundLots.id });
      lotIds.push(row!.id);
    }
    for (const [i, r] of reasons.entries()) await tx.insert(towReasons).values({ ...r, sortOrder: i, synthetic: true });
  });
  // The registry: 400 plates with phones; one plate in ten has no entry (its tow is flagged for a call).
  const plates = new Set<string>();
  while (plates.size < 440) plates.add(demoPlate(random));
  const all = [...plates];
  const registered = all.slice(0, 400);
  await db.insert(vehicleRegistry).values(
    registered.map((plate, i) => ({ plate, phone: `+7700000${String(i).padStart(4, '0')}`, lang: i % 4 === 0 ? 'kk' : 'ru', synthetic: true })),
  );
  const phoneOf = new Map(registered.map((plate, i) => [plate, { phone: `+7700000${String(i).padStart(4, '0')}`, lang: (i % 4 === 0 ? 'kk' : 'ru') as 'ru' | 'kk' }]));

  // Two weeks of tows: 6–12 a day; older ones released, with the SMS history they would have.
  const now = Date.now();
  let created = 0;
  await db.transaction(async (tx) => {
    for (let daysAgo = 13; daysAgo >= 0; daysAgo--) {
      const count = 6 + Math.floor(random() * 7);
      for (let k = 0; k < count; k++) {
        const towedAt = new Date(now - daysAgo * 86_400_000 - Math.floor(random() * (daysAgo === 0 ? 6 : 20)) * 3_600_000 - Math.floor(random() * 3_600_000));
        const plate = all[Math.floor(random() * all.length)]!;
        const owner = phoneOf.get(plate) ?? null;
        const lotIndex = Math.floor(random() * lots.length);
        const lot = lots[lotIndex]!;
        const reason = reasons[Math.floor(random() * reasons.length)]!;
        const fine = [8_650, 17_250, 25_950][Math.floor(random() * 3)]!;
        const code = newCode();
        const salt = newSalt();
        const token = newLinkToken();
        const old = daysAgo > 0;
        const status = old ? (random() < 0.9 ? 'released' : 'cancelled') : random() < 0.5 ? 'at_lot' : 'towed';
        const [row] = await tx
          .insert(tows)
          .values({
            plate,
            plateAsWritten: displayPlate(plate),
            plateFormat: 'kz2012',
            make: makes[Math.floor(random() * makes.length)]!,
            colour: colours[Math.floor(random() * colours.length)]!,
            towedFrom: sql`ST_SetSRID(ST_MakePoint(${lot.lon + (random() - 0.5) * 0.06}, ${lot.lat + (random() - 0.5) * 0.04}), 4326)` as unknown as string,
            towedFromAddress: `ул. Демонстрационная, ${1 + Math.floor(random() * 200)} (демо)`,
            towedAt,
            reasonCode: reason.code,
            fine,
            lotId: lotIds[lotIndex]!,
            truck: `ЭВ-${String(1 + Math.floor(random() * 40)).padStart(2, '0')}`,
            // half in the demo tow operator's district (Almaly), the rest where their lot is
            districtId: random() < 0.5 ? 'almaly' : lot.districtId,
            status,
            atLotAt: status === 'towed' ? null : new Date(towedAt.getTime() + 40 * 60_000),
            releasedAt: status === 'released' ? new Date(towedAt.getTime() + (3 + random() * 30) * 3_600_000) : null,
            releasedTo: status === 'released' ? 'Владелец (демо)' : null,
            releaseDocuments: status === 'released' ? 'удостоверение личности, техпаспорт (демо)' : null,
            cancelledAt: status === 'cancelled' ? new Date(towedAt.getTime() + 20 * 60_000) : null,
            cancelReason: status === 'cancelled' ? 'Владелец подошёл до погрузки (демо)' : null,
            ownerContact: owner ? 'registry' : 'none',
            ownerLang: owner?.lang ?? 'ru',
            needsCall: !owner,
            calledAt: !owner && old ? new Date(towedAt.getTime() + 30 * 60_000) : null,
            callNote: !owner && old ? 'Дозвонились, владелец знает, где автомобиль (демо)' : null,
            linkToken: token,
            codeSalt: salt,
            codeHash: hashSecret(salt, code),
            phoneLast4Hash: owner ? hashSecret(salt, owner.phone.slice(-4)) : null,
            createdAt: towedAt,
            synthetic: true,
          })
          .returning({ id: tows.id });
        created++;
        if (!owner) continue;
        const text = renderTemplate(defaultTemplates.notice[owner.lang], {
          plate: displayPlate(plate),
          reason: reason.article[owner.lang],
          fine: formatTenge(fine),
          lot: lot.name[owner.lang],
          address: lot.address[owner.lang],
          hours: lot.hours[owner.lang],
          phone: lot.phone,
          code,
          link: smsLink(publicUrl, token),
        });
        if (!old) {
          // Today's: queued for real; the sender delivers them (to DATA_DIR/sms.log by default).
          await enqueueMessage(tx, { channel: 'sms', recipient: owner.phone, text, purpose: 'tow.notice', refId: row!.id, idempotencyKey: `tow:${row!.id}:notice` });
          continue;
        }
        // Earlier days: the history such a message would have (synthetic): sent within seconds, delivered
        // within a minute or two; one in twenty-five never delivered (the phone was off for a day).
        const sentAt = new Date(towedAt.getTime() + (2 + random() * 8) * 1000);
        const failed = random() < 0.04;
        const deliveredAt = failed ? null : new Date(sentAt.getTime() + (5 + random() * 120) * 1000);
        const providerId = `demo-${row!.id.slice(0, 8)}`;
        const [message] = await tx
          .insert(messages)
          .values({
            channel: 'sms',
            recipient: owner.phone,
            text,
            encoding: 'ucs2',
            segments: 2,
            purpose: 'tow.notice',
            refId: row!.id,
            idempotencyKey: `tow:${row!.id}:notice`,
            status: failed ? 'failed' : 'delivered',
            attempts: 1,
            provider: 'demo',
            providerIds: [providerId],
            partsDelivered: failed ? 0 : 1,
            failureReason: failed ? 'the provider could not deliver it (UNDELIV) (demo)' : null,
            createdAt: towedAt,
            sentAt,
            deliveredAt,
            finishedAt: deliveredAt ?? new Date(sentAt.getTime() + 86_400_000),
            expiresAt: new Date(towedAt.getTime() + 86_400_000),
          })
          .returning({ id: messages.id });
        await tx.insert(messageEvents).values([
          { messageId: message!.id, at: sentAt, kind: 'accepted', attempt: 1, providerStatus: 'OK', detail: `${providerId}: demo history` },
          { messageId: message!.id, at: deliveredAt ?? new Date(sentAt.getTime() + 86_400_000), kind: 'receipt', providerStatus: failed ? 'UNDELIV' : 'DELIVRD', partId: providerId, detail: failed ? 'undeliverable' : 'delivered' },
        ]);
      }
    }
  });
  messagesQueued();
  await publishTowFigures(db, actor);
  return { lots: lots.length, registry: registered.length, tows: created };
}
