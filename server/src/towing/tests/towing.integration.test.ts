import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db.js';
import { LogFileProvider } from '../../platform/notify/log-provider.js';
import { MessageSender } from '../../platform/notify/sender.js';
import { smsShape } from '../../platform/notify/sms-encoding.js';
import { useTestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';

const t = useTestApp();
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);

let operator: string; // a tow operator of Almaly
let otherOperator: string; // of Medeu
let dispatcher: string; // the duty officer, city-wide
let lotId: string;
let registered: { plate: string; phone: string; lang: string };
let unregisteredPlate: string;

beforeAll(async () => {
  operator = await t.login('tow_operator', { kind: 'district', districtId: 'almaly' });
  otherOperator = await t.login('tow_operator', { kind: 'district', districtId: 'medeu' });
  dispatcher = await t.login('dispatcher');
  [{ id: lotId }] = (await rows<{ id: string }>(sql`select id from impound_lots where code = 'LOT-1'`)) as [{ id: string }];
  // a registry plate no demo tow uses, so its look-ups are this file's own
  const [r] = await rows<{ plate: string; phone: string; lang: string }>(
    sql`select plate, phone, lang from vehicle_registry v where lang = 'ru' and not exists (select 1 from tows t where t.plate = v.plate) order by plate limit 1`,
  );
  registered = r!;
  unregisteredPlate = '909XYZ02';
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: unknown) =>
  t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

const towBody = (overrides: Record<string, unknown> = {}) => ({
  plate: '123 АВС 02',
  make: 'Toyota Camry',
  colour: 'белый',
  address: 'ул. Жибек Жолы, 50 (тест)',
  place: { lat: 43.262, lon: 76.93 },
  towedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  reasonCode: 'no-parking',
  fine: 17_250,
  lotId,
  truck: 'ЭВ-07',
  ...overrides,
});

/** The operator's form: the field `tow` (JSON) and files `photo`, as multipart/form-data. */
function registerMultipart(cookie: string, tow: Record<string, unknown>, photos: Buffer[]) {
  const boundary = `----openbeat${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tow"\r\n\r\n${JSON.stringify(tow)}\r\n`)];
  for (const [i, p] of photos.entries()) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="car${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), p, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({ method: 'POST', url: '/api/v1/towing/tows', payload: Buffer.concat(parts), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

