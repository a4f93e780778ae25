import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar, type CalendarOverride } from '../../platform/calendar/working-calendar.js';
import { queryRows } from '../../platform/db/db.js';
import { LogFileProvider } from '../../platform/notify/log-provider.js';
import { MessageSender } from '../../platform/notify/sender.js';
import { problemOf, useTestApp, type TestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';

const t = useTestApp();

// ---- Helpers -------------------------------------------------------------------------------------

type Injected = Awaited<ReturnType<TestApp['app']['inject']>>;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const countOf = async (table: 'appeals' | 'appeal_photos' | 'audit_log' | 'appeal_events' | 'jobs') =>
  Number((await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);

/** Every file under DATA_DIR/photos (temporary files included). */
function photoFiles(): string[] {
  const root = path.join(t.dataDir, 'photos');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

async function storedState() {
  return { appeals: await countOf('appeals'), photos: await countOf('appeal_photos'), audit: await countOf('audit_log'), files: photoFiles().length };
}

interface Receipt {
  code: string;
  residentKey: string;
  status: string;
  deadlineAt: string;
  trackUrl: string;
  precinct: { id: string; code: string } | null;
  unit: string | null;
}

const submitJson = (body: Record<string, unknown>, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: body, headers });

interface FilePart {
  filename: string;
  content: Buffer;
  contentType?: string;
  field?: string;
}

/** The web form: the field `appeal` (JSON) and files `photo`, as multipart/form-data. */
function submitMultipart(appeal: Record<string, unknown> | string, files: FilePart[]) {
  const boundary = `----openbeat${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="appeal"\r\n\r\n${typeof appeal === 'string' ? appeal : JSON.stringify(appeal)}\r\n`)];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'photo'}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'image/jpeg'}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function submitted(res: Injected): Promise<Receipt> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Receipt;
}

/** A point well inside a precinct that has an active inspector. */
async function precinctPoint(district: string, offset = 0): Promise<{ id: string; code: string; districtId: string; lon: number; lat: number }> {
  const [row] = await rows<{ id: string; code: string; district_id: string; lon: number; lat: number }>(
    sql`select p.id, p.code, p.district_id, ST_X(ST_PointOnSurface(p.geom)) as lon, ST_Y(ST_PointOnSurface(p.geom)) as lat from precincts p
        where p.district_id = ${district} and exists (select 1 from inspectors i where i.precinct_id = p.id and i.active) order by p.code offset ${offset} limit 1`,
  );
  return { id: row!.id, code: row!.code, districtId: row!.district_id, lon: Number(row!.lon), lat: Number(row!.lat) };
}

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b7d5a' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GPS-Cam', Artist: 'Resident Secretova' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 14/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 56/1 45/1' },
    })
    .toBuffer();
}

const getJson = async (url: string, cookie?: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as Record<string, unknown> & { items?: unknown[] };
};

