// DOCX of the department's report (Информация ДП …) in the seed's form; see report-export.content.ts.
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';
import type { ParagraphChild } from 'docx';
import { buildReportContent } from './report-export.content.js';
import type { ItemBlock, PageLabelPart, ReportContent } from './report-export.content.js';
import type { ExportReport } from './report-export.types.js';

export const REPORT_DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 with the margins of Kazakhstan's office paperwork: 30 mm left, 15 mm right, 20 mm top and bottom. */
const PAGE = {
  width: 11906, // 210 mm in twips
  height: 16838, // 297 mm
  marginTop: convertMillimetersToTwip(20),
  marginBottom: convertMillimetersToTwip(20),
  marginLeft: convertMillimetersToTwip(30),
  marginRight: convertMillimetersToTwip(15),
  footer: convertMillimetersToTwip(10),
};
const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
/** Font sizes in half-points. */
const BODY_SIZE = 28; // 14 pt, as in the seed report
const FOOTER_SIZE = 18; // 9 pt
const FIRST_LINE_INDENT = convertMillimetersToTwip(12.5);

function footerRuns(parts: PageLabelPart[]): TextRun[] {
  return parts.map((part) => {
    if (part.kind === 'page') return new TextRun({ children: [PageNumber.CURRENT], size: FOOTER_SIZE });
    if (part.kind === 'pages') return new TextRun({ children: [PageNumber.TOTAL_PAGES], size: FOOTER_SIZE });
    return new TextRun({ text: part.text, size: FOOTER_SIZE });
  });
}

function itemParagraphs(item: ItemBlock): Paragraph[] {
  const [first = '', ...rest] = item.recommendationParagraphs;
  const recommendation = [
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 240 },
      keepNext: true,
      children: [new TextRun({ text: item.marker, bold: true }), new TextRun({ text: ` ${first}` })],
    }),
    ...rest.map(
      (text) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, keepNext: true, children: [new TextRun(text)] }),
    ),
    ...item.subItemLines.map(
      (text) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: FIRST_LINE_INDENT },
          keepNext: true,
          children: [new TextRun(text)],
        }),
    ),
  ];
  const response = item.responseParagraphs.map(
    (text) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE_INDENT },
        children: [new TextRun({ text, italics: item.responseMissing })],
      }),
  );
  const status: Paragraph[] =
    item.statusLine === null
      ? []
      : [
          new Paragraph({
            indent: { firstLine: FIRST_LINE_INDENT },
            children: [new TextRun({ text: item.statusLine, italics: true })],
          }),
        ];
  return [...recommendation, ...response, ...status];
}

function buildDocument(content: ReportContent): Document {
  const title = content.titleLines.map(
    (line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: true })] }),
  );
  const period = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new TextRun(content.periodLine)],
  });
  const footerChildren: ParagraphChild[] = [
    new TextRun({ text: content.generatedLine, size: FOOTER_SIZE }),
    new TextRun({ children: [new Tab()], size: FOOTER_SIZE }),
    ...footerRuns(content.pageLabel),
  ];
  return new Document({
    creator: 'openbeat',
    title: content.documentTitle,
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: BODY_SIZE, language: { value: content.locale } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              footer: PAGE.footer,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: footerChildren,
              }),
            ],
          }),
        },
        children: [...title, period, ...content.items.flatMap(itemParagraphs)],
      },
    ],
  });
}

/** Renders the report as a DOCX (served as REPORT_DOCX_CONTENT_TYPE). */
export async function renderReportDocx(report: ExportReport): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(buildReportContent(report)));
}
