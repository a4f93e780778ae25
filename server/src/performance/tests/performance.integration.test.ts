import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { testDriver } from '../../test-support/test-database.js';

let t: TestApp;
let editor: string;
let analyst: string;
let council: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = await t.login('editor');
  analyst = await t.login('analyst');
  council = await t.login('council');
});
afterAll(async () => {
  await t?.close();
});

interface OpenIndicator {
  id: string;
  code: string;
  department: { id: string };
  name: { ru: string };
  unit: string;
  direction: string;
  target: { kind: string; value: number; effective: number | null } | null;
  values: { period: string; value: number; source: string }[];
  source: string;
  sourceItem: string | null;
  current: { period: string; value: number } | null;
  light: string;
}

async function indicators(query = ''): Promise<OpenIndicator[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/indicators${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function indicator(code: string, department = 'city'): Promise<OpenIndicator> {
  const [found] = await indicators(`?code=${code}&department=${department}`);
  if (!found) throw new Error(`no indicator ${code}@${department}`);
  return found;
}

async function auditEntries(): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' });
  expect(res.json().valid).toBe(true);
  return res.json().entries as number;
}

function multipart(filename: string, content: Buffer, cookie: string) {
  const boundary = `----openbeat${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const post = (url: string, cookie: string | null, payload: unknown, method: 'POST' | 'PUT' | 'PATCH' = 'POST') =>
  t.app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

describe(`performance on ${testDriver}: the report's figures as open data`, () => {
  it('publishes the programmes of п.3 and п.9 with the staffing plan money in tiyn', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/programmes' });
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['safe-streets', 'apartment-thefts', 'child-safety', 'domestic-violence', 'stop-drugs', 'prevention-plan-2020-2022', 'property-protection-2021-2023', 'local-police-staffing-2021-2023']));
    const staffing = await t.app.inject({ method: 'GET', url: '/api/v1/programmes/local-police-staffing-2021-2023' });
    const card = staffing.json();
    expect(card.budgetLines.map((b: { year: number; plannedTiyn: number; synthetic: boolean }) => [b.year, b.plannedTiyn, b.synthetic])).toEqual([
      [2021, 40_917_800_000, false],
      [2022, 64_413_800_000, false],
      [2023, 179_568_000_000, false],
    ]);
    expect(card.budget.plannedTiyn).toBe(284_899_600_000);
    expect(card.official.position.ru).toMatch(/местной полицейской службы/);
    expect(card.recommendationNumbers).toEqual([9]);
    const plan = (res.json().items as { code: string; declaredMeasureCount: number | null }[]).find((p) => p.code === 'prevention-plan-2020-2022');
    expect(plan?.declaredMeasureCount).toBe(101);
  });

  it('gives every indicator its name, unit, direction, target, values, source and report item', async () => {
    const all = await indicators();
    for (const i of all) {
      expect(i).toEqual(expect.objectContaining({ name: expect.any(Object), unit: expect.any(String), direction: expect.any(String), values: expect.any(Array), source: expect.any(String) }));
      expect(i).toHaveProperty('target');
      expect(i).toHaveProperty('sourceItem');
    }
    const thefts = await indicator('thefts');
    expect(thefts.sourceItem).toBe('п.3');
    expect(thefts.values.map((v) => [v.period, v.value])).toEqual([
      ['2020-Q1', 6069],
      ['2021-Q1', 2863],
    ]);
    expect(thefts.current).toMatchObject({ period: '2021-Q1', value: 2863 });
    const clearance = await indicator('thefts_clearance');
    expect(clearance.direction).toBe('higher_better');
    expect(clearance.current?.value).toBe(44.3);
    const share = await indicator('street_crime_share');
    expect(share.target).toMatchObject({ kind: 'value', value: 18.7 });
    expect(share.light).toBe('no_data');
    const load = await indicator('residents_per_inspector');
    expect(load.target?.value).toBe(2300);
    expect(load.light).toBe('red');
    expect((await indicator('equipment_portable_radios')).current?.value).toBe(99.2);
    expect((await indicator('gps_disciplined')).sourceItem).toBe('п.17');
    expect((await indicator('drug_graffiti_painted')).current?.value).toBe(681);
  });

  it('ranks the 8 districts per 100 000 residents and flags CompStat changes by Poisson z', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/scorecards/districts' });
    const thefts = res.json().rankings.find((r: { code: string }) => r.code === 'thefts');
    expect(thefts.rows).toHaveLength(8);
    expect(thefts.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const row of thefts.rows) expect(row.per100k).toBeCloseTo((row.count / row.district.population) * 100_000, 6);
    const rates = thefts.rows.map((r: { per100k: number }) => r.per100k);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates); // lower is better → ascending
    const compstat = await t.app.inject({ method: 'GET', url: '/api/v1/compstat?code=thefts' });
    const family = compstat.json().families[0];
    expect(family.rows).toHaveLength(8);
    for (const row of family.rows) {
      const ytd = row.cells.find((c: { window: string }) => c.window === 'year_to_date');
      expect(ytd.z).toBeCloseTo(2 * (Math.sqrt(ytd.current.count) - Math.sqrt(ytd.prior.count)), 9);
      expect(ytd.significant).toBe(Math.abs(ytd.z) >= 3);
      expect(row.synthetic).toBe(true);
    }
  });

  it('answers bad reads with a 4xx naming the problem', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/programmes/no-such' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/programmes/BAD%20CODE' })).json().field).toBe('params.code');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/indicators/not-a-uuid' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/compstat?asOf=2021-02-30' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/users.csv' })).json().field).toBe('params.file');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/trust?months=99' })).statusCode).toBe(400);
  });
});