const staffPost = (code: string, action: string, cookie: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/staff/appeals/${code}/${action}`, headers: { cookie }, payload });

async function calendar(): Promise<WorkingCalendar> {
  const overrides = await rows<{ date: string; kind: 'holiday' | 'workday' }>(sql`select date, kind from calendar_overrides`);
  return new WorkingCalendar(overrides.map((o): CalendarOverride => ({ date: o.date, kind: o.kind })));
}

/** The message sender the server runs, with the development providers over this test's DATA_DIR. */
function notifyWorker(): MessageSender {
  return new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir, 'sms'), email: new LogFileProvider(t.dataDir, 'email') });
}

interface SmsLine {
  to: string;
  text: string;
  encoding: string;
  segments: number;
}
function smsLines(): SmsLine[] {
  const file = path.join(t.dataDir, 'sms.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SmsLine);
}

// ---- Submission ---------------------------------------------------------------------------------------

describe(`appeals on ${testDriver}: filing an appeal`, () => {
  it('files a JSON appeal and answers a tracking code and a resident key', async () => {
    const p = await precinctPoint('almaly');
    const receipt = await submitted(await submitJson({ category: 'public_order', description: 'Шумная компания во дворе после полуночи, мешают спать', lat: p.lat, lon: p.lon }));
    expect(receipt.code).toMatch(/^AP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(receipt.residentKey.length).toBeGreaterThanOrEqual(20);
    expect(receipt).toMatchObject({ status: 'routed', unit: `precinct:${p.id}`, precinct: { id: p.id }, trackUrl: `/appeals/${receipt.code}` });
    const open = await getJson(`/api/v1/appeals/${receipt.code}`);
    expect(open).toMatchObject({ code: receipt.code, status: 'routed', precinct: { id: p.id }, category: { code: 'public_order' } });
    expect(JSON.stringify(open)).not.toContain(receipt.residentKey);
    // The tracking code is read however it is typed.
    expect((await getJson(`/api/v1/appeals/${receipt.code.toLowerCase().replace(/-/g, '')}`)).code).toBe(receipt.code);
  });

  it('files a multipart appeal with a photo whose EXIF location is stripped before it is served', async () => {
    const photo = await jpegWithGps();
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(43.2417, 3), longitude: expect.closeTo(76.9458, 3) });
    const p = await precinctPoint('almaly');
    const before = await storedState();
    const receipt = await submitted(
      await submitMultipart({ category: 'drug_graffiti', description: 'Надпись с рекламой закладок на стене гаража', lat: p.lat, lon: p.lon, advert: { kind: 'graffiti' } }, [{ filename: 'IMG_0001.jpg', content: photo }]),
    );
    expect(receipt.code).toMatch(/^AP-/);
    expect(receipt.residentKey).toEqual(expect.any(String));
    const after = await storedState();
    expect(after).toEqual({ appeals: before.appeals + 1, photos: before.photos + 1, audit: before.audit + 1, files: before.files + 1 });

    const open = (await getJson(`/api/v1/appeals/${receipt.code}`)) as { photos: { url: string; width: number; height: number }[] };
    expect(open.photos).toHaveLength(1);
    expect(open.photos[0]).toMatchObject({ width: 640, height: 480 });
    const served = await t.app.inject({ method: 'GET', url: open.photos[0]!.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.gps(served.rawPayload)).toBeUndefined();
    const tags = (await exifr.parse(served.rawPayload, { tiff: true, exif: true, gps: true, xmp: true, iptc: true })) as Record<string, unknown> | undefined;
    expect(tags?.Make).toBeUndefined();
    expect(tags?.GPSLatitude).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('Secretova'))).toBe(false);
    // The stored file is the stripped one too.
    const stored = photoFiles().map((f) => fs.readFileSync(path.join(t.dataDir, 'photos', f)));
    for (const bytes of stored) expect(await exifr.gps(bytes)).toBeUndefined();
  });

  describe('refuses bad input with a clear 4xx and stores nothing', () => {
    const refusals: [string, () => Promise<Injected>, number, string | RegExp][] = [
      [
        'a PDF renamed .jpg',
        async () => {
          const p = await precinctPoint('almaly');
          const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
          return submitMultipart({ category: 'public_order', description: 'Фото нарушения во вложении, посмотрите', lat: p.lat, lon: p.lon }, [{ filename: 'photo.jpg', content: pdf }]);
        },
        415,
        'photo',
      ],
      [
        'a 20 MB photo',
        async () => {
          const p = await precinctPoint('almaly');
          const big = Buffer.alloc(20 * 1024 * 1024, 0x41);
          big.set([0xff, 0xd8, 0xff, 0xe0], 0);
          return submitMultipart({ category: 'public_order', description: 'Очень большое фото нарушения во дворе', lat: p.lat, lon: p.lon }, [{ filename: 'big.jpg', content: big }]);
        },
        413,
        'photo',
      ],
      [
        'a 100 000-character description (JSON)',
        async () => {
          const p = await precinctPoint('almaly');
          return submitJson({ category: 'public_order', description: 'шум '.repeat(25_000), lat: p.lat, lon: p.lon });
        },
        400,
        /description$/,
      ],
      [
        'a 100 000-character description (multipart)',
        async () => {
          const p = await precinctPoint('almaly');
          return submitMultipart({ category: 'public_order', description: 'шум '.repeat(25_000), lat: p.lat, lon: p.lon }, []);
        },
        400,
        /description$/,
      ],
      ['a missing category', async () => submitJson({ description: 'Шумная компания во дворе после полуночи' }), 400, 'category'],
      ['an unknown category', async () => submitJson({ category: 'no_such_thing', description: 'Шумная компания во дворе после полуночи' }), 400, 'category'],
      ['a point outside the city', async () => submitJson({ category: 'public_order', description: 'Шумная компания во дворе после полуночи', lat: 42.5, lon: 75.0 }), 422, 'lat'],
      [
        '5 photos',
        async () => {
          const p = await precinctPoint('almaly');
          const photo = await jpegWithGps();
          return submitMultipart(
            { category: 'public_order', description: 'Пять фото нарушения во дворе дома', lat: p.lat, lon: p.lon },
            [1, 2, 3, 4, 5].map((i) => ({ filename: `p${i}.jpg`, content: photo })),
          );
        },
        400,
        'photo',
      ],
    ];
    for (const [name, send, status, field] of refusals) {
      it(name, async () => {
        const before = await storedState();
        const res = await send();
        expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
        const p = problemOf(res);
        if (typeof field === 'string') expect(p.field).toBe(field);
        else expect(p.field).toMatch(field);
        expect(p.detail).toEqual(expect.any(String));
        if (status === 422) expect(p.type).toMatch(/outside-city$/);
        expect(await storedState()).toEqual(before);
      });
    }
  });
});

// ---- Routing and deadlines ------------------------------------------------------------------------------------

describe(`appeals on ${testDriver}: routing by place and category`, () => {
  it('sends public order to the precinct that contains the point', async () => {
    const p = await precinctPoint('bostandyk');
    const receipt = await submitted(await submitJson({ category: 'public_order', description: 'Распитие спиртного на детской площадке вечером', lat: p.lat, lon: p.lon }));
    expect(receipt).toMatchObject({ status: 'routed', unit: `precinct:${p.id}`, precinct: { id: p.id } });
  });

  it("sends a conduct complaint at the same point to internal security, never the officer's precinct", async () => {
    const p = await precinctPoint('bostandyk');
    const receipt = await submitted(await submitJson({ category: 'conduct_complaint', description: 'Сотрудник грубо разговаривал при проверке документов', lat: p.lat, lon: p.lon }));
    expect(receipt.unit).toBe('city:internal_security');
    expect(receipt.status).toBe('routed');
    const [row] = await rows<{ unit: string }>(sql`select unit from appeals where code = ${receipt.code}`);
    expect(row!.unit).not.toMatch(/^precinct:/);
  });

  it('sends a drug link without a place to the anti-drug unit', async () => {
    const receipt = await submitted(await submitJson({ category: 'drug_link', description: 'Канал в Telegram продаёт наркотики с доставкой', advert: { kind: 'link', url: 'https://t.me/fake_shop_test' } }));
    expect(receipt).toMatchObject({ status: 'routed', unit: 'city:anti_drug', precinct: null });
  });

  it('leaves a general appeal without a place unrouted for a dispatcher', async () => {
    const receipt = await submitted(await submitJson({ category: 'general', description: 'Подскажите, как получить справку о несудимости?' }));
    expect(receipt).toMatchObject({ status: 'received', unit: null, precinct: null });
  });
});

describe(`appeals on ${testDriver}: deadlines by the Almaty working calendar`, () => {
  async function deadlineFor(category: string, days: number) {
    const p = await precinctPoint('medeu');
    const cal = await calendar();
    const before = new Date();
    const receipt = await submitted(await submitJson({ category, description: 'Проверка срока ответа на обращение жителя', lat: p.lat, lon: p.lon }));
    const after = new Date();
    const expected = new Set([cal.addWorkingDays(before, days).toISOString(), cal.addWorkingDays(after, days).toISOString()]);
    expect(expected).toContain(new Date(receipt.deadlineAt).toISOString());
    return receipt;
  }

  it('gives 15 working days by default', async () => {
    await deadlineFor('public_order', 15);
    await deadlineFor('road_safety', 15);
  });

  it('counts a day off that an admin declares from the next appeal on, and stops once it is removed', async () => {
    const usual = await deadlineFor('public_order', 15);
    // End of the next working day in Almaty (UTC+5) is 18:59:59.999Z, so its UTC date is the local one.
    const nextWorkingDay = (await calendar()).addWorkingDays(new Date(), 1).toISOString().slice(0, 10);
    const declared = await t.app.inject({ method: 'PUT', url: `/api/v1/admin/calendar-overrides/${nextWorkingDay}`, headers: { cookie: t.admin }, payload: { kind: 'holiday', note: 'test transfer' } });
    expect(declared.statusCode, declared.body).toBe(200);
    const later = await deadlineFor('public_order', 15);
    expect(new Date(later.deadlineAt).getTime()).toBeGreaterThan(new Date(usual.deadlineAt).getTime());
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/calendar-overrides/${nextWorkingDay}`, headers: { cookie: t.admin } });
    expect(removed.statusCode).toBe(204);
    expect((await deadlineFor('public_order', 15)).deadlineAt).toBe(usual.deadlineAt);
  });

  it("applies an admin's change of a category's deadline to new appeals (audited)", async () => {
    const auditBefore = await countOf('audit_log');
    const asEditor = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin/appeal-categories/road_safety', headers: { cookie: t.editor }, payload: { deadlineDays: 5 } });
    expect(asEditor.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin/appeal-categories/road_safety', headers: { cookie: t.admin }, payload: { deadlineDays: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'road_safety', deadlineDays: 5 });
    expect(await countOf('audit_log')).toBe(auditBefore + 1);
    const categories = (await getJson('/api/v1/appeal-categories')).items as { code: string; deadlineDays: number }[];
    expect(categories.find((c) => c.code === 'road_safety')?.deadlineDays).toBe(5);
    await deadlineFor('road_safety', 5);
    await deadlineFor('public_order', 15);
    const reset = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin/appeal-categories/road_safety', headers: { cookie: t.admin }, payload: { deadlineDays: 15 } });
    expect(reset.statusCode).toBe(200);
  });
});

