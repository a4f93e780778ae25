// Synthetic demo precincts, inspectors, reception points and an address register for the demo city.
// Everything here is marked synthetic and says so wherever it shows; only the norms are real (п.9).
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { queryRows, type Db } from '../platform/db/db.js';
import { processPhoto, type PhotoStore } from '../platform/images/photos.js';
import { mulberry32 } from '../platform/random.js';
import { districts } from '../platform/platform.tables.js';
import { normalizeHouse, normalizeStreet } from './address.js';
import type { HoursException, WeeklyHours } from './precincts.domain.js';
import { addressRegister, inspectors, precincts, receptionPoints } from './precincts.tables.js';

/** Precincts per district department in the demo: 2.2 million residents / 288 ≈ 7 500 per precinct (the report: 7 000–8 000 per inspector, п.9). */
const PRECINCTS_PER_DISTRICT = 36;
const MODULAR_POSTS = 37;
const ADDRESSES_PER_PRECINCT = 24;

// Obviously synthetic surnames ("Demo", "Sample", "Example", "Test" in Russian) with common first names.
const surnames = ['Демоев', 'Примеров', 'Образцов', 'Тестов', 'Макетов', 'Шаблонов', 'Условнов', 'Пробнов'];
const firstNames = ['Асет', 'Ержан', 'Данияр', 'Нурлан', 'Бауыржан', 'Айдос', 'Руслан', 'Тимур', 'Ерлан', 'Марат', 'Айгерим', 'Динара', 'Алия', 'Жанна'];
const translit: Record<string, string> = {
  Демоев: 'Demoyev', Примеров: 'Primerov', Образцов: 'Obraztsov', Тестов: 'Testov', Макетов: 'Maketov', Шаблонов: 'Shablonov', Условнов: 'Uslovnov', Пробнов: 'Probnov',
  Асет: 'Aset', Ержан: 'Yerzhan', Данияр: 'Daniyar', Нурлан: 'Nurlan', Бауыржан: 'Bauyrzhan', Айдос: 'Aidos', Руслан: 'Ruslan', Тимур: 'Timur', Ерлан: 'Yerlan', Марат: 'Marat',
  Айгерим: 'Aigerim', Динара: 'Dinara', Алия: 'Aliya', Жанна: 'Zhanna',
};
const female = new Set(['Айгерим', 'Динара', 'Алия', 'Жанна']);

const ranks = [
  { ru: 'лейтенант полиции', kk: 'полиция лейтенанты', en: 'Police Lieutenant' },
  { ru: 'старший лейтенант полиции', kk: 'полиция аға лейтенанты', en: 'Police Senior Lieutenant' },
  { ru: 'капитан полиции', kk: 'полиция капитаны', en: 'Police Captain' },
  { ru: 'майор полиции', kk: 'полиция майоры', en: 'Police Major' },
];
const positions = [
  { ru: 'участковый инспектор полиции', kk: 'учаскелік полиция инспекторы', en: 'Precinct police inspector' },
  { ru: 'старший участковый инспектор полиции', kk: 'аға учаскелік полиция инспекторы', en: 'Senior precinct police inspector' },
];

/** Real Almaty street and microdistrict names; their places in the synthetic register are made up. */
const streetNames = [
  'ул. Абая', 'пр. Достык', 'ул. Сейфуллина', 'ул. Толе би', 'пр. Райымбека', 'ул. Жибек жолы', 'ул. Гоголя', 'ул. Казыбек би', 'ул. Богенбай батыра',
  'ул. Кабанбай батыра', 'ул. Жамбыла', 'ул. Розыбакиева', 'ул. Саина', 'ул. Момышулы', 'ул. Байзакова', 'ул. Ауэзова', 'ул. Манаса', 'ул. Шагабутдинова',
  'ул. Тимирязева', 'ул. Сатпаева', 'ул. Жандосова', 'пр. Аль-Фараби', 'ул. Навои', 'ул. Утеген батыра', 'ул. Рыскулова', 'ул. Макатаева', 'ул. Муканова',
  'ул. Желтоксан', 'ул. Наурызбай батыра', 'ул. Курмангазы', 'мкр. Самал-1', 'мкр. Самал-2', 'мкр. Коктем-1', 'мкр. Коктем-2', 'мкр. Орбита-1', 'мкр. Орбита-3',
  'мкр. Аксай-1', 'мкр. Аксай-4', 'мкр. Алмагуль', 'мкр. Таугуль', 'мкр. Жетысу-2', 'мкр. Мамыр-4', 'мкр. Калкаман', 'мкр. Шанырак-1',
];

