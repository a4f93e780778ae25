/**
 * The importer against the real report the platform starts from. The repository keeps a copy
 * of the department's report (shared/seed/000_f569b146392469be.txt) in server/src/demo/seed/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';

import { importReportFile, parseReport, type ParsedItem, type ParsedReport } from './index.js';

const SEED_PATH = fileURLToPath(new URL('../../demo/seed/dp-almaty-commission7-2021-q1.txt', import.meta.url));

function loadSeed(): string {
  if (!existsSync(SEED_PATH)) {
    throw new Error(
      `Seed report not found at ${SEED_PATH}: restore it from git (it is the department's real report).`,
    );
  }
  return readFileSync(SEED_PATH, 'utf8');
}

const SEED = loadSeed();

function item(report: ParsedReport, number: number): ParsedItem {
  const found = report.items.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`п.${number} not found`);
  return found;
}

function expectSeedShape(report: ParsedReport): void {
  expect(report.items).toHaveLength(28);
  expect(report.items.map((entry) => entry.number)).toEqual(Array.from({ length: 28 }, (_, index) => index + 1));
  expect(report.warnings).toEqual([]);
  expect(report.title).toBe(
    'Информация ДП г. Алматы по исполнению рекомендаций Комиссии №7 Общественного Совета г. Алматы по вопросам законности и правопорядка',
  );
}

describe('the seed report', () => {
  const report = parseReport(SEED);

  it('has exactly 28 items numbered 1–28 in order, a title and no warnings', () => {
    expectSeedShape(report);
  });

  it('separates each recommendation from its response', () => {
    for (const entry of report.items) {
      expect(entry.recommendation, `п.${entry.number}`).not.toBe('');
      expect(entry.response, `п.${entry.number}`).not.toBe('');
      expect(entry.recommendation, `п.${entry.number}`).not.toMatch(/^\s*п\.?\s*\d/iu);
    }
    expect(item(report, 1).recommendation).toMatch(/^Обеспечить прозрачность работы ДП/u);
    expect(item(report, 1).response).toMatch(/^Сегодня особая роль/u);
    expect(item(report, 23).response).toBe('Необходима разработка нормативно-правовых актов регламентирующих данный пункт.');
    // п.14's heading line is indented in the source
    expect(item(report, 14).recommendation).toMatch(/^Создать достойные условия/u);
  });

  it('keeps the four sub-items of п.12 in its recommendation, not in the response', () => {
    const entry = item(report, 12);
    expect(entry.subItems.map((sub) => sub.label)).toEqual(['1)', '2)', '3)', '4)']);
    expect(entry.subItems[0]?.text).toMatch(/^Убрать запрещающие остановку/u);
    expect(entry.recommendation).toContain('Сделать акцент на увеличение видео регистрации ПДД');
    expect(entry.response).toMatch(/^В настоящее время ведутся работы по модернизации/u);
    expect(entry.response).not.toContain('Убрать запрещающие');
    // п.5's «Функции: 1) …» belong to the response
    expect(item(report, 5).subItems).toEqual([]);
  });

  it('drops the Word bookmark before п.19', () => {
    const entry = item(report, 19);
    expect(entry.recommendation).toMatch(/^Создать структуру, типа Городского Мониторингового центра/u);
    expect(entry.recommendation).not.toContain('bookmark');
    expect(entry.recommendation).not.toContain('[');
  });

  it('does not split at references inside the text («пункта 8», «статьей 32.п.8»)', () => {
    expect(item(report, 2).response).toContain('статьей 32.п.8 Бюджетного Кодекса');
    expect(item(report, 3).response).toContain('во исполнение пункта 8');
  });

  it('suggests the statuses the report states', () => {
    expect(item(report, 8).suggestedStatus).toMatchObject({ status: 'declined', phrase: 'полагаем не целесообразным' });
    expect(item(report, 11).suggestedStatus).toMatchObject({ status: 'outside_competence', competence: 'ДЧС' });
    expect(item(report, 11).suggestedStatus.phrase).toContain('в компетенции ДЧС');
    expect(item(report, 23).suggestedStatus).toMatchObject({
      status: 'requires_legislation',
      phrase: 'Необходима разработка нормативно-правовых актов',
    });
    expect(item(report, 24).suggestedStatus).toMatchObject({ status: 'in_progress', phrase: 'на стадии реализации' });
    expect(item(report, 27).suggestedStatus).toMatchObject({ status: 'planned', phrase: 'будет пересмотрена' });
    // п.7: video monitoring deployed, face recognition is the КНБ's
    expect(item(report, 7).suggestedStatus).toMatchObject({ status: 'partially_implemented', competence: 'КНБ' });
    expect(item(report, 25).suggestedStatus.status).toBe('in_progress');
    expect(item(report, 14).suggestedStatus).toMatchObject({ status: 'declined', phrase: 'не представляется возможным' });
    for (const entry of report.items) {
      const { confidence, phrase } = entry.suggestedStatus;
      expect(confidence, `п.${entry.number}`).toBeGreaterThan(0);
      expect(confidence, `п.${entry.number}`).toBeLessThanOrEqual(1);
      if (phrase !== null) expect(entry.response, `п.${entry.number}`).toContain(phrase);
    }
    for (const decisive of [8, 11, 23, 24, 27]) {
      expect(item(report, decisive).suggestedStatus.confidence, `п.${decisive}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('extracts the figures the design cites', () => {
    expect(item(report, 1).figures).toContainEqual(
      expect.objectContaining({ value: 37, unit: null, counts: 'модульных круглосуточных постов полиции' }),
    );
    expect(item(report, 1).figures.map((figure) => figure.value)).toContain(1750);
    const patrol = item(report, 6).figures;
    expect(patrol).toContainEqual(expect.objectContaining({ value: 102, counts: 'патрульных участка' }));
    expect(patrol).toContainEqual(expect.objectContaining({ value: 478, counts: 'автомобильных' }));
    expect(patrol).toContainEqual(expect.objectContaining({ value: 2000, counts: 'сотрудников полиции' }));
    expect(patrol).toContainEqual(expect.objectContaining({ value: 4.5, unit: 'раз' }));
    const precincts = item(report, 9).figures;
    expect(precincts).toContainEqual(expect.objectContaining({ value: 2300, counts: 'человек городского населения' }));
    expect(precincts).toContainEqual(expect.objectContaining({ value: 409_178_000, unit: 'тенге' }));
    expect(item(report, 3).figures).toContainEqual(expect.objectContaining({ value: 681, counts: 'граффити-надписей' }));
    expect(item(report, 3).figures).toContainEqual(expect.objectContaining({ value: 18.7, unit: '%' }));
  });

  it('extracts no dates, years or document numbers as figures', () => {
    const values = report.items.flatMap((entry) => entry.figures.map((figure) => figure.value));
    for (const notAFigure of [2008, 2015, 2019, 2021, 2022, 2023, 1026, 1209, 1196, 1470272020]) {
      expect(values, String(notAFigure)).not.toContain(notAFigure);
    }
    // «2020 маршрутов патрулирования» is a count that happens to look like a year
    expect(values.filter((value) => value === 2020)).toHaveLength(1);
  });

  it('detects the bodies involved', () => {
    expect(item(report, 3).addressees).toEqual(expect.arrayContaining(['ДП г.Алматы', 'МВД РК', 'Акимат']));
    expect(item(report, 7).addressees).toContain('КНБ');
    expect(item(report, 11).addressees).toEqual(['ДЧС']);
    expect(item(report, 19).addressees).toEqual(['Акимат', 'ДП г.Алматы']);
  });
});

describe('the seed report in other shapes', () => {
  it('parses the same with CRLF line endings and non-breaking spaces', () => {
    const variant = SEED.replace(/\n/g, '\r\n').replace(/ {2}/g, '\u00a0 ');
    const original = parseReport(SEED);
    const parsed = parseReport(variant);
    expectSeedShape(parsed);
    expect(parsed.items.map((entry) => entry.suggestedStatus.status)).toEqual(
      original.items.map((entry) => entry.suggestedStatus.status),
    );
  });

  it('imports the report from a DOCX built from its lines', async () => {
    const document = new Document({
      sections: [{ children: SEED.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
    });
    const buffer = await Packer.toBuffer(document);
    const parsed = await importReportFile({
      buffer,
      filename: 'Информация ДП.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expectSeedShape(parsed);
    const original = parseReport(SEED);
    expect(parsed.items.map((entry) => entry.suggestedStatus.status)).toEqual(
      original.items.map((entry) => entry.suggestedStatus.status),
    );
    expect(parsed.items.map((entry) => entry.recommendation)).toEqual(original.items.map((entry) => entry.recommendation));
    expect(parsed.items[11]?.subItems).toHaveLength(4);
    expect(parsed.items[18]?.recommendation).not.toContain('bookmark');
  });

  it('imports the report from a UTF-8 text file', async () => {
    const parsed = await importReportFile({ buffer: Buffer.from(SEED, 'utf8'), filename: '000.txt' });
    expectSeedShape(parsed);
  });
});