const carPhoto = () => sharp({ create: { width: 800, height: 600, channels: 3, background: '#445566' } }).jpeg().toBuffer();
const sender = () => new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir, 'sms') });
interface SmsLine {
  to: string;
  text: string;
  encoding: string;
  segments: number;
}
const smsLines = (): SmsLine[] => {
  const file = path.join(t.dataDir, 'sms.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as SmsLine) : [];
};
const tableCounts = async () => ({
  tows: await count(sql`select count(*)::int as n from tows`),
  photos: await count(sql`select count(*)::int as n from tow_photos`),
  messages: await count(sql`select count(*)::int as n from messages`),
});

describe(`towing on ${testDriver}: a tow, its SMS and the owner's look-up`, () => {
  let towId: string;
  let code: string;
  let token: string;

  it('registers a tow with a photo; the SMS to the registry phone is queued with the tow and sent once', async () => {
    await sender().drain(); // the demo's own queued messages
    const before = smsLines().length;
    const res = await registerMultipart(operator, towBody({ plate: registered.plate.replace(/^(\d{3})([A-Z]{3})(\d{2})$/, '$1 $2 $3').toLowerCase() }), [await carPhoto()]);
    expect(res.statusCode, res.body).toBe(201);
    const tow = res.json() as { id: string; plate: string; status: string; smsQueued: boolean; photos: number; districtId: string; toCall: boolean; message: { status: string } | null };
    expect(tow).toMatchObject({ status: 'towed', smsQueued: true, photos: 1, districtId: 'almaly', toCall: false, message: { status: 'queued' } });
    towId = tow.id;
    // Nothing is sent inside the request.
    expect(smsLines()).toHaveLength(before);
    expect(await sender().drain()).toBe(1);
    const sms = smsLines().slice(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to).toBe(registered.phone);
    expect(sms[0]!.encoding).toBe('ucs2');
    expect(sms[0]!.segments).toBeLessThanOrEqual(2);
    expect(sms[0]!.text).toContain('ул. Тестовая, 1');
    expect(sms[0]!.text).toContain('17 250');
    expect(sms[0]!.text).toContain('круглосуточно');
    const found = /Код (\d{6}) \S+\/c\/([0-9A-Za-z]{8})$/.exec(sms[0]!.text);
    expect(found, sms[0]!.text).not.toBeNull();
    [, code, token] = found as unknown as [string, string, string];
    expect(await sender().drain()).toBe(0);
    expect(smsLines().slice(before)).toHaveLength(1);
    const detailRes = await api('GET', `/api/v1/towing/tows/${towId}`, operator);
    const detail = detailRes.json() as { message: { status: string; deliveredAt: string | null }; messageEvents: { kind: string }[]; reason: { text: { ru: string } }; lotDetail: { address: { ru: string } } };
    expect(detail.message.status).toBe('delivered');
    expect(detail.messageEvents.map((e) => e.kind)).toEqual(['accepted', 'receipt']);
    expect(detail.reason.text.ru).toBe('Стоянка там, где она запрещена');
    expect(detail.lotDetail.address.ru).toBe('ул. Тестовая, 1');
    // staff see the tow, not the owner's phone or the code
    expect(detailRes.body).not.toContain(registered.phone);
    expect(detailRes.body).not.toContain(code);
  });

  it('shows the owner the lot, the reason and the fine for the plate and the code — and nothing about any person', async () => {
    const res = await api('POST', '/api/v1/towing/lookup', undefined, { plate: registered.plate, code });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'towed', fine: 17_250, lot: { address: { ru: 'ул. Тестовая, 1' }, phone: '+77270000001' }, reason: { code: 'no-parking' } });
    const text = JSON.stringify(body);
    for (const secret of [registered.phone, registered.phone.slice(-10), code, 'ЭВ-07', 'Жибек']) expect(text).not.toContain(secret);
    // the link's token in place of the plate, and the last four digits of the phone in place of the code
    expect((await api('POST', '/api/v1/towing/lookup', undefined, { token, code })).statusCode).toBe(200);
    expect((await api('POST', '/api/v1/towing/lookup', undefined, { plate: registered.plate, phoneLast4: registered.phone.slice(-4) })).statusCode).toBe(200);
  });

  it('answers a wrong code exactly as it answers a plate that was never towed', async () => {
    const wrong = await api('POST', '/api/v1/towing/lookup', undefined, { plate: registered.plate, code: code === '000000' ? '000001' : '000000' });
    const never = await api('POST', '/api/v1/towing/lookup', undefined, { plate: '555 KKK 01', code: '123456' });
    expect(wrong.statusCode).toBe(404);
    expect(never.statusCode).toBe(404);
    const strip = (b: string) => {
      const { requestId: _omit, ...rest } = JSON.parse(b) as Record<string, unknown>;
      return rest;
    };
    expect(strip(wrong.body)).toEqual(strip(never.body));
  });

  it('locks a plate after ten wrong codes in an hour, even for the right code, and says the same for a plate never towed', async () => {
    for (const plate of [registered.plate, '777 ZZZ 02']) {
      // the wrong code above already counted once for the registered plate
      const already = await count(sql`select coalesce(sum(failures), 0)::int as n from tow_lookup_failures where plate = ${plate.replace(/ /g, '')}`);
      for (let i = already; i < 10; i++) expect((await api('POST', '/api/v1/towing/lookup', undefined, { plate, code: '999999' })).statusCode).toBe(404);
      const locked = await api('POST', '/api/v1/towing/lookup', undefined, { plate, code: plate === registered.plate ? code : '999999' });
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ type: 'https://openbeat.kz/problems/rate-limited', detail: 'too many wrong codes for this plate; try again in an hour' });
    }
  });

  it('follows the car to the lot and its release; the owner is told, the audit keeps no name', async () => {
    const before = smsLines().length;
    expect((await api('POST', `/api/v1/towing/tows/${towId}/at-lot`, operator, {})).json()).toMatchObject({ status: 'at_lot' });
    const released = await api('POST', `/api/v1/towing/tows/${towId}/release`, operator, { releasedTo: 'Иванов Иван Иванович', documents: 'удостоверение личности 012345678, техпаспорт' });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', releasedTo: 'Иванов Иван Иванович' });
    await sender().drain();
    const sms = smsLines().slice(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toMatch(/выдано со штрафстоянки/);
    const cancel = await api('POST', `/api/v1/towing/tows/${towId}/cancel`, operator, { reason: 'по ошибке' });
    expect(cancel.statusCode).toBe(409);
    const audit = JSON.stringify(await rows(sql`select after from audit_log where entity = 'tow' and entity_id = ${towId}`));
    expect(audit).not.toContain('Иванов');
    expect(audit).not.toContain('012345678');
    expect(audit).not.toContain(registered.phone);
    expect(audit).toContain('released');
  });
});