describe(`performance on ${testDriver}: editors enter values, corrections keep history`, () => {
  it('saves a new value, refuses a silent correction, keeps the old one when corrected with a reason', async () => {
    const thefts = await indicator('thefts');
    const before = await auditEntries();
    const created = await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: '2021-Q2', value: 2500, source: 'УКП ДП, форма 1-М' });
    expect(created.statusCode).toBe(200);
    expect(created.json().current).toMatchObject({ period: '2021-Q2', value: 2500 });
    expect(await auditEntries()).toBe(before + 1);

    const silent = await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: '2021-Q2', value: 2550, source: 'УКП ДП, форма 1-М' });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().field).toBe('body.reason');
    expect((await indicator('thefts')).current?.value).toBe(2500);
    expect(await auditEntries()).toBe(before + 1);

    const corrected = await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: '2021-Q2', value: 2550, source: 'УКП ДП, форма 1-М', reason: 'уточнённые данные статистики' });
    expect(corrected.statusCode).toBe(200);
    const history = corrected.json().history as { period: string; value: number; supersededAt: string | null; reason: string; enteredBy: object }[];
    const q2 = history.filter((h) => h.period === '2021-Q2');
    expect(q2[1]).toMatchObject({ replacedBy: { value: 2550, reason: 'уточнённые данные статистики' } });
    expect(q2.map((h) => [h.value, h.supersededAt === null, h.reason])).toEqual([
      [2550, true, 'уточнённые данные статистики'],
      [2500, false, ''],
    ]);
    expect(Object.keys(q2[0]!.enteredBy).sort()).toEqual(['role', 'unit']);
    expect(JSON.stringify(corrected.json())).not.toMatch(/enteredByUser|displayName|username/);
    expect((await indicator('thefts')).current?.value).toBe(2550);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1' });
    expect(JSON.stringify(audit.json())).toMatch(/indicator_value\.correct/);

    const same = await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: '2021-Q2', value: 2550, source: 'УКП ДП, форма 1-М' });
    expect(same.statusCode).toBe(200);
    expect(await auditEntries()).toBe(before + 2);
  });

  it('refuses periods that are not periods or have not started, and anonymous or wrong-role writers', async () => {
    const thefts = await indicator('thefts');
    const url = `/api/v1/indicators/${thefts.id}/values`;
    expect((await post(url, editor, { period: '2021-13', value: 1, source: 'x y' })).json().field).toBe('body.period');
    expect((await post(url, editor, { period: '2099-Q1', value: 1, source: 'x y' })).json().detail).toMatch(/not started/);
    expect((await post(url, null, { period: '2021-Q3', value: 1, source: 'x y' })).statusCode).toBe(401);
    expect((await post(url, council, { period: '2021-Q3', value: 1, source: 'x y' })).statusCode).toBe(403);
  });

  it('lets a district editor write its own district only', async () => {
    const almalyEditor = await t.login('editor', { kind: 'district', districtId: 'almaly' });
    const own = await indicator('thefts', 'almaly');
    const other = await indicator('thefts', 'medeu');
    expect((await post(`/api/v1/indicators/${other.id}/values`, almalyEditor, { period: '2020-01', value: 10, source: 'РУП' })).statusCode).toBe(403);
    expect((await post(`/api/v1/indicators/${own.id}/values`, almalyEditor, { period: '2020-01', value: 10, source: 'РУП' })).statusCode).toBe(200);
  });
});

