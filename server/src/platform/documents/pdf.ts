// pdfmake with the bundled fonts (Russian and every Kazakh letter), shared by every module that prints.
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { REPORT_FONT_FAMILY, reportFontFiles } from './pdf-fonts.js';

export { REPORT_FONT_FAMILY };

/**
 * pdfmake's Node entry is one shared instance whose fonts and access policies are process-wide. So that
 * this module neither depends on nor disturbs what other modules set, each render installs its own fonts
 * and policies for the synchronous `createPdf` call (which captures them) and then restores the previous
 * ones. The runtime properties read here are not in @types/pdfmake.
 */
interface PdfmakeSharedState {
  fonts: TFontDictionary | undefined;
  urlAccessPolicy: ((url: string) => boolean) | undefined;
  localAccessPolicy: ((path: string) => boolean) | undefined;
}

export function createPdf(definition: TDocumentDefinitions): ReturnType<typeof pdfmake.createPdf> {
  const files = reportFontFiles();
  const allowed = new Set<string>(Object.values(files));
  const shared = pdfmake as unknown as PdfmakeSharedState;
  const saved: PdfmakeSharedState = {
    fonts: shared.fonts,
    urlAccessPolicy: shared.urlAccessPolicy,
    localAccessPolicy: shared.localAccessPolicy,
  };
  try {
    // A fresh dictionary per render: pdfmake rewrites the entries it is given.
    shared.fonts = { [REPORT_FONT_FAMILY]: { ...files } };
    pdfmake.setUrlAccessPolicy(() => false); // nothing loads from the internet
    pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
    return pdfmake.createPdf(definition);
  } finally {
    shared.fonts = saved.fonts;
    shared.urlAccessPolicy = saved.urlAccessPolicy;
    shared.localAccessPolicy = saved.localAccessPolicy;
  }
}


export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return createPdf({ ...definition, defaultStyle: { font: REPORT_FONT_FAMILY, ...definition.defaultStyle } }).getBuffer();
}
