// The demo city's synthetic incident register: about 60 000 incidents over the two years before the demo
// was loaded, made with the structure real registers have, so forecasts and maps have something true
// to find — stable hotspots that differ by line, near-repeat bursts (each incident may trigger others
// close by in the following days), and day/night and weekday cycles per line. Everything here is
// synthetic and marked so; the report's real figures (e.g. crimes in public places 4 349 → 973, п.6)
// stay programme indicators and are never mixed into these incidents.
import { sql } from 'drizzle-orm';
import type { AuditActor } from '../platform/audit/audit.service.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { queryRows, type Db } from '../platform/db/db.js';
import { mulberry32 } from '../platform/random.js';
import { insertIncidents } from './crime.import.js';
import { crimeDatasets } from './crime.tables.js';

export const DEMO_DATASET = 'almaty-demo';

interface LineProfile {
  /** The register's own category name (what an import would read). */
  category: string;
  /** Incidents a day, city-wide, before near repeats. */
  perDay: number;
  /** Relative weight of each local hour 0–23. */
  hours: number[];
  /** Relative weight of Monday … Sunday. */
  weekdays: number[];
  /** Expected incidents each incident triggers nearby in the following days, and their mean delay. */
  triggering: number;
  delayDays: number;
  /** Share that happens at the line's hotspots rather than anywhere in the city. */
  hotspotShare: number;
}

const night = [6, 5, 4, 3, 2, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 8, 7];
const day = [1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 3, 2, 2, 1];
const evening = [3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 4, 5, 7, 8, 8, 7, 6, 4];
const flat = [2, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 4, 4, 3, 3];
const workweek = [6, 6, 6, 6, 7, 5, 4];
const weekend = [5, 4, 4, 5, 7, 9, 8];
const even = [1, 1, 1, 1, 1, 1, 1];

const profiles: LineProfile[] = [
  { category: 'Кража', perDay: 20, hours: day, weekdays: workweek, triggering: 0.15, delayDays: 4, hotspotShare: 0.6 },
  { category: 'Квартирная кража', perDay: 6, hours: day, weekdays: workweek, triggering: 0.35, delayDays: 5, hotspotShare: 0.5 },
  { category: 'Кража из автомобиля', perDay: 8, hours: night, weekdays: even, triggering: 0.3, delayDays: 3, hotspotShare: 0.6 },
  { category: 'Угон автомобиля', perDay: 2, hours: night, weekdays: even, triggering: 0.2, delayDays: 5, hotspotShare: 0.5 },
  { category: 'Уличное преступление', perDay: 9, hours: night, weekdays: weekend, triggering: 0.2, delayDays: 2, hotspotShare: 0.7 },
  { category: 'Хулиганство', perDay: 5, hours: night, weekdays: weekend, triggering: 0.2, delayDays: 2, hotspotShare: 0.7 },
  { category: 'Мошенничество', perDay: 7, hours: flat, weekdays: workweek, triggering: 0.05, delayDays: 7, hotspotShare: 0.3 },
  { category: 'Наркопреступление', perDay: 3, hours: evening, weekdays: weekend, triggering: 0.25, delayDays: 4, hotspotShare: 0.75 },
  { category: 'Вандализм', perDay: 4, hours: night, weekdays: weekend, triggering: 0.25, delayDays: 3, hotspotShare: 0.5 },
  { category: 'Грабёж', perDay: 3, hours: night, weekdays: weekend, triggering: 0.2, delayDays: 3, hotspotShare: 0.7 },
  { category: 'Причинение вреда здоровью', perDay: 3, hours: evening, weekdays: weekend, triggering: 0.1, delayDays: 3, hotspotShare: 0.5 },
  { category: 'Насилие в семье', perDay: 4, hours: evening, weekdays: weekend, triggering: 0.3, delayDays: 10, hotspotShare: 0.2 },
  { category: 'ДТП с пострадавшими', perDay: 4, hours: day, weekdays: workweek, triggering: 0.05, delayDays: 7, hotspotShare: 0.6 },
];

const DAYS = 730;
const HOTSPOTS_PER_LINE = 14;
const METRES_PER_DEGREE = 111_320;

