import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import pdfmake from 'pdfmake';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReportContent, formatPageLabel } from './report-export.content.js';
import {
  SEED_ITEM_24,
  buildExportReport,
  buildKazakhExportReport,
  buildLongExportReport,
} from './report-export.fixtures.js';
import type { ExportReport } from './report-export.types.js';
import { reportFontFiles } from '../../platform/documents/pdf-fonts.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { renderReportPdf } from './report-pdf.service.js';

const KAZAKH_LETTERS = [...'әғқңөұүһіӘҒҚҢӨҰҮҺІ'];

/** The part of fontkit (a dependency of pdfkit, which pdfmake uses) that these tests need. */
interface FontkitFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  openSync(path: string): FontkitFont;
}

function loadFontkit(): Fontkit {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  return createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as Fontkit;
}

/** Every string the PDF draws for `report` (title, period, items, footer with page numbers up to 99). */
function drawnStrings(report: ExportReport): string[] {
  const content = buildReportContent(report);
  return [
    ...content.titleLines,
    content.periodLine,
    ...content.items.flatMap((item) => [
      item.marker,
      ...item.recommendationParagraphs,
      ...item.subItemLines,
      ...item.responseParagraphs,
      ...(item.statusLine === null ? [] : [item.statusLine]),
    ]),
    content.generatedLine,
    formatPageLabel(content.pageLabel, 12, 99),
    '0123456789',
  ];
}

/** The decompressed content of every FlateDecode stream in a PDF (pdfkit writes each `/Length` directly). */
function inflatedStreams(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const streams: string[] = [];
  const start = />>\s*stream\r?\n/g;
  for (let match = start.exec(source); match !== null; match = start.exec(source)) {
    const dictionary = source.slice(source.lastIndexOf(' obj', match.index), match.index);
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? Number.NaN);
    const begin = match.index + match[0].length;
    if (dictionary.includes('/FlateDecode') && Number.isInteger(length)) {
      streams.push(inflateSync(pdf.subarray(begin, begin + length)).toString('latin1'));
    }
    start.lastIndex = begin + (Number.isInteger(length) ? length : 0);
  }
  expect(streams.length, 'no FlateDecode stream found in the PDF').toBeGreaterThan(0);
  return streams;
}

/**
 * Glyph ids drawn by the text operators. pdfkit writes subset fonts with Identity-H encoding: every glyph is
 * four hex digits inside `[<…> …] TJ`, and id 0 of a subset is `.notdef` — a character the font lacks.
 */
function drawnGlyphIds(pdf: Buffer): number[] {
  const ids: number[] = [];
  for (const stream of inflatedStreams(pdf)) {
    for (const [, array = ''] of stream.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const [, hex = ''] of array.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let at = 0; at < hex.length; at += 4) ids.push(Number.parseInt(hex.slice(at, at + 4), 16));
      }
    }
  }
  return ids;
}

function embeddedFontNames(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map(([, name = '']) => name);
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `«${part}» after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('renderReportPdf', () => {
  it('renders a Russian report in the seed form', async () => {
    const pdf = await renderReportPdf(buildExportReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    expectInOrder(pdfText(pdf), [
      'Информация ДП г. Алматы',
      'законности и правопорядка',
      'Отчётный период: 2021, I квартал',
      'п.12. Эффективная организация',
      '1). Убрать',
      'п.23.',
      'Ответ не представлен',
      'п.24. По работе эвакуаторов',
      SEED_ITEM_24.response ?? '',
      'Статус: В работе',
      'Сформировано openbeat 05.04.2021 15:30',
      'Стр. 1 из 1',
    ]);
  });

  it('covers every Kazakh letter: the bundled font has the glyphs, the PDF embeds it and draws no .notdef', async () => {
    const report = buildKazakhExportReport();
    const used = new Set(drawnStrings(report).flatMap((text) => [...text]));
    expect(KAZAKH_LETTERS.filter((letter) => !used.has(letter))).toEqual([]);

    const fontkit = loadFontkit();
    for (const file of Object.values(reportFontFiles())) {
      const font = fontkit.openSync(file);
      const missing = [...used].filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0));
      expect(missing, `${font.postscriptName} lacks glyphs`).toEqual([]);
    }

    const pdf = await renderReportPdf(report);
    const fonts = embeddedFontNames(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+Roboto-/); // subset of the bundled font only
    expect(fonts.some((name) => name.endsWith('+Roboto-Regular'))).toBe(true);

    const glyphs = drawnGlyphIds(pdf);
    expect(glyphs.length).toBeGreaterThan(100);
    expect(glyphs.filter((id) => id === 0)).toEqual([]);

    const text = pdfText(pdf);
    expect(text).not.toContain('\uFFFD');
    expectInOrder(text, [
      'Қазақстан Республикасы Ішкі істер министрлігі',
      'Есепті кезең: 2021 жыл, I тоқсан',
      '1-тармақ. Қоғамдық бақылаудың',
      'ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І',
      'Ұсыныстар қаралды, Һ әрпі',
      'Мәртебесі: Орындалды',
      '2-тармақ. Ғимараттарды',
      'Жауап берілмеген',
      'openbeat жүйесінде қалыптастырылды 05.04.2021 15:30',
      '1-бет, барлығы 1',
    ]);
  });

  it('the .notdef check does detect a character the font lacks', async () => {
    const report = buildExportReport({ items: [{ number: 1, recommendation: 'Иероглиф 漢', response: 'Ответ' }] });
    expect(drawnGlyphIds(await renderReportPdf(report))).toContain(0);
  });

  it('renders all 28 items of a full report over several pages', async () => {
    const pdf = await renderReportPdf(buildLongExportReport(28));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(3);
    expect(drawnGlyphIds(pdf)).not.toContain(0);
    const text = pdfText(pdf);
    expectInOrder(text, Array.from({ length: 28 }, (_, index) => `п.${index + 1}. `));
    expect(text).toContain(`Стр. ${pages} из ${pages}`);
  });

  it("leaves pdfmake's shared fonts and access policies as it found them, without warnings", async () => {
    const warn = vi.spyOn(console, 'warn');
    const shared = pdfmake as unknown as { urlAccessPolicy?: unknown; localAccessPolicy?: unknown };
    const otherFonts = { Other: { normal: '/nonexistent/other.ttf' } };
    pdfmake.setFonts(otherFonts);
    const policiesBefore = [shared.urlAccessPolicy, shared.localAccessPolicy];
    try {
      const [first, second] = await Promise.all([
        renderReportPdf(buildExportReport()),
        renderReportPdf(buildKazakhExportReport()),
      ]);
      expect(first.length).toBeGreaterThan(1000);
      expect(second.length).toBeGreaterThan(1000);
      expect(pdfmake.fonts).toEqual(otherFonts);
      expect([shared.urlAccessPolicy, shared.localAccessPolicy]).toEqual(policiesBefore);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      pdfmake.clearFonts();
    }
  });
});