describe(`towing on ${testDriver}: owners without a contact are called`, () => {
  it('flags a tow whose plate the registry does not know, lists it to call, and takes it off once called', async () => {
    const res = await api('POST', '/api/v1/towing/tows', operator, towBody({ plate: unregisteredPlate }));
    expect(res.statusCode, res.body).toBe(201);
    const tow = res.json() as { id: string; smsQueued: boolean; toCall: boolean; ownerContact: string; message: unknown };
    expect(tow).toMatchObject({ smsQueued: false, toCall: true, ownerContact: 'none', message: null });
    const list = (await api('GET', '/api/v1/towing/call-list', dispatcher)).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(tow.id);
    const today = (await api('GET', '/api/v1/towing/tows?toCall=true', operator)).json() as { items: { id: string }[] };
    expect(today.items.map((i) => i.id)).toContain(tow.id);
    expect((await api('POST', `/api/v1/towing/tows/${tow.id}/call`, dispatcher, { note: 'Дозвонились по номеру из базы ГАИ' })).statusCode).toBe(200);
    const after = (await api('GET', '/api/v1/towing/call-list', dispatcher)).json() as { items: { id: string }[] };
    expect(after.items.map((i) => i.id)).not.toContain(tow.id);
  });

  it('keeps an operator to their district', async () => {
    const [foreign] = await rows<{ id: string }>(sql`select id from tows where district_id = 'almaly' limit 1`);
    expect((await api('GET', `/api/v1/towing/tows/${foreign!.id}`, otherOperator)).statusCode).toBe(403);
    expect((await api('POST', `/api/v1/towing/tows/${foreign!.id}/cancel`, otherOperator, { reason: 'не наш район' })).statusCode).toBe(403);
    const listed = (await api('GET', '/api/v1/towing/tows', otherOperator)).json() as { items: { districtId: string }[] };
    for (const item of listed.items) expect(item.districtId).toBe('medeu');
    expect((await api('POST', '/api/v1/towing/tows', otherOperator, towBody({ districtId: 'almaly' }))).statusCode).toBe(403);
  });
});