// ---- Personal data ---------------------------------------------------------------------------------------------

describe(`appeals on ${testDriver}: the resident's personal data never goes public`, () => {
  const contact = { name: 'Айгерим Секретова', phone: '+7 (701) 234-56-78', email: 'secret.resident@example.kz' };
  const description = 'Соседи шумят каждую ночь. Мой второй номер 8 701 765 43 21, почта neighbour.watch@mail.kz, их машина 123 ABC 02 стоит у подъезда.';
  const conductText = 'Инспектор Жестоков ударил моего сына у подъезда, номер жетона 4417';

  function expectNoPersonalData(where: string, body: string) {
    expect(body, where).not.toContain('Секретова');
    expect(body, where).not.toContain('Айгерим Секретова');
    const digits = body.replace(/\D/g, '');
    for (const phone of ['7012345678', '7017654321']) expect(digits, `${where}: ${phone}`).not.toContain(phone);
    for (const shape of [/234[\s-]?56[\s-]?78/, /765[\s-]?43[\s-]?21/, /\(701\)/]) expect(body, where).not.toMatch(shape);
    for (const email of ['secret.resident', 'example.kz', 'neighbour.watch', 'mail.kz']) expect(body, where).not.toContain(email);
    expect(body, where).not.toMatch(/123\s?ABC\s?02/i);
  }

  it('masks the text and hides the contact in every public answer; staff see the contact', async () => {
    const p = await precinctPoint('almaly', 1);
    const receipt = await submitted(await submitJson({ category: 'public_order', description, lat: p.lat, lon: p.lon, address: 'ул. Абая 10, кв. 5', contact }));
    const complaint = await submitted(await submitJson({ category: 'conduct_complaint', description: conductText, lat: p.lat, lon: p.lon, contact: { ...contact, lang: 'kk' } }));

    const open = await getJson(`/api/v1/appeals/${receipt.code}`);
    expect(open.description).toEqual(expect.stringContaining('[phone]'));
    expect(open.description).toEqual(expect.stringContaining('[email]'));
    expect(open.description).toEqual(expect.stringContaining('[plate]'));
    expect(open.textWithheld).toBeNull();
    expect(JSON.stringify(open)).not.toContain('кв. 5');

    const withheld = await getJson(`/api/v1/appeals/${complaint.code}`);
    expect(withheld).toMatchObject({ description: null, textWithheld: 'category', place: null, unit: 'city:internal_security' });

    const publicUrls = [
      `/api/v1/appeals/${receipt.code}`,
      `/api/v1/appeals/${complaint.code}`,
      '/api/v1/appeals',
      '/api/v1/appeals?category=public_order',
      '/api/v1/appeals?category=conduct_complaint',
      `/api/v1/appeals?district=${p.districtId}`,
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
      '/open311/v2/requests.json?service_code=conduct_complaint',
      `/open311/v2/requests/${receipt.code}.json`,
      `/open311/v2/requests/${receipt.code}.xml`,
      `/open311/v2/requests/${complaint.code}.json`,
      `/open311/v2/requests/${complaint.code}.xml`,
      `/open311/v2/requests.json?service_request_id=${receipt.code},${complaint.code}`,
      `/open311/v2/tokens/${receipt.code}.json`,
      `/open311/v2/tokens/${complaint.code}.xml`,
      '/api/v1/audit?limit=100',
    ];
    for (const url of publicUrls) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectNoPersonalData(url, res.body);
      expect(res.body, url).not.toContain('Жестоков');
      expect(res.body, url).not.toContain('ударил моего сына');
    }
    // Both appeals are in the lists that were checked.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/appeals' });
    expect(list.body).toContain(receipt.code);
    expect(list.body).toContain(complaint.code);
    const open311 = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' });
    expect(open311.body).toContain(receipt.code);
    expect(open311.body).toContain(complaint.code);
    const listed = (JSON.parse(open311.body) as { service_request_id: string; description: string | null; lat: number | null }[]).find((r) => r.service_request_id === complaint.code);
    expect(listed).toMatchObject({ description: null, lat: null });

    const staff = await getJson(`/api/v1/staff/appeals/${receipt.code}`, t.editor);
    expect(staff.contact).toEqual({ name: 'Айгерим Секретова', phone: '+77012345678', email: 'secret.resident@example.kz', lang: 'ru' });
    expect(staff.fullDescription).toBe(description);
    expect(staff.address).toBe('ул. Абая 10, кв. 5');
    const staffComplaint = await getJson(`/api/v1/staff/appeals/${complaint.code}`, t.editor);
    expect(staffComplaint.fullDescription).toBe(conductText);
  });
});