describe(`performance on ${testDriver}: uploads preview first and save all or nothing`, () => {
  const csv = [
    'indicator,department,period,value,source,note,reason',
    'thefts_clearance,city,2021-Q3,47.5,Статистика УКП,,',
    'serious_thefts,city,2021-Q3,700,Статистика УКП,,',
    'no_such_indicator,city,2021-Q3,1,Статистика УКП,,',
    'thefts,city,2021-Q4,"2 400",Статистика УКП,,',
    'thefts_clearance,city,2021-Q4,147,Статистика УКП,,',
  ].join('\n');

  it('marks each bad row with its reason and stores nothing before confirmation', async () => {
    const before = await auditEntries();
    const clearanceBefore = await indicator('thefts_clearance');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('values.csv', Buffer.from(csv), editor) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.okCount).toBe(3);
    expect(body.badCount).toBe(2);
    const bad = body.rows.filter((r: { ok: boolean }) => !r.ok);
    expect(bad.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
      [4, 'indicator'],
      [6, 'value'],
    ]);
    expect(bad[0].reason).toMatch(/no_such_indicator/);
    expect(body.rows.find((r: { line: number }) => r.line === 5).row.value).toBe(2400);
    expect(await auditEntries()).toBe(before);
    expect((await indicator('thefts_clearance')).values).toEqual(clearanceBefore.values);

    const good = body.rows.filter((r: { ok: boolean }) => r.ok).map((r: { row: object }) => r.row);
    const refused = await post('/api/v1/indicator-values/confirm', editor, { rows: [...good, { indicator: 'thefts_clearance', department: 'city', period: '2021-Q4', value: 147, source: 'x y' }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('body.rows.3.value');
    expect(await auditEntries()).toBe(before);

    const saved = await post('/api/v1/indicator-values/confirm', editor, { rows: good });
    expect(saved.json()).toEqual({ created: 3, corrected: 0, unchanged: 0 });
    expect((await indicator('serious_thefts')).current).toMatchObject({ period: '2021-Q3', value: 700 });
    expect(await auditEntries()).toBe(before + 3);
  });

  it('reads XLSX the same way and refuses files that are neither', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('values');
    sheet.addRow(['Показатель', 'Подразделение', 'Период', 'Значение', 'Источник']);
    sheet.addRow(['modular_posts', 'city', '2021-Q2', 40, 'ДП']);
    sheet.addRow(['modular_posts', 'city', '2021-Q2', 41, 'ДП']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('values.xlsx', xlsx, editor) });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { ok: boolean; reason: string | null }) => r.ok)).toEqual([true, false]);
    expect(res.json().rows[1].reason).toMatch(/twice/);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('photo.png', png, editor) })).statusCode).toBe(415);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('old.xls', Buffer.from('garbage'), editor) })).statusCode).toBe(415);
    const noHeader = await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('v.csv', Buffer.from('a,b\n1,2\n'), editor) });
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().detail).toMatch(/no column/);
  });
});