describe(`towing on ${testDriver}: bad input answers 4xx naming the field and stores nothing`, () => {
  it('refuses an unknown lot, a negative fine, a malformed plate, a future time, a missing place and a 10 MB photo', async () => {
    const before = await tableCounts();
    const cases: [Record<string, unknown>, number, string][] = [
      [towBody({ lotId: '00000000-0000-4000-8000-000000000000' }), 400, 'lotId'],
      [towBody({ fine: -100 }), 400, 'fine'],
      [towBody({ fine: 12.5 }), 400, 'fine'],
      [towBody({ plate: '12 ЖЮЯ' }), 400, 'plate'],
      [towBody({ plate: '1234 AB' }), 400, 'plate'],
      [towBody({ reasonCode: 'speeding' }), 400, 'reasonCode'],
      [towBody({ towedAt: new Date(Date.now() + 3_600_000).toISOString() }), 400, 'towedAt'],
      [{ ...towBody(), place: undefined, address: undefined }, 400, 'place'],
    ];
    for (const [body, status, field] of cases) {
      const res = await api('POST', '/api/v1/towing/tows', operator, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect((res.json() as { field?: string }).field, res.body).toBe(field);
    }
    const big = Buffer.concat([await carPhoto(), Buffer.alloc(10 * 1024 * 1024 + 10, 1)]);
    const tooBig = await registerMultipart(operator, towBody(), [big]);
    expect(tooBig.statusCode).toBe(413);
    const notImage = await registerMultipart(operator, towBody(), [Buffer.from('%PDF-1.4 not a photo')]);
    expect(notImage.statusCode).toBeGreaterThanOrEqual(400);
    expect(notImage.statusCode).toBeLessThan(500);
    expect(await tableCounts()).toEqual(before);
  });

  it('takes an unknown plate format only with an override and its reason', async () => {
    const res = await api('POST', '/api/v1/towing/tows', operator, towBody({ plate: 'D 1234 KZ', plateOverride: { reason: 'дипломатический номер' } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ plate: 'D1234KZ', plateFormat: 'override' });
  });

  it('refuses look-ups without a plate, with a malformed code, or with both a code and phone digits', async () => {
    for (const body of [{ code: '123456' }, { plate: '123 ABC 02', code: '12ab56' }, { plate: '123 ABC 02', code: '123456', phoneLast4: '1234' }, { plate: '123 ABC 02' }]) {
      const res = await api('POST', '/api/v1/towing/lookup', undefined, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe(`towing on ${testDriver}: templates, registry, figures`, () => {
  it('shows the notice templates in UCS-2 within two parts, and refuses a template without the code or with an unknown field', async () => {
    const list = (await api('GET', '/api/v1/towing/templates', t.admin)).json() as { purpose: string; lang: string; preview: { encoding: string; segments: number; text: string } }[];
    const notices = list.filter((x) => x.purpose === 'notice');
    expect(notices.map((n) => n.lang)).toEqual(['ru', 'kk']);
    for (const n of notices) {
      expect(n.preview.encoding).toBe('ucs2');
      expect(n.preview.segments).toBeLessThanOrEqual(2);
      expect(smsShape(n.preview.text).segments).toBe(n.preview.segments);
    }
    expect((await api('PUT', '/api/v1/towing/templates/notice/ru', t.admin, { text: 'Авто {plate} на {lot}. {link}' })).statusCode).toBe(400);
    const unknown = await api('PUT', '/api/v1/towing/templates/notice/ru', t.admin, { text: 'Авто {plate} {owner}. Код {code} {link}' });
    expect(unknown.json()).toMatchObject({ field: 'text', detail: expect.stringContaining('{owner}') });
    expect((await api('PUT', '/api/v1/towing/templates/notice/ru', operator, { text: 'Авто {plate}. Код {code} {link}' })).statusCode).toBe(403);
    const saved = await api('PUT', '/api/v1/towing/templates/notice/ru', t.admin, { text: 'Ваше авто {plate} на штрафстоянке: {address}. Код {code} {link}' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, preview: { encoding: 'ucs2', segments: 2 } });
  });

  it('imports a registry CSV, counting the rows it cannot use by reason', async () => {
    const csv = ['plate,phone,lang', '101 ABC 02,+7 701 555 00 01,ru', '102 ABC 02,8 (702) 555-00-02,kk', '103 ABC 02,+7 727 255 00 03,ru', 'bad plate!!,+77015550004,ru', '104 ABC 02,12345,ru', '105 ABC 02,+77015550005,de', '101 АВС 02,+77015550006,ru'].join('\n');
    const boundary = '----registry';
    const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/towing/registry', payload, headers: { cookie: t.admin, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 7, imported: 2, rejected: 5, rejectsByReason: { not_mobile: 1, bad_plate: 1, bad_phone: 1, bad_lang: 1, duplicate_in_file: 1 } });
    expect(await rows(sql`select plate, phone, lang from vehicle_registry where plate in ('101ABC02', '102ABC02') order by plate`)).toEqual([
      { plate: '101ABC02', phone: '+77015550001', lang: 'ru' },
      { plate: '102ABC02', phone: '+77025550002', lang: 'kk' },
    ]);
  });

  it("counts each day's tows, SMS delivered and owners to call", async () => {
    const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    const from = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(Date.now() - 13 * 86_400_000));
    const res = await api('GET', `/api/v1/towing/figures?from=${from}&to=${to}`, dispatcher);
    expect(res.statusCode, res.body).toBe(200);
    const days = (res.json() as { days: { day: string; tows: number; notified: number; delivered: number; deliveredShare: number | null; medianSecondsToDelivery: number | null }[] }).days;
    expect(days.length).toBeGreaterThanOrEqual(13);
    const total = await count(sql`select count(*)::int as n from tows where towed_at >= (${from}::date)::timestamp at time zone 'Asia/Almaty'`);
    expect(days.reduce((a, d) => a + d.tows, 0)).toBe(total);
    for (const d of days) {
      expect(d.delivered).toBeLessThanOrEqual(d.notified);
      expect(d.notified).toBeLessThanOrEqual(d.tows);
      if (d.delivered > 0) expect(d.medianSecondsToDelivery).toBeGreaterThan(0);
    }
    expect((await api('GET', `/api/v1/towing/figures?from=${to}&to=${from}`, dispatcher)).statusCode).toBe(400);
    // the completed days reached the performance module's indicators (п.24), marked synthetic
    const published = await rows<{ code: string; n: number; synthetic: boolean }>(
      sql`select i.code, count(*)::int as n, bool_and(v.synthetic) as synthetic from indicator_values v join indicators i on i.id = v.indicator_id
          where i.code in ('tows_registered', 'tow_sms_delivered_share', 'tow_sms_median_minutes') and v.superseded_at is null group by i.code order by i.code`,
    );
    expect(published.map((p) => p.code)).toEqual(['tow_sms_delivered_share', 'tow_sms_median_minutes', 'tows_registered']);
    // 13 or 14 completed days, as the demo's oldest tows fall on either side of a midnight
    for (const p of published) {
      expect(p.synthetic).toBe(true);
      expect(p.n).toBeGreaterThanOrEqual(13);
      expect(p.n).toBeLessThanOrEqual(14);
    }
  });
});