// ---- Staff work ---------------------------------------------------------------------------------------------------

interface StaffAppeal {
  code: string;
  status: string;
  unit: string | null;
  contested: boolean;
  timeline: { kind: string; note: string | null; unit: string | null; status: string | null }[];
  allowed: { route: boolean; statuses: string[]; answer: boolean; supervise: boolean };
}

describe(`appeals on ${testDriver}: staff queues, routing and the life of an appeal`, () => {
  let place: Awaited<ReturnType<typeof precinctPoint>>;
  let appeal: Receipt;
  let inspector: string;

  beforeAll(async () => {
    place = await precinctPoint('auezov');
    appeal = await submitted(await submitJson({ category: 'public_order', description: 'Во дворе ночью играет громкая музыка, просим принять меры', lat: place.lat, lon: place.lon }));
    inspector = await t.login('inspector', { kind: 'district', districtId: place.districtId });
    const me = await getJson('/api/v1/auth/me', inspector);
    const userId = (me.user as { id: string }).id;
    await t.db.execute(sql`update inspectors set user_id = ${userId} where id = (select id from inspectors where precinct_id = ${place.id} and active order by personnel_number limit 1)`);
  });

  it("shows the appeal in the linked inspector's own queue", async () => {
    const queue = await getJson('/api/v1/staff/appeals?queue=mine&category=public_order', inspector);
    const items = queue.items as { code: string; unit: string }[];
    expect(items.map((i) => i.code)).toContain(appeal.code);
    for (const item of items) expect(item.unit).toBe(`precinct:${place.id}`);
    expect(await getJson(`/api/v1/staff/appeals/${appeal.code}`, inspector)).toMatchObject({ code: appeal.code });
  });

  it('answers 404 to a district account of another district, and hides conduct complaints from district accounts', async () => {
    const other = await t.login('editor', { kind: 'district', districtId: 'turksib' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/staff/appeals/${appeal.code}`, headers: { cookie: other } });
    expect(res.statusCode).toBe(404);
    expect((await staffPost(appeal.code, 'status', other, { status: 'in_progress' })).statusCode).toBe(404);

    const complaint = await submitted(await submitJson({ category: 'conduct_complaint', description: 'Жалоба на действия сотрудника при задержании', lat: place.lat, lon: place.lon }));
    const own = await t.login('editor', { kind: 'district', districtId: place.districtId });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/staff/appeals/${complaint.code}`, headers: { cookie: own } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/staff/appeals/${complaint.code}`, headers: { cookie: inspector } })).statusCode).toBe(404);
    for (const cookie of [own, inspector]) {
      const all = await getJson('/api/v1/staff/appeals?queue=all&category=conduct_complaint', cookie);
      expect(all.items).toEqual([]);
    }
    // The city's editor does see it.
    expect(await getJson(`/api/v1/staff/appeals/${complaint.code}`, t.editor)).toMatchObject({ unit: 'city:internal_security' });
  });

  it('re-routes with a reason that the public timeline shows', async () => {
    const neighbour = await precinctPoint(place.districtId, 1);
    const noReason = await staffPost(appeal.code, 'route', t.editor, { unit: `precinct:${neighbour.id}` });
    expect(noReason.statusCode).toBe(400);
    const reason = 'Адрес относится к соседнему участку';
    const res = await staffPost(appeal.code, 'route', t.editor, { unit: `precinct:${neighbour.id}`, reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unit: `precinct:${neighbour.id}` });
    const open = (await getJson(`/api/v1/appeals/${appeal.code}`)) as unknown as StaffAppeal;
    const rerouted = open.timeline.find((e) => e.kind === 'rerouted');
    expect(rerouted).toMatchObject({ note: reason, unit: `precinct:${neighbour.id}` });
    // Back to the inspector's precinct for the steps that follow.
    expect((await staffPost(appeal.code, 'route', t.editor, { unit: `precinct:${place.id}`, reason: 'Ошибка маршрутизации, возвращаем' })).statusCode).toBe(200);
  });

  it('refuses moves the life of an appeal does not allow (409) and a decline without a reason (400)', async () => {
    const unrouted = await submitted(await submitJson({ category: 'general', description: 'Вопрос о работе участкового пункта в выходные' }));
    const closeEarly = await staffPost(unrouted.code, 'status', t.editor, { status: 'closed' });
    expect(closeEarly.statusCode).toBe(409);
    problemOf(closeEarly);
    const answerEarly = await staffPost(unrouted.code, 'answer', t.editor, { answer: 'Участковый пункт работает по субботам с 10 до 14.' });
    expect(answerEarly.statusCode).toBe(409);
    const declineBare = await staffPost(unrouted.code, 'status', t.editor, { status: 'declined' });
    expect(declineBare.statusCode).toBe(400);
    expect(problemOf(declineBare).field).toBe('reason');
    const declined = await staffPost(unrouted.code, 'status', t.editor, { status: 'declined', reason: 'Обращение не содержит вопроса к полиции' });
    expect(declined.statusCode).toBe(200);
    const again = await staffPost(unrouted.code, 'status', t.editor, { status: 'in_progress' });
    expect(again.statusCode).toBe(409);
    expect((await getJson(`/api/v1/appeals/${unrouted.code}`)).statusReason).toBe('Обращение не содержит вопроса к полиции');
  });

  it('lets the resident rate an answer once, with the key, and follow the trust survey link', async () => {
    const receipt = await submitted(await submitJson({ category: 'public_order', description: 'Шумные соседи сверху каждую ночь после полуночи', lat: place.lat, lon: place.lon }));
    expect((await staffPost(receipt.code, 'status', t.editor, { status: 'in_progress' })).statusCode).toBe(200);
    const tooSoon = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${receipt.code}/rating`, payload: { key: receipt.residentKey, rating: 5 } });
    expect(tooSoon.statusCode).toBe(409);
    const answered = await staffPost(receipt.code, 'answer', t.editor, { answer: 'С соседями проведена профилактическая беседа, составлен протокол.' });
    expect(answered.statusCode).toBe(200);
    expect((await getJson(`/api/v1/appeals/${receipt.code}`)).answer).toMatch(/профилактическая беседа/);

    const wrongKey = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${receipt.code}/rating`, payload: { key: 'not-the-right-key-at-all', rating: 5 } });
    expect(wrongKey.statusCode).toBe(403);
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${receipt.code}/rating`, payload: { key: receipt.residentKey, rating: 4 } });
    expect(rated.statusCode).toBe(200);
    const { rating, surveyUrl } = rated.json() as { rating: number; surveyUrl: string };
    expect(rating).toBe(4);
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${receipt.code}/rating`, payload: { key: receipt.residentKey, rating: 1 } });
    expect(twice.statusCode).toBe(409);
    expect(await getJson(`/api/v1/appeals/${receipt.code}`)).toMatchObject({ rating: 4, status: 'closed' });

    const token = new URL(surveyUrl, 'https://openbeat.test').searchParams.get('token')!;
    expect(token).toEqual(expect.any(String));
    expect(await getJson(`/api/v1/trust/tokens/${encodeURIComponent(token)}`)).toEqual({ state: 'open' });
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/trust/responses', payload: { token, scale: '1-5', answers: { job: 4, respect: 5 } } });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(await getJson(`/api/v1/trust/tokens/${encodeURIComponent(token)}`)).toEqual({ state: 'used' });
  });

  it('reopens an answer contested once; then only a supervisor may answer it', async () => {
    const answered = await staffPost(appeal.code, 'answer', inspector, { answer: 'Проведён рейд, нарушители предупреждены, музыка выключена.' });
    expect(answered.statusCode, answered.body).toBe(200);
    const wrongKey = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${appeal.code}/contest`, payload: { key: 'someone-elses-key-1234', reason: 'Ничего не изменилось, шум продолжается' } });
    expect(wrongKey.statusCode).toBe(403);
    const contested = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${appeal.code}/contest`, payload: { key: appeal.residentKey, reason: 'Ничего не изменилось, шум продолжается каждую ночь' } });
    expect(contested.statusCode, contested.body).toBe(200);
    expect(contested.json()).toMatchObject({ status: 'in_progress', contested: true });
    expect((contested.json() as StaffAppeal).timeline.some((e) => e.kind === 'contested')).toBe(true);

    const byInspector = await staffPost(appeal.code, 'answer', inspector, { answer: 'Повторно проведена беседа с нарушителями, музыка выключена.' });
    expect(byInspector.statusCode).toBe(409);
    const view = (await getJson(`/api/v1/staff/appeals/${appeal.code}`, inspector)) as unknown as StaffAppeal;
    expect(view.allowed).toMatchObject({ answer: false, route: false, supervise: false });
    const bySupervisor = await staffPost(appeal.code, 'answer', t.editor, { answer: 'Проверка повторена руководителем, нарушителю выписан штраф.' });
    expect(bySupervisor.statusCode, bySupervisor.body).toBe(200);

    const secondContest = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${appeal.code}/contest`, payload: { key: appeal.residentKey, reason: 'Снова не согласен с ответом, шум продолжается' } });
    expect(secondContest.statusCode).toBe(409);
  });
});

