import fs from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportPath } from '../../demo/demo.service.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';

let t: TestApp;
let editor: string;
let council: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = await t.login('editor');
  council = await t.login('council');
});
afterAll(async () => {
  await t?.close();
});

const seedText = fs.readFileSync(seedReportPath, 'utf8');

function multipart(filename: string, content: Buffer, contentType: string, cookie: string) {
  const boundary = `----openbeat${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function auditCount(): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' });
  return res.json().entries as number;
}

describe(`oversight on ${testDriver}: the public reads the seed report`, () => {
  it('lists the 28 recommendations of 2021-Q1 with statuses and counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { number: number }) => i.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    const byNumber = new Map(body.items.map((i: { number: number; status: string }) => [i.number, i]));
    expect(byNumber.get(8)).toMatchObject({ status: 'declined', latestPeriod: '2021-Q1', source: 'imported' });
    expect(byNumber.get(11)).toMatchObject({ status: 'outside_competence', competence: 'ДЧС' });
    expect(byNumber.get(23)).toMatchObject({ status: 'requires_legislation' });
    expect(byNumber.get(24)).toMatchObject({ status: 'in_progress' });
    const total = Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(28);
    expect(body.facets.addressees.length).toBeGreaterThan(0);
  });

  it('filters by status, topic and text', async () => {
    const declined = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations?status=declined' })).json();
    expect(declined.items.length).toBeGreaterThan(0);
    expect(declined.items.every((i: { status: string }) => i.status === 'declined')).toBe(true);
    const traffic = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations?topic=traffic' })).json();
    expect(traffic.items.map((i: { number: number }) => i.number)).toContain(24);
    const text = (await t.app.inject({ method: 'GET', url: `/api/v1/recommendations?q=${encodeURIComponent('эвакуатор')}` })).json();
    expect(text.items.map((i: { number: number }) => i.number)).toEqual([24]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations?status=done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('querystring.status');
  });

  it('shows п.24 with its response, suggestion, figures and history; п.12 keeps its sub-items', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/24' });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.text).toMatch(/эвакуаторов/);
    expect(r.responses).toHaveLength(1);
    expect(r.responses[0]).toMatchObject({ period: { code: '2021-Q1' }, status: 'in_progress', source: 'imported' });
    expect(r.responses[0].text).toMatch(/на стадии реализации/);
    expect(r.responses[0].suggestion.phrase).toMatch(/стадии реализации/i);
    expect(r.history.some((h: { action: string }) => h.action === 'recommendation.create')).toBe(true);
    const p12 = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/12' })).json();
    expect(p12.subItems).toHaveLength(4);
    const p1 = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/1' })).json();
    expect(p1.responses[0].figures.some((f: { value: number }) => f.value === 37)).toBe(true);
  });

  it('answers 404 problem for a missing number and 400 for a non-number', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/99' })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('params.number');
  });

  it('publishes open data as JSON and CSV without personal data', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/open-data/recommendations.json' });
    expect(json.json().items).toHaveLength(28);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('number,title,recommendation,addressees,topics,status,competence,period,response,assessment,source');
    for (const body of [json.body, csv.body]) {
      expect(body).not.toMatch(/\+7\s?\(?7\d{2}/); // no phone numbers
      expect(body).not.toMatch(/password|actorUserId|user_id/i);
    }
  });
});

describe('staff work on responses and assessments', () => {
  it('lets an editor write a response for a new period; it is audited and becomes the current status', async () => {
    const before = await auditCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/recommendations/24/responses',
      headers: { cookie: editor },
      payload: { periodCode: '2021-Q2', text: 'SMS-уведомление владельцев внедрено во всех штрафстоянках.', status: 'implemented' },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.status).toBe('implemented');
    expect(r.responses.map((x: { period: { code: string } }) => x.period.code)).toEqual(['2021-Q1', '2021-Q2']);
    expect(r.history[0]).toMatchObject({ action: 'response.create', actor: { role: 'editor', unit: 'city' }, after: { status: 'implemented', period: '2021-Q2' } });
    expect(await auditCount()).toBe(before + 2); // the new period and the response
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations?status=implemented' })).json();
    expect(list.items.map((i: { number: number }) => i.number)).toContain(24);
  });

  it('rejects a bad response with a 4xx naming the field, and stores nothing', async () => {
    const before = await auditCount();
    const cases = [
      { payload: { periodCode: '2021-5', text: 'x', status: 'implemented' }, field: 'body.periodCode' },
      { payload: { periodCode: '2021-Q3', text: '   ', status: 'implemented' }, field: 'body.text' },
      { payload: { periodCode: '2021-Q3', text: 'x', status: 'done' }, field: 'body.status' },
      { payload: { periodCode: '2021-Q3', text: 'x', status: 'outside_competence' }, field: 'body.competence' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/5/responses', headers: { cookie: editor }, payload: c.payload });
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.json().field).toBe(c.field);
    }
    expect(await auditCount()).toBe(before);
    const p5 = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/5' })).json();
    expect(p5.responses).toHaveLength(1);
  });

  it('lets a council member assess a response, and requires a comment to reject', async () => {
    const p8 = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/8' })).json();
    const responseId = p8.responses[0].id;
    const noComment = await t.app.inject({ method: 'POST', url: `/api/v1/responses/${responseId}/assessments`, headers: { cookie: council }, payload: { verdict: 'not_accepted' } });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().field).toBe('body.comment');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/responses/${responseId}/assessments`,
      headers: { cookie: council },
      payload: { verdict: 'not_accepted', comment: 'Стратегия нужна: план мероприятий её не заменяет.' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().by).toEqual({ role: 'council', unit: 'city' });
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/8' })).json();
    expect(after.assessment).toBe('not_accepted');
    expect(after.responses[0].assessments[0]).toMatchObject({ verdict: 'not_accepted', by: { role: 'council' } });
    expect(JSON.stringify(after)).not.toContain('Test council'); // the person's name never leaves
    const editorTry = await t.app.inject({ method: 'POST', url: `/api/v1/responses/${responseId}/assessments`, headers: { cookie: editor }, payload: { verdict: 'accepted' } });
    expect(editorTry.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' })).json().valid).toBe(true);
  });
});