const officeHours: WeeklyHours[] = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '18:00' })).concat([{ day: 6, opens: '10:00', closes: '14:00' }]);
const holidayExceptions: HoursException[] = [
  { date: '2026-12-16', closed: true, note: 'Тәуелсіздік күні / День Независимости' },
  { date: '2026-12-17', closed: true, note: 'Тәуелсіздік күні / День Независимости' },
  { date: '2027-01-01', closed: true, note: 'Жаңа жыл / Новый год' },
  { date: '2027-01-02', closed: true, note: 'Жаңа жыл / Новый год' },
];

const palette = ['#1f5fa8', '#2e7d32', '#6a1b9a', '#b3261e', '#00695c', '#8d6e00', '#37474f', '#ad1457'];

/** A neutral placeholder portrait (initials on a coloured disc, marked DEMO), as a JPEG. */
export async function demoPortrait(initials: string, colourIndex: number): Promise<Buffer> {
  const colour = palette[colourIndex % palette.length]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="500" viewBox="0 0 400 500">
    <rect width="400" height="500" fill="#eef1f4"/>
    <circle cx="200" cy="190" r="120" fill="${colour}"/>
    <text x="200" y="225" font-family="sans-serif" font-size="96" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text>
    <path d="M60 500 C60 380 340 380 340 500 Z" fill="${colour}" opacity="0.75"/>
    <rect x="0" y="440" width="400" height="60" fill="#000" opacity="0.55"/>
    <text x="200" y="482" font-family="sans-serif" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">DEMO</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** The demo portrait of a synthetic inspector, derived from the name alone (so it can be made again). */
export async function demoPortraitFor(name: string) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return processPhoto(await demoPortrait(initialsOf(name), hash), { maxEdge: 800 });
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0] ?? '')
    .join('');
}

export interface PrecinctsDemoResult {
  precincts: number;
  inspectors: number;
  receptionPoints: number;
  addresses: number;
}

/**
 * Tiles each district department with Voronoi precincts around seeded random points (so the precincts
 * cover the city with no gaps or overlaps), gives most of them a synthetic inspector, and adds
 * reception points and an address register. Portraits go to the photo store when one is given.
 */