function pick(weights: number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function poisson(mean: number, random: () => number): number {
  let n = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = random();
  while (u > s && n < 50) {
    n++;
    p *= mean / n;
    s += p;
  }
  return n;
}

/** Loads the synthetic register (idempotent: a second run inserts nothing). */
export async function loadCrimeDemo(db: Db, actor: AuditActor, now = new Date()): Promise<{ incidents: number }> {
  const random = mulberry32(20261127);
  // Places: points spread over the city's districts, a pool drawn once from PostGIS.
  const pool = await queryRows<{ lon: number; lat: number; district: string }>(
    db,
    sql`select ST_X(p) as lon, ST_Y(p) as lat, id as district from (select id, (ST_Dump(ST_GeneratePoints(geom, greatest(200, (ST_Area(geom::geography) / 40000)::int), 77))).geom as p from districts) x`,
  );
  if (pool.length === 0) return { incidents: 0 };
  await db
    .insert(crimeDatasets)
    .values({ id: DEMO_DATASET, name: 'Almaty — synthetic demo register', description: 'Synthetic incidents for the demo city (hotspots, near repeats, day/night cycles). Not real data.', public: true, synthetic: true, timeZone: 'Asia/Almaty' })
    .onConflictDoNothing();
  const endDay = Math.floor(now.getTime() / 86_400_000);
  const startDay = endDay - DAYS;
  const rows: { externalId: string; category: string; occurredAt: number; timeKnown: boolean; lon: number; lat: number; district: string | null }[] = [];
  let serial = 0;
  const place = (lon: number, lat: number, spreadMetres: number) => {
    const dLat = (gaussian(random) * spreadMetres) / METRES_PER_DEGREE;
    const dLon = (gaussian(random) * spreadMetres) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
    return { lon: lon + dLon, lat: lat + dLat };
  };
  for (const profile of profiles) {
    const hotspots = Array.from({ length: HOTSPOTS_PER_LINE }, () => {
      const p = pool[Math.floor(random() * pool.length)]!;
      return { lon: Number(p.lon), lat: Number(p.lat), district: p.district, weight: Math.exp(gaussian(random) * 0.8), spread: 80 + random() * 220 };
    });
    const weights = hotspots.map((h) => h.weight);
    const emit = (day: number, lon: number, lat: number, district: string | null, generation: number) => {
      const hour = pick(profile.hours, random);
      const minute = Math.floor(random() * 60);
      // Local Almaty time (UTC+5) to UTC.
      const at = (day * 24 + hour - 5) * 3_600_000 + minute * 60_000;
      if (day >= endDay || day < startDay) return;
      rows.push({ externalId: `demo-${++serial}`, category: profile.category, occurredAt: at, timeKnown: true, lon, lat, district });
      if (generation >= 4) return;
      // Near repeats: offspring close by within days.
      const offspring = poisson(profile.triggering, random);
      for (let k = 0; k < offspring; k++) {
        const delay = Math.max(1, Math.round(-Math.log(1 - random()) * profile.delayDays));
        const p = place(lon, lat, 120);
        emit(day + delay, p.lon, p.lat, district, generation + 1);
      }
    };
    for (let day = startDay; day < endDay; day++) {
      const weekday = ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday: 0 = Monday
      const seasonal = 1 + 0.15 * Math.sin(((day % 365) / 365) * 2 * Math.PI);
      const mean = (profile.perDay * seasonal * profile.weekdays[weekday]! * 7) / profile.weekdays.reduce((a, b) => a + b, 0);
      const n = poisson(mean / (1 + profile.triggering), random);
      for (let i = 0; i < n; i++) {
        if (random() < profile.hotspotShare) {
          const h = hotspots[pick(weights, random)]!;
          const p = place(h.lon, h.lat, h.spread);
          emit(day, p.lon, p.lat, h.district, 0);
        } else {
          const base = pool[Math.floor(random() * pool.length)]!;
          const p = place(Number(base.lon), Number(base.lat), 150);
          emit(day, p.lon, p.lat, base.district, 0);
        }
      }
    }
  }
  const counts = await db.transaction(async (tx) => {
    const result = await insertIncidents(tx, DEMO_DATASET, rows, { synthetic: true });
    if (result.inserted > 0) {
      await recordAudit(tx, actor, { action: 'import', entity: 'incidents', entityId: DEMO_DATASET, before: null, after: { datasetId: DEMO_DATASET, synthetic: true, inserted: result.inserted } });
    }
    return result;
  });
  return { incidents: counts.inserted };
}