describe(`performance on ${testDriver}: analysts define indicators; figures promote in one call`, () => {
  it('defines an indicator, refuses a target pointing the wrong way and a duplicate', async () => {
    const definition = {
      code: 'test_reception_waits',
      name: { ru: 'Ожидание приёма', kk: '', en: '' },
      unit: 'days',
      direction: 'lower_better',
      baseline: { period: '2021', value: 10 },
      target: { kind: 'value', value: 5, date: '2022-12-31' },
      dataSource: 'Журнал приёма',
      sourceItem: 'п.5',
      programme: 'safe-streets',
    };
    expect((await post('/api/v1/indicators', editor, definition)).statusCode).toBe(403);
    const wrong = await post('/api/v1/indicators', analyst, { ...definition, target: { kind: 'value', value: 20, date: null } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('body.target.value');
    const created = await post('/api/v1/indicators', analyst, definition);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'test_reception_waits', light: 'no_data', programme: { code: 'safe-streets' } });
    expect((await post('/api/v1/indicators', analyst, definition)).statusCode).toBe(409);

    const id = created.json().id as string;
    await post(`/api/v1/indicators/${id}/values`, editor, { period: '2021-Q4', value: 7, source: 'Журнал приёма' });
    const card = (await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}` })).json();
    expect(card.achievement).toBeCloseTo(60, 9); // (7 − 10) / (5 − 10)
    expect(card.light).toBe('red');
    const relaxed = await post(`/api/v1/indicators/${id}`, analyst, { thresholds: { green: 100, amber: 50 } }, 'PATCH');
    expect(relaxed.json().light).toBe('amber');
  });

  it('promotes a figure of the imported report into an indicator value with its provenance', async () => {
    const item = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/3' })).json();
    const figure = item.responses[0].figures.find((f: { value: number }) => f.value === 150);
    expect(figure?.id).toBeTruthy();
    const created = await post('/api/v1/indicators', analyst, { code: 'test_sites', name: { ru: 'Сайты', kk: '', en: '' }, unit: 'count', direction: 'higher_better', dataSource: 'Отчёт' });
    const res = await post('/api/v1/indicator-values/from-figure', editor, { figureId: figure.id, indicatorId: created.json().id });
    expect(res.statusCode).toBe(200);
    expect(res.json().current).toMatchObject({ period: '2021-Q1', value: 150 });
    expect(res.json().history[0]).toMatchObject({ figureId: figure.id, source: expect.stringMatching(/п\.3/) });
    const unknown = await post('/api/v1/indicator-values/from-figure', editor, { figureId: '00000000-0000-4000-8000-000000000000', indicatorId: created.json().id });
    expect(unknown.json().field).toBe('body.figureId');
  });
});

describe(`performance on ${testDriver}: budgets and measures`, () => {
  it('stores tenge exactly as tiyn and refuses amounts that do not add up', async () => {
    const url = '/api/v1/programmes/stop-drugs/budget-lines';
    const res = await post(url, editor, { year: 2023, label: 'тест', planned: '1 000 000,50', allocated: '900 000', spent: '899 999,99', source: 'Бюджетная заявка' }, 'PUT');
    expect(res.statusCode).toBe(200);
    const line = res.json().budgetLines.find((b: { year: number; label: string }) => b.year === 2023 && b.label === 'тест');
    expect(line).toMatchObject({ plannedTiyn: 100_000_050, allocatedTiyn: 90_000_000, spentTiyn: 89_999_999 });
    expect((await post(url, editor, { year: 2023, planned: '12,345', source: 'x y' }, 'PUT')).json().field).toBe('body.planned');
    expect((await post(url, editor, { year: 2024, planned: '10', source: 'x y' }, 'PUT')).json().field).toBe('body.year');
    expect((await post(url, editor, { year: 2023, planned: '10', allocated: '5', spent: '6', source: 'x y' }, 'PUT')).json().field).toBe('body.spent');
    const almalyEditor = await t.login('editor', { kind: 'district', districtId: 'almaly' });
    expect((await post(url, almalyEditor, { year: 2023, planned: '10', source: 'x y' }, 'PUT')).statusCode).toBe(403);
  });

  it('updates a measure with evidence', async () => {
    const card = (await t.app.inject({ method: 'GET', url: '/api/v1/programmes/stop-drugs' })).json();
    const measure = card.measures[0];
    const res = await post(`/api/v1/measures/${measure.id}`, editor, { status: 'done', evidence: 'Акт о закрашивании' }, 'PATCH');
    expect(res.json()).toMatchObject({ status: 'done', evidence: 'Акт о закрашивании' });
    expect((await post(`/api/v1/measures/${measure.id}`, editor, { status: 'finished' }, 'PATCH')).statusCode).toBe(400);
  });
});

describe(`performance on ${testDriver}: trust survey`, () => {
  it('takes one answer per token and refuses the rest without changing anything', async () => {
    const issued = await post('/api/v1/trust/tokens', null, { districtId: 'medeu' });
    expect(issued.statusCode).toBe(201);
    const { token } = issued.json();
    const outOfRange = await post('/api/v1/trust/responses', null, { token, scale: '1-5', answers: { job: 6 } });
    expect(outOfRange.json().field).toBe('body.answers.job');
    expect((await post('/api/v1/trust/responses', null, { token, scale: '1-5', answers: {} })).statusCode).toBe(400);
    expect((await post('/api/v1/trust/responses', null, { token, scale: '1-5', answers: { job: 4, respect: 5 } })).statusCode).toBe(201);
    const again = await post('/api/v1/trust/responses', null, { token, scale: '1-5', answers: { job: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toMatch(/survey-link-used/);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/trust/tokens/${token}` })).json()).toEqual({ state: 'used' });
    expect((await post('/api/v1/trust/responses', null, { token: 'x'.repeat(32), scale: '1-5', answers: { job: 1 } })).statusCode).toBe(404);
  });

  it('caps portal links per address and day', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('/api/v1/trust/tokens', null, {})).statusCode);
    // One token was taken by the test above from the same address.
    expect(statuses.filter((s) => s === 201).length).toBe(4);
    expect(statuses.at(-1)).toBe(429);
  });

  it('issues contact tokens to staff for a reception', async () => {
    const inspector = await t.login('inspector', { kind: 'district', districtId: 'turksib' });
    const res = await post('/api/v1/trust/contact-tokens', inspector, { context: 'reception' });
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toMatch(/\/trust\/survey\?token=/);
    expect((await post('/api/v1/trust/contact-tokens', null, { context: 'reception' })).statusCode).toBe(401);
  });

  it('publishes means with 95 % intervals and suppresses cells under 30 answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/trust?months=6' });
    const body = res.json();
    expect(body.minAnswers).toBe(30);
    expect(body.synthetic).toBe(true);
    const cells = body.rows.flatMap((r: { overall: object; items: Record<string, object> }) => [r.overall, ...Object.values(r.items)]);
    expect(cells.some((c: { suppressed: boolean }) => c.suppressed)).toBe(true);
    expect(cells.some((c: { suppressed: boolean }) => !c.suppressed)).toBe(true);
    for (const c of cells) {
      if (c.suppressed) expect([c.n, c.mean, c.low, c.high]).toEqual([null, null, null, null]);
      else {
        expect(c.n).toBeGreaterThanOrEqual(30);
        expect(c.low).toBeLessThanOrEqual(c.mean);
        expect(c.high).toBeGreaterThanOrEqual(c.mean);
      }
    }
    expect(JSON.stringify(body)).not.toMatch(/token/i);
    // A lone suppressed district would show through the city's total: never exactly one per month and item.
    for (const month of new Set(body.rows.map((r: { month: string }) => r.month))) {
      const districts = body.rows.filter((r: { month: string; department: { id: string } }) => r.month === month && r.department.id !== 'city');
      for (const key of ['overall', ...body.items]) {
        const cells = districts.map((r: { overall: { suppressed: boolean }; items: Record<string, { suppressed: boolean }> }) => (key === 'overall' ? r.overall : r.items[key]!));
        expect(cells.filter((c: { suppressed: boolean }) => c.suppressed).length).not.toBe(1);
      }
    }
  });
});

