import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import { confirmImport, createCommissionIfMissing, importItemFromParsed, importReportFile } from '../oversight/index.js';
import { loadPerformanceDemo, loadPerformanceSeed } from '../performance/index.js';
import type { PhotoStore } from '../platform/images/photos.js';
import { linkDemoInspectorAccount, loadPrecinctsDemo } from '../precincts/index.js';
import { loadAppealsDemo } from '../appeals/index.js';
import { loadCrimeDemo } from '../crime/index.js';
import { loadPatrolDemo } from '../patrol/index.js';
import { loadTowingDemo } from '../towing/index.js';
import { recordAudit, systemActor } from '../platform/audit/audit.service.js';
import { generatePassword } from '../platform/auth/passwords.js';
import { staffRoles } from '../platform/auth/roles.js';
import { createUser } from '../platform/auth/users.service.js';
import type { Db } from '../platform/db/db.js';
import { upsertDistrict } from '../platform/geography/geography.service.js';
import { districts, users } from '../platform/platform.tables.js';
import { almatyDistricts } from './almaty-districts.js';

/** The department's real report to Commission No. 7 (the seed), kept in the repository. */
export const seedReportPath = fileURLToPath(new URL('../../src/demo/seed/dp-almaty-commission7-2021-q1.txt', import.meta.url));

export const DEMO_PERIOD = '2021-Q1';

export async function isDemoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(districts);
  return (row?.n ?? 0) > 0;
}

/** Loads geography, the council and the seed report as the first period. Idempotent per empty database. */
export async function loadDemoData(db: Db, log: Pick<Logger, 'info'>, options: { photos?: PhotoStore; publicUrl?: string } = {}): Promise<void> {
  const commissionId = await db.transaction(async (tx) => {
    for (const d of almatyDistricts) {
      await upsertDistrict(tx, d);
      await recordAudit(tx, systemActor, { action: 'district.create', entity: 'district', entityId: d.id, before: null, after: { code: d.code, name: d.name.ru, approximate: d.approximate } });
    }
    return createCommissionIfMissing(
      tx,
      { name: { ru: 'Общественный совет г. Алматы', kk: 'Алматы қаласының Қоғамдық кеңесі', en: 'Almaty Public Council' } },
      {
        number: 7,
        name: {
          ru: 'Комиссия №7 по вопросам законности и правопорядка',
          kk: 'Заңдылық және құқықтық тәртіп мәселелері жөніндегі №7 комиссия',
          en: 'Commission No. 7 on Legality and Law and Order',
        },
      },
    );
  });
  const buffer = await fs.readFile(seedReportPath);
  const parsed = await importReportFile({ buffer, filename: 'dp-almaty-commission7-2021-q1.txt' });
  const result = await confirmImport(db, systemActor, {
    periodCode: DEMO_PERIOD,
    commissionId,
    title: parsed.title,
    filename: 'dp-almaty-commission7-2021-q1.txt',
    items: parsed.items.map(importItemFromParsed),
  });
  log.info({ ...result }, 'demo data loaded: Almaty districts (approximate boundaries) and the 2021-Q1 report to Commission No. 7');
  const seeded = await loadPerformanceSeed(db, systemActor);
  const synthetic = await loadPerformanceDemo(db, systemActor);
  log.info({ ...seeded, syntheticValues: synthetic.values, syntheticAnswers: synthetic.answers }, "demo data loaded: the report's programmes and figures, synthetic district series, budgets and survey answers");
  const precinctsDemo = await loadPrecinctsDemo(db, systemActor, options.photos);
  log.info({ ...precinctsDemo }, 'demo data loaded: synthetic precincts, inspectors, reception points and address register');
  const appealsDemo = await loadAppealsDemo(db, systemActor);
  log.info({ ...appealsDemo }, 'demo data loaded: synthetic appeals, proposals and drug-advert reports');
  const patrolDemo = await loadPatrolDemo(db, systemActor);
  log.info({ ...patrolDemo }, 'demo data loaded: patrol sectors and routes in the numbers of п.6 (synthetic shapes)');
  const crimeDemo = await loadCrimeDemo(db, systemActor);
  log.info({ ...crimeDemo }, 'demo data loaded: synthetic incident register (two years, hotspots, near repeats)');
  const towingDemo = await loadTowingDemo(db, systemActor, options.publicUrl);
  log.info({ ...towingDemo }, 'demo data loaded: synthetic impound lots, vehicle registry and two weeks of tows');
}

export interface DemoAccount {
  username: string;
  role: string;
  password: string;
}

/**
 * One demo account per staff role (besides admin), so every workspace can be tried.
 * Passwords come from DEMO_PASSWORD or are generated and returned to be printed once.
 */
export async function createDemoAccounts(db: Db, demoPassword: string | undefined): Promise<DemoAccount[]> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 1) return [];
  const accounts: DemoAccount[] = [];
  for (const role of staffRoles.filter((r) => r !== 'admin')) {
    const username = role.replace('_', '-');
    const password = demoPassword ?? generatePassword();
    const created = await createUser(db, systemActor, {
      username,
      displayName: `Demo ${role} (synthetic)`,
      role,
      // the inspector and the tow operator work in one district; the other demo roles city-wide
      scope: role === 'inspector' || role === 'tow_operator' ? { kind: 'district', districtId: 'almaly' } : { kind: 'city' },
      password,
    });
    if (role === 'inspector') await linkDemoInspectorAccount(db, created.user.id, 'almaly');
    accounts.push({ username, role, password });
  }
  return accounts;
}