// ---- Notifications ----------------------------------------------------------------------------------------------------

describe(`appeals on ${testDriver}: notices to the resident go through the outbox`, () => {
  it('writes one SMS per event to sms.log when the worker drains, and nothing more the second time', async () => {
    const worker = notifyWorker();
    await worker.drain();
    const start = smsLines().length;
    const p = await precinctPoint('zhetysu');
    const receipt = await submitted(await submitJson({ category: 'public_order', description: 'Драка у магазина каждый вечер, нужна проверка', lat: p.lat, lon: p.lon, contact: { phone: '8 702 111 22 33' } }));
    // Nothing is sent inside the request.
    expect(smsLines().length).toBe(start);
    expect(await worker.drain()).toBeGreaterThanOrEqual(1);
    const afterSubmit = smsLines().slice(start);
    expect(afterSubmit).toHaveLength(1);
    expect(afterSubmit[0]).toMatchObject({ to: '+77021112233', encoding: 'ucs2', segments: expect.any(Number) });
    expect(afterSubmit[0]!.text).toContain(receipt.code);
    expect(afterSubmit[0]!.segments).toBeGreaterThanOrEqual(1);

    expect((await staffPost(receipt.code, 'answer', t.editor, { answer: 'Наряд полиции выезжал, участники драки установлены и доставлены.' })).statusCode).toBe(200);
    await worker.drain();
    const afterAnswer = smsLines().slice(start);
    expect(afterAnswer).toHaveLength(2);
    expect(afterAnswer[1]).toMatchObject({ to: '+77021112233', encoding: 'ucs2' });
    expect(afterAnswer[1]!.text).toContain(receipt.code);
    expect(afterAnswer[1]!.text).toMatch(/ответ/);

    expect(await worker.drain()).toBe(0);
    expect(smsLines().slice(start)).toHaveLength(2);
  });
});