export async function loadPrecinctsDemo(db: Db, actor: AuditActor, photos?: PhotoStore): Promise<PrecinctsDemoResult> {
  const random = mulberry32(20261126);
  const districtRows = await db.select({ id: districts.id, code: districts.code, population: districts.population, name: districts.name }).from(districts).orderBy(districts.code);
  let precinctCount = 0;
  let inspectorCount = 0;
  let pointCount = 0;
  let addressCount = 0;
  await db.transaction(async (tx) => {
    for (const [di, d] of districtRows.entries()) {
      const cells = await queryRows<{ n: number; area: number; geometry: string; lon: number; lat: number }>(
        tx,
        sql`with d as (select geom from ${districts} where id = ${d.id}),
             pts as (select ST_GeneratePoints(d.geom, ${PRECINCTS_PER_DISTRICT}, ${1000 + di}) as g from d),
             cells as (select (ST_Dump(ST_VoronoiPolygons(pts.g, 0, d.geom))).geom as cell from pts, d),
             clipped as (select ST_Multi(ST_CollectionExtract(ST_Intersection(cells.cell, d.geom), 3)) as geom from cells, d)
           select row_number() over (order by ST_Y(ST_PointOnSurface(geom)) desc, ST_X(ST_PointOnSurface(geom)))::int as n,
             ST_Area(geom::geography) as area, ST_AsGeoJSON(geom) as geometry,
             ST_X(ST_PointOnSurface(geom)) as lon, ST_Y(ST_PointOnSurface(geom)) as lat
           from clipped where not ST_IsEmpty(geom)`,
      );
      const weights = cells.map((c) => Number(c.area) * (0.55 + random() * 0.9));
      const total = weights.reduce((a, b) => a + b, 0);
      const districtPopulation = d.population ?? 0;
      let officeId: string | null = null;
      for (const [ci, c] of cells.entries()) {
        const nn = String(c.n).padStart(3, '0');
        const id = `${d.id}-${nn}`;
        const population = Math.round((districtPopulation * weights[ci]!) / total);
        await tx.insert(precincts).values({
          id,
          code: `${d.code}-${nn}`,
          districtId: d.id,
          name: { ru: `Участок №${c.n} (${d.name.ru})`, kk: `№${c.n} учаске (${d.name.kk})`, en: `Precinct ${c.n} (${d.name.en})` },
          population,
          populationYear: 2024,
          geom: sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${c.geometry}), 4326))` as unknown as string,
          synthetic: true,
        });
        precinctCount++;
        // A precinct office (УПП) serves about three neighbouring precincts.
        if (ci % 3 === 0) {
          const [rp] = await tx
            .insert(receptionPoints)
            .values({
              kind: 'precinct_office',
              name: { ru: `Участковый пункт полиции №${Math.floor(ci / 3) + 1} (демо)`, kk: `№${Math.floor(ci / 3) + 1} учаскелік полиция пункті (демо)`, en: `Precinct police office No. ${Math.floor(ci / 3) + 1} (demo)` },
              address: { ru: `${streetNames[(di * 7 + ci) % streetNames.length]}, ${10 + ci * 3} (демо-адрес)`, kk: `${streetNames[(di * 7 + ci) % streetNames.length]}, ${10 + ci * 3} (демо мекенжай)`, en: `${streetNames[(di * 7 + ci) % streetNames.length]}, ${10 + ci * 3} (demo address)` },
              location: sql`ST_SetSRID(ST_MakePoint(${Number(c.lon)}, ${Number(c.lat)}), 4326)` as unknown as string,
              districtId: d.id,
              phone: `+7727${String(2000000 + di * 1000 + ci).slice(-7)}`,
              hours: officeHours,
              exceptions: holidayExceptions,
              synthetic: true,
            })
            .returning({ id: receptionPoints.id });
          officeId = rp!.id;
          pointCount++;
        }
        // About one precinct in twelve is vacant, as in a city short of inspectors (п.9).
        if (random() < 0.085) continue;
        const surname = surnames[Math.floor(random() * surnames.length)]!;
        const first = firstNames[Math.floor(random() * firstNames.length)]!;
        const fem = female.has(first);
        const ru = `${fem ? `${surname}а` : surname} ${first}`;
        const en = `${translit[surname]}${fem ? 'a' : ''} ${translit[first]}`;
        const name = { ru: `${ru} (демо)`, kk: `${ru} (демо)`, en: `${en} (demo)` };
        let photoSha: string | null = null;
        const portrait = await demoPortraitFor(name.ru);
        if (photos) await photos.put(portrait.bytes, portrait.sha256);
        photoSha = portrait.sha256;
        const digits = String(7010000000 + Math.floor(random() * 9_999_999));
        await tx.insert(inspectors).values({
          personnelNumber: `DEMO-${d.code}${nn}`,
          name,
          rank: ranks[Math.floor(random() * ranks.length)]!,
          position: positions[ci % 7 === 0 ? 1 : 0]!,
          phone: `+7${digits}`,
          messengers: [
            { kind: 'whatsapp', url: `https://wa.me/7${digits}` },
            { kind: 'telegram', url: `https://t.me/demo_uip_${d.id}_${nn}` },
          ],
          photoSha,
          precinctId: id,
          receptionPointId: officeId,
          synthetic: true,
        });
        inspectorCount++;
      }
      // The district department's front office at the district's centre.
      await tx.insert(receptionPoints).values({
        kind: 'front_office',
        name: { ru: `Фронт-офис УП: ${d.name.ru} (демо)`, kk: `ПБ фронт-офисі: ${d.name.kk} (демо)`, en: `Front office: ${d.name.en} (demo)` },
        address: { ru: `${d.name.ru}, демо-адрес`, kk: `${d.name.kk}, демо мекенжай`, en: `${d.name.en}, demo address` },
        location: sql`(select ST_PointOnSurface(geom) from ${districts} where id = ${d.id})` as unknown as string,
        districtId: d.id,
        phone: '102',
        hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '18:30' })),
        exceptions: holidayExceptions,
        synthetic: true,
      });
      pointCount++;
    }
    // The 37 modular 24-hour posts, spread over the city.
    const posts = await queryRows<{ lon: number; lat: number; district_id: string }>(
      tx,
      sql`with city as (select ST_Union(geom) as g from ${districts}),
           pts as (select (ST_Dump(ST_GeneratePoints(g, ${MODULAR_POSTS}, 37))).geom as p from city)
         select ST_X(p) as lon, ST_Y(p) as lat, (select id from ${districts} d where ST_Intersects(d.geom, p) order by code limit 1) as district_id from pts`,
    );
    for (const [i, p] of posts.entries()) {
      await tx.insert(receptionPoints).values({
        kind: 'modular_post',
        name: { ru: `Модульный пост полиции №${i + 1} (демо)`, kk: `№${i + 1} модульдік полиция бекеті (демо)`, en: `Modular police post No. ${i + 1} (demo)` },
        address: { ru: `Модульный пост №${i + 1}, демо-адрес`, kk: `№${i + 1} модульдік бекет, демо мекенжай`, en: `Modular post No. ${i + 1}, demo address` },
        location: sql`ST_SetSRID(ST_MakePoint(${Number(p.lon)}, ${Number(p.lat)}), 4326)` as unknown as string,
        districtId: p.district_id,
        phone: '102',
        allDay: true,
        synthetic: true,
      });
      pointCount++;
    }
    // A synthetic address register: real street names at made-up places, a few dozen houses per precinct.
    const points = await queryRows<{ precinct: number; lon: number; lat: number }>(
      tx,
      sql`select p.rn::int as precinct, ST_X(g.geom) as lon, ST_Y(g.geom) as lat from
          (select row_number() over (order by code) as rn, geom from ${precincts}) p,
          lateral ST_Dump(ST_GeneratePoints(p.geom, ${ADDRESSES_PER_PRECINCT}, p.rn::int)) g`,
    );
    const houseCounter = new Map<string, number>();
    const rows = points.map((pt, i) => {
      const street = streetNames[(Number(pt.precinct) * 5 + (i % 3)) % streetNames.length]!;
      const n = (houseCounter.get(street) ?? 0) + 1;
      houseCounter.set(street, n);
      const house = n % 9 === 0 ? `${n}а` : n % 13 === 0 ? `${n}/1` : String(n);
      return { street, house, streetKey: normalizeStreet(street), houseKey: normalizeHouse(house), location: sql`ST_SetSRID(ST_MakePoint(${Number(pt.lon)}, ${Number(pt.lat)}), 4326)` as unknown as string, synthetic: true };
    });
    for (let i = 0; i < rows.length; i += 500) await tx.insert(addressRegister).values(rows.slice(i, i + 500)).onConflictDoNothing();
    addressCount = rows.length;
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'precincts',
      entityId: 'demo',
      before: null,
      after: { synthetic: true, precincts: precinctCount, inspectors: inspectorCount, receptionPoints: pointCount, addresses: addressCount },
    });
  });
  return { precincts: precinctCount, inspectors: inspectorCount, receptionPoints: pointCount, addresses: addressCount };
}

/** Links the demo inspector account to the first demo inspector of its district (their appeals queue). */
export async function linkDemoInspectorAccount(db: Db, userId: string, districtId: string): Promise<void> {
  await db.execute(
    sql`update ${inspectors} set user_id = ${userId} where id = (
          select i.id from ${inspectors} i join ${precincts} p on p.id = i.precinct_id
          where p.district_id = ${districtId} and i.user_id is null order by p.code limit 1)`,
  );
}
