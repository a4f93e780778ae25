// PDF of the department's report (Информация ДП …) in the seed's form; see report-export.content.ts.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildReportContent, formatPageLabel } from './report-export.content.js';
import type { ItemBlock, ReportContent } from './report-export.content.js';
import type { ExportReport } from './report-export.types.js';
import { createPdf } from '../../platform/documents/pdf.js';
import { REPORT_FONT_FAMILY } from '../../platform/documents/pdf-fonts.js';

export const REPORT_PDF_CONTENT_TYPE = 'application/pdf';

const MM = 72 / 25.4;
/** A4 with the margins of Kazakhstan's office paperwork: 30 mm left, 15 mm right, 20 mm top and bottom (+ footer). */
const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 22 * MM];
const BODY_SIZE = 11;
const FIRST_LINE_INDENT = 12.5 * MM;

/** Words at most this long are kept whole; longer ones (links, long numbers) may still break inside. */
const MAX_UNBREAKABLE_WORD = 40;

/**
 * Justified text as one inline per word. pdfmake breaks lines wherever Unicode allows (also after «-» and
 * «/») and, when justifying, spreads the spare width over every such break, which would print «т/с» as
 * «т/ с» and «70-ти» as «70- ти». Keeping each word whole makes justification stretch only the spaces.
 */
function justified(text: string): Content[] {
  return text
    .split(/(?<= )/)
    .map((word): Content => (word.length <= MAX_UNBREAKABLE_WORD ? { text: word, noWrap: true } : word));
}

function itemContent(item: ItemBlock): Content[] {
  const [first = '', ...rest] = item.recommendationParagraphs;
  const recommendation: Content[] = [
    {
      text: [{ text: `${item.marker} `, bold: true, noWrap: true }, ...justified(first)],
      margin: [0, 9, 0, 0],
      alignment: 'justify',
    },
    ...rest.map((text): Content => ({ text: justified(text), alignment: 'justify' })),
    ...item.subItemLines.map(
      (text): Content => ({ text: justified(text), alignment: 'justify', margin: [FIRST_LINE_INDENT, 0, 0, 0] }),
    ),
  ];
  const response = item.responseParagraphs.map(
    (text): Content => ({
      text: justified(text),
      leadingIndent: FIRST_LINE_INDENT,
      alignment: 'justify',
      italics: item.responseMissing,
      color: item.responseMissing ? '#555555' : undefined,
      margin: [0, 2, 0, 0],
    }),
  );
  const status: Content[] =
    item.statusLine === null
      ? []
      : [
          {
            text: item.statusLine,
            italics: true,
            fontSize: BODY_SIZE - 1,
            leadingIndent: FIRST_LINE_INDENT,
            margin: [0, 2, 0, 0],
          },
        ];
  return [...recommendation, ...response, ...status];
}

/** The pdfmake document of a report. */
function buildReportPdfDefinition(content: ReportContent): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: content.locale,
    info: { title: content.documentTitle, author: 'openbeat', creator: 'openbeat', producer: 'openbeat' },
    defaultStyle: { font: REPORT_FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.2 },
    content: [
      { text: content.titleLines.join('\n'), bold: true, fontSize: BODY_SIZE + 2, alignment: 'center' },
      { text: content.periodLine, alignment: 'center', margin: [0, 6, 0, 6] },
      ...content.items.flatMap(itemContent),
    ],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: content.generatedLine, width: '*' },
        { text: formatPageLabel(content.pageLabel, currentPage, pageCount), width: 'auto', alignment: 'right' },
      ],
      fontSize: 8,
      color: '#555555',
      margin: [PAGE_MARGINS[0], 8 * MM, PAGE_MARGINS[2], 0],
    }),
  };
}

/** Renders the report as a PDF (Content-Type application/pdf) with embedded fonts that cover Kazakh letters. */
export async function renderReportPdf(report: ExportReport): Promise<Buffer> {
  return createPdf(buildReportPdfDefinition(buildReportContent(report))).getBuffer();
}