// ---- Proposals: supports ----------------------------------------------------------------------------------------------

describe(`appeals on ${testDriver}: supporting a proposal`, () => {
  it('confirms a support by phone with the code sent by SMS, once per phone and once per account', async () => {
    const worker = notifyWorker();
    await worker.drain();
    const proposal = await submitted(await submitJson({ category: 'safety_proposal', description: 'Предлагаю поставить освещение в сквере у школы' }));
    expect(proposal.code).toMatch(/^PR-/);
    const count = async () => ((await getJson(`/api/v1/appeals/${proposal.code}`)).supportCount as number);
    expect(await count()).toBe(0);

    const start = smsLines().length;
    const asked = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports`, payload: { contact: '+7 701 555 66 77' } });
    expect(asked.statusCode, asked.body).toBe(200);
    const challenge = asked.json() as { challengeId: string; supported: boolean; sentTo: string };
    expect(challenge.supported).toBe(false);
    expect(challenge.sentTo).not.toContain('5556677');
    await worker.drain();
    const sms = smsLines().slice(start);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to).toBe('+77015556677');
    const code = /(\d{6})/.exec(sms[0]!.text.replace(proposal.code, ''))?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports/confirm`, payload: { challengeId: challenge.challengeId, code: wrong } });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).field).toBe('code');
    const [attempts] = await rows<{ attempts: number }>(sql`select attempts from support_challenges where id = ${challenge.challengeId}`);
    expect(Number(attempts!.attempts)).toBe(1);
    expect(await count()).toBe(0);

    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports/confirm`, payload: { challengeId: challenge.challengeId, code } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ supported: true, supportCount: 1 });
    expect(await count()).toBe(1);
    const reused = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports/confirm`, payload: { challengeId: challenge.challengeId, code } });
    expect(reused.statusCode).toBe(409);

    // The same phone, written differently, does not support twice (and gets no new code).
    const samePhone = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports`, payload: { contact: '8 (701) 555-66-77' } });
    expect(samePhone.statusCode).toBe(200);
    expect(samePhone.json()).toMatchObject({ supported: true, challengeId: null, supportCount: 1 });
    await worker.drain();
    expect(smsLines().slice(start)).toHaveLength(1);
    expect(await count()).toBe(1);

    // A signed-in account supports at once, and only once.
    const council = await t.login('council');
    const direct = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports`, headers: { cookie: council }, payload: {} });
    expect(direct.statusCode, direct.body).toBe(200);
    expect(direct.json()).toMatchObject({ supported: true, supportCount: 2 });
    const directAgain = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${proposal.code}/supports`, headers: { cookie: council }, payload: {} });
    expect(directAgain.json()).toMatchObject({ supported: true, supportCount: 2 });
    expect(await count()).toBe(2);

    // Only proposals take supports.
    const p = await precinctPoint('almaly');
    const plain = await submitted(await submitJson({ category: 'public_order', description: 'Шум во дворе после одиннадцати вечера', lat: p.lat, lon: p.lon }));
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${plain.code}/supports`, headers: { cookie: council }, payload: {} })).statusCode).toBe(409);
  });
});