describe('report import and export', () => {
  it('previews a .txt report without saving anything', async () => {
    const before = await auditCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', ...multipart('report.txt', Buffer.from(seedText), 'text/plain', editor) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(28);
    expect(body.items[23]).toMatchObject({ number: 24, suggestedStatus: { status: 'in_progress' } });
    expect(await auditCount()).toBe(before);
  });

  it('previews a .docx report', async () => {
    const doc = new Document({ sections: [{ children: seedText.split('\n').map((line) => new Paragraph(line)) }] });
    const buffer = await Packer.toBuffer(doc);
    expect((await mammoth.extractRawText({ buffer })).value).toContain('п.24');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', ...multipart('report.docx', buffer, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', editor) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { number: number }) => i.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
  });

  it('refuses files that are not reports with a clear 4xx', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const image = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', ...multipart('photo.png', png, 'image/png', editor) });
    expect(image.statusCode).toBe(415);
    expect(image.json()).toMatchObject({ field: 'file' });
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', ...multipart('empty.txt', Buffer.alloc(0), 'text/plain', editor) });
    expect(empty.statusCode).toBe(422);
    const noItems = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', ...multipart('letter.txt', Buffer.from('Уважаемые коллеги!\nПросим рассмотреть.'), 'text/plain', editor) });
    expect(noItems.statusCode).toBe(422);
    expect(noItems.json().detail).toMatch(/item/i);
    const notMultipart = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', headers: { cookie: editor }, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('confirms a corrected import for a new period in one transaction', async () => {
    const preview = (await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', ...multipart('report.txt', Buffer.from(seedText), 'text/plain', editor) })).json();
    const items = preview.items.map((i: { suggestedStatus: { status: string; competence: string | null } }) => ({ ...i, status: i.suggestedStatus.status, competence: i.suggestedStatus.competence }));
    items[26].status = 'implemented'; // the editor corrects п.27
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/confirm', headers: { cookie: editor }, payload: { periodCode: '2021-Q3', title: preview.title, items: [...items, items[0]] } });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/periods' })).json().items.map((p: { code: string }) => p.code)).not.toContain('2021-Q3');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/confirm', headers: { cookie: editor }, payload: { periodCode: '2021-Q3', title: preview.title, items } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ periodCode: '2021-Q3', created: 0, updated: 28 });
    const p27 = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/27' })).json();
    expect(p27).toMatchObject({ status: 'implemented', latestPeriod: '2021-Q3' });
  });

  it('exports the period report as DOCX (seed form) and PDF for staff only', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/reports/2021-Q1/export.docx' });
    expect(anon.statusCode).toBe(401);
    const docx = await t.app.inject({ method: 'GET', url: '/api/v1/reports/2021-Q1/export.docx', headers: { cookie: council } });
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    const i1 = text.indexOf('п.1.');
    const i24 = text.indexOf('п.24.');
    expect(i1).toBeGreaterThan(0);
    expect(i24).toBeGreaterThan(i1);
    expect(text.slice(i24)).toMatch(/на стадии реализации/);
    const pdf = await t.app.inject({ method: 'GET', url: '/api/v1/reports/2021-Q1/export.pdf', headers: { cookie: council } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/2030-Q1/export.pdf', headers: { cookie: council } })).statusCode).toBe(404);
  });
});