describe(`performance on ${testDriver}: exports`, () => {
  it('serves every table as CSV and XLSX and a programme as PDF', async () => {
    for (const table of ['programmes', 'budget-lines', 'measures', 'indicators', 'indicator-values', 'trust', 'compstat']) {
      const csv = await t.app.inject({ method: 'GET', url: `/api/v1/exports/${table}.csv` });
      expect(csv.statusCode).toBe(200);
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      expect(csv.body.split('\r\n').length).toBeGreaterThan(2);
      const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/exports/${table}.xlsx` });
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    const indicatorsCsv = (await t.app.inject({ method: 'GET', url: '/api/v1/exports/indicators.csv' })).body;
    expect(indicatorsCsv).toMatch(/thefts,city,Зарегистрированные кражи/);
    const pdf = await t.app.inject({ method: 'GET', url: '/api/v1/programmes/local-police-staffing-2021-2023/scorecard.pdf?lang=kk' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Жергілікті полиция қызметін кезең-кезеңімен штаттық нығайту');
    expect(text).toContain('Бюджет, теңге');
    expect(text.replace(/\s/g, '')).toContain('409178000');
  });
});

describe(`performance on ${testDriver}: hostile input answers 4xx and changes nothing`, () => {
  it('refuses NUL characters, absurd numbers, unknown keys and disguised files', async () => {
    const before = await auditEntries();
    const thefts = await indicator('thefts');
    const url = `/api/v1/indicators/${thefts.id}/values`;
    const nul = await post(url, editor, { period: '2021-Q3', value: 1, source: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect((await post(url, editor, { period: '2021-Q3', value: 1, source: 'УКП', extra: true })).statusCode).toBe(400);
    expect((await post(url, editor, { period: '2021-Q3', value: '1', source: 'УКП' })).statusCode).toBe(400);
    const budget = await post('/api/v1/programmes/stop-drugs/budget-lines', editor, { year: 2025, planned: '9'.repeat(30), source: 'x y' }, 'PUT');
    expect(budget.json().field).toBe('body.planned');
    const survey = await post('/api/v1/trust/responses', null, { token: 'y'.repeat(32), scale: '1-5', answers: { job: 3, name: 'Иван' } });
    expect(survey.statusCode).toBe(400);
    const zipAsCsv = await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('values.csv', Buffer.from('504b0304140000000800', 'hex'), editor) });
    expect(zipAsCsv.statusCode).toBe(415);
    const binary = await t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart('values.csv', Buffer.from([0x69, 0x6e, 0x00, 0xff, 0xfe]), editor) });
    expect(binary.statusCode).toBe(422);
    const tooMany = await post('/api/v1/indicator-values/confirm', editor, { rows: Array.from({ length: 20_001 }, () => ({ indicator: 'thefts', department: 'city', period: '2021', value: 1, source: 'x y' })) });
    expect(tooMany.statusCode).toBe(413);
    expect(await auditEntries()).toBe(before);
    expect((await indicator('thefts')).values.map((v) => v.period)).not.toContain('2021-Q3');
  });
});

describe(`performance on ${testDriver}: what editors owe`, () => {
  it('lists indicators whose latest value is older than the last completed period, within scope', async () => {
    const city = (await t.app.inject({ method: 'GET', url: '/api/v1/staff/indicators/due', headers: { cookie: editor } })).json().items as { code: string; department: { id: string }; lastPeriod: string | null; expectedPeriod: string }[];
    const thefts = city.find((i) => i.code === 'thefts' && i.department.id === 'city');
    expect(thefts?.lastPeriod).toMatch(/^2021-Q/);
    expect(thefts?.expectedPeriod).toMatch(/^20\d\d-Q[1-4]$/);
    expect(city.some((i) => i.department.id !== 'city')).toBe(false); // daily district series are fed elsewhere
    const almaly = await t.login('editor', { kind: 'district', districtId: 'almaly' });
    const own = (await t.app.inject({ method: 'GET', url: '/api/v1/staff/indicators/due', headers: { cookie: almaly } })).json().items;
    expect(own).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff/indicators/due' })).statusCode).toBe(401);
  });
});

describe(`performance on ${testDriver}: staff reads`, () => {
  it('gives staff full cards and fresh answers, the public a short cache', async () => {
    const cards = await t.app.inject({ method: 'GET', url: '/api/v1/indicators/cards?programme=stop-drugs' });
    expect(cards.statusCode).toBe(200);
    expect(cards.json().items.length).toBe(8);
    expect(cards.json().items[0]).toHaveProperty('thresholds');
    expect(cards.headers['cache-control']).toBe('public, max-age=5');
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/indicators/cards', headers: { cookie: editor } });
    expect(staff.headers['cache-control']).toBe('private, no-cache');
    const single = await post(`/api/v1/indicators/${(await indicator('thefts_clearance')).id}/values`, editor, { period: '2022', value: 140, source: 'x y' });
    expect(single.json().field).toBe('body.value');
  });
});

describe(`performance on ${testDriver}: what review broke, each now a clear 4xx`, () => {
  const xlsx = async (build: (sheet: ExcelJS.Worksheet) => void) => {
    const workbook = new ExcelJS.Workbook();
    build(workbook.addWorksheet('values'));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const preview = (name: string, content: Buffer) => t.app.inject({ method: 'POST', url: '/api/v1/indicator-values/preview', ...multipart(name, content, editor) });

  it('refuses a sheet with a stray far-away cell without walking a million rows', async () => {
    const far = await xlsx((sheet) => {
      sheet.addRow(['indicator', 'department', 'period', 'value', 'source']);
      sheet.getCell('XFD1048576').value = 1;
    });
    const res = await preview('far.xlsx', far);
    expect([413, 422]).toContain(res.statusCode);
  });

  it('reads percent-formatted cells as percentages and refuses dates typed into the period column', async () => {
    const sheetFile = await xlsx((sheet) => {
      sheet.addRow(['indicator', 'department', 'period', 'value', 'source']);
      const row = sheet.addRow(['thefts_clearance', 'city', '2022-Q1', 0.443, 'УКП']);
      row.getCell(4).numFmt = '0.0%';
      sheet.addRow(['thefts', 'city', new Date(Date.UTC(2021, 2, 1)), 2500, 'УКП']);
    });
    const rows = (await preview('pct.xlsx', sheetFile)).json().rows;
    expect(rows[0]).toMatchObject({ ok: true, row: { value: 44.3 } });
    expect(rows[1]).toMatchObject({ ok: false, field: 'period' });
  });

  it('refuses cells longer than their column allows and numbers that are not finite', async () => {
    const csv = ['indicator,department,period,value,source', `thefts,city,2021-Q4,1,${'x'.repeat(600)}`, `thefts,city,2021-Q4,${'9'.repeat(400)},УКП`].join('\n');
    const res = await preview('long.csv', Buffer.from(csv));
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { ok: boolean; field: string }) => [r.ok, r.field])).toEqual([
      [false, 'source'],
      [false, 'value'],
    ]);
  });

  it('keeps public pages answering: no absurd values, no unfinished periods, no lossy money', async () => {
    const thefts = await indicator('thefts', 'almaly');
    expect((await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: '2024-01-05', value: 1e308, source: 'x y' })).json().field).toBe('body.value');
    const unfinished = await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: '2100-01-01', value: 1, source: 'x y' });
    expect(unfinished.statusCode).toBe(400);
    const thisYear = new Date().getUTCFullYear() + 1;
    expect((await post(`/api/v1/indicators/${thefts.id}/values`, editor, { period: String(thisYear - 1), value: 1, source: 'x y' })).json().detail).toMatch(/not over|not started/);
    const clearance = await indicator('thefts_clearance');
    expect((await post(`/api/v1/indicators/${clearance.id}/values`, editor, { period: '2021-Q4', value: 23.400000000000002, source: 'x y' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/programmes/property-protection-2021-2023' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/indicators/cards' })).statusCode).toBe(200);
    const money = await post('/api/v1/programmes/safe-streets/budget-lines', editor, { year: 2022, label: 'big', planned: '90071992547409,91', source: 'x y' }, 'PUT');
    expect(money.json().field).toBe('body.planned');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/programmes' })).statusCode).toBe(200);
  });

  it('refuses dates out of this world and targets out of their unit', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/compstat?asOf=0000-01-01' })).statusCode).toBe(400);
    const measure = (await t.app.inject({ method: 'GET', url: '/api/v1/programmes/stop-drugs' })).json().measures[0];
    expect((await post(`/api/v1/measures/${measure.id}`, editor, { deadline: '0000-01-01' }, 'PATCH')).statusCode).toBe(400);
    const base = { name: { ru: 'Доля', kk: '', en: '' }, unit: 'percent', direction: 'higher_better', dataSource: 'Отчёт' };
    expect((await post('/api/v1/indicators', analyst, { ...base, code: 'test_pct', target: { kind: 'value', value: 500 } })).json().field).toBe('body.target.value');
    expect((await post('/api/v1/indicators', analyst, { ...base, code: 'test_pct', baseline: { period: '2021-02-30', value: 5 } })).statusCode).toBe(400);
    expect((await post('/api/v1/indicators', analyst, { ...base, code: 'test_pct', target: { kind: 'value', value: 50, date: '0000-01-01' } })).statusCode).toBe(400);
    const before = await auditEntries();
    const share = await indicator('street_crime_share');
    expect((await post(`/api/v1/indicators/${share.id}`, analyst, {}, 'PATCH')).statusCode).toBe(200);
    expect(await auditEntries()).toBe(before);
  });

  it('hands out survey links only for real districts within the account scope', async () => {
    const inspector = await t.login('inspector', { kind: 'district', districtId: 'almaly' });
    expect((await post('/api/v1/trust/contact-tokens', inspector, { context: 'reception', districtId: 'medeu' })).statusCode).toBe(403);
    expect((await post('/api/v1/trust/contact-tokens', editor, { context: 'reception', districtId: 'nowhere' })).json().field).toBe('body.districtId');
    expect((await post('/api/v1/trust/contact-tokens', editor, { context: 'reception', districtId: 'city' })).statusCode).toBe(400);
  });

  it('does not promote a percentage into a count', async () => {
    const item = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/3' })).json();
    const percent = item.responses[0].figures.find((f: { unit: string | null }) => f.unit === '%');
    expect(percent).toBeTruthy();
    const count = await indicator('offences_drunk');
    const res = await post('/api/v1/indicator-values/from-figure', editor, { figureId: percent.id, indicatorId: count.id });
    expect(res.json().field).toBe('body.indicatorId');
  });

  it('quotes spreadsheet formulas in CSV exports', async () => {
    const measure = (await t.app.inject({ method: 'GET', url: '/api/v1/programmes/stop-drugs' })).json().measures[1];
    await post(`/api/v1/measures/${measure.id}`, editor, { evidence: "-2+3+cmd|' /C calc'!A0" }, 'PATCH');
    const csv = (await t.app.inject({ method: 'GET', url: '/api/v1/exports/measures.csv' })).body;
    expect(csv).toContain("'-2+3+cmd");
  });
});