// ---- Drug adverts (п.3) --------------------------------------------------------------------------------------------------

describe(`appeals on ${testDriver}: drug adverts are tracked until removed`, () => {
  it('counts a recorded removal in the statistics, and refuses a removal on another kind of appeal', async () => {
    const p = await precinctPoint('nauryzbay');
    const receipt = await submitted(await submitJson({ category: 'drug_graffiti', description: 'Трафарет с рекламой наркотиков на остановке', lat: p.lat, lon: p.lon }));
    const month = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 7);
    type Stats = { months: { month: string; reported: number; removed: number }[]; open: number };
    const stats = async () => (await getJson('/api/v1/appeals/drug-adverts/stats')) as unknown as Stats;
    const before = await stats();
    const thisMonth = (s: Stats) => s.months.find((m) => m.month === month) ?? { reported: 0, removed: 0 };
    expect(thisMonth(before).reported).toBeGreaterThanOrEqual(1);

    const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
    const res = await staffPost(receipt.code, 'removal', t.editor, { removedOn: today, evidence: 'Акт №77, фото до и после' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'answered', advert: { kind: 'graffiti', evidence: 'Акт №77, фото до и после' } });
    const after = await stats();
    expect(thisMonth(after).removed).toBe(thisMonth(before).removed + 1);
    expect(thisMonth(after).reported).toBe(thisMonth(before).reported);
    expect(after.open).toBe(before.open - 1);
    expect((await staffPost(receipt.code, 'removal', t.editor, { removedOn: today, evidence: 'Повторный акт' })).statusCode).toBe(409);

    const plain = await submitted(await submitJson({ category: 'public_order', description: 'Шум у кафе каждую ночь до утра', lat: p.lat, lon: p.lon }));
    const refused = await staffPost(plain.code, 'removal', t.editor, { removedOn: today, evidence: 'Акт №78' });
    expect(refused.statusCode).toBe(409);
    problemOf(refused);
  });
});
