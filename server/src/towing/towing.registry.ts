// Who owns a car, as far as the SMS needs it: plate → phone and language. Today a registry imported from
// CSV; a real registry API can later stand behind the same interface (ownerOf).
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { AuditActor } from '../platform/audit/audit.service.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import type { Db, DbOrTx } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';
import { isKzMobile, normalizeKzPhone } from '../platform/phones.js';
import { normalizePlate, plateCharactersValid } from './plates.js';
import { vehicleRegistry } from './towing.tables.js';

export interface OwnerContact {
  /** A Kazakhstan mobile number in E.164. */
  phone: string;
  lang: 'ru' | 'kk';
}

export interface VehicleRegistry {
  /** The owner's contact for a normalised plate, or null when the registry has none. */
  ownerOf(plate: string): Promise<OwnerContact | null>;
}

/** The registry imported into the database (vehicle_registry). */
export function databaseRegistry(db: DbOrTx): VehicleRegistry {
  return {
    async ownerOf(plate) {
      const [row] = await db.select({ phone: vehicleRegistry.phone, lang: vehicleRegistry.lang }).from(vehicleRegistry).where(sql`${vehicleRegistry.plate} = ${plate}`);
      if (!row) return null;
      return { phone: row.phone, lang: row.lang === 'kk' ? 'kk' : 'ru' };
    },
  };
}

export type RegistryRejectReason = 'bad_plate' | 'bad_phone' | 'not_mobile' | 'bad_lang' | 'duplicate_in_file';

export interface RegistryImportResult {
  rows: number;
  imported: number;
  rejected: number;
  rejectsByReason: Partial<Record<RegistryRejectReason, number>>;
  /** The first few rejected rows: row number and reason (never the phone). */
  examples: { row: number; reason: RegistryRejectReason }[];
}

const MAX_REGISTRY_ROWS = 500_000;

/**
 * Reads a CSV with the columns plate, phone and (optionally) lang, and replaces those plates' contacts.
 * Rows that cannot be used are counted by reason; a file with none usable changes nothing.
 */
export async function importRegistryCsv(db: Db, actor: AuditActor, file: Buffer, options: { synthetic?: boolean } = {}): Promise<RegistryImportResult> {
  let records: Record<string, string>[];
  try {
    records = parse(file, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, delimiter: [',', ';'], to: MAX_REGISTRY_ROWS + 1 });
  } catch (error) {
    throw new AppError('unprocessable', `the file is not a CSV the registry can read: ${(error as Error).message}`, 'file');
  }
  if (records.length > MAX_REGISTRY_ROWS) throw new AppError('payload_too_large', `at most ${MAX_REGISTRY_ROWS} rows per file`, 'file');
  const first = records[0];
  if (!first || !('plate' in first) || !('phone' in first)) throw new AppError('validation', 'the CSV needs the columns plate and phone (and may have lang: ru or kk)', 'file');
  const result: RegistryImportResult = { rows: records.length, imported: 0, rejected: 0, rejectsByReason: {}, examples: [] };
  const reject = (row: number, reason: RegistryRejectReason) => {
    result.rejected++;
    result.rejectsByReason[reason] = (result.rejectsByReason[reason] ?? 0) + 1;
    if (result.examples.length < 20) result.examples.push({ row, reason });
  };
  const seen = new Set<string>();
  const plates: string[] = [];
  const phones: string[] = [];
  const langs: string[] = [];
  for (const [i, record] of records.entries()) {
    const row = i + 2; // the header is row 1
    const { plate } = normalizePlate(record.plate ?? '');
    if (!plateCharactersValid(plate)) {
      reject(row, 'bad_plate');
      continue;
    }
    const phone = normalizeKzPhone(record.phone ?? '');
    if (!phone) {
      reject(row, 'bad_phone');
      continue;
    }
    if (!isKzMobile(phone)) {
      reject(row, 'not_mobile');
      continue;
    }
    const rawLang = (record.lang ?? '').toLowerCase();
    const lang = rawLang === '' || rawLang === 'ru' ? 'ru' : rawLang === 'kk' || rawLang === 'kz' ? 'kk' : null;
    if (!lang) {
      reject(row, 'bad_lang');
      continue;
    }
    if (seen.has(plate)) {
      reject(row, 'duplicate_in_file');
      continue;
    }
    seen.add(plate);
    plates.push(plate);
    phones.push(phone);
    langs.push(lang);
  }
  if (plates.length === 0) return result;
  await db.transaction(async (tx) => {
    for (let i = 0; i < plates.length; i += 10_000) {
      await tx.execute(sql`
        insert into vehicle_registry (plate, phone, lang, synthetic, updated_at)
        select p, ph, l, ${options.synthetic ?? false}, now()
        from unnest(${sql.param(plates.slice(i, i + 10_000))}::text[], ${sql.param(phones.slice(i, i + 10_000))}::text[], ${sql.param(langs.slice(i, i + 10_000))}::text[]) as u(p, ph, l)
        on conflict (plate) do update set phone = excluded.phone, lang = excluded.lang, synthetic = excluded.synthetic, updated_at = now()`);
    }
    // The audit names the import and its counts, never a phone.
    await recordAudit(tx, actor, { action: 'import', entity: 'vehicle_registry', entityId: 'csv', before: null, after: { rows: result.rows, imported: plates.length, rejected: result.rejected } });
  });
  result.imported = plates.length;
  return result;
}
