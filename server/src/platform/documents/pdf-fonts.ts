// Fonts for report PDFs. pdfmake's own Roboto TTFs (shipped in the `pdfmake` npm package, Apache-2.0)
// cover Russian and every Kazakh letter (ә ғ қ ң ө ұ ү һ і and capitals) — checked by the tests with fontkit.
// Paths are resolved through Node's module resolution from this file, so they work from server/src (tsx,
// Vitest) and from the compiled server/dist alike, wherever npm placed node_modules; nothing loads from the
// internet or from system fonts.
import { createRequire } from 'node:module';

export const REPORT_FONT_FAMILY = 'Roboto';

export interface ReportFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

const FONT_MODULES: ReportFontFiles = {
  normal: 'pdfmake/fonts/Roboto/Roboto-Regular.ttf',
  // pdfmake's Roboto set has Medium for bold; it reads as bold at report sizes.
  bold: 'pdfmake/fonts/Roboto/Roboto-Medium.ttf',
  italics: 'pdfmake/fonts/Roboto/Roboto-Italic.ttf',
  bolditalics: 'pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf',
};

let resolved: ReportFontFiles | undefined;

/** Absolute paths of the report's font files; throws a clear error if the package is missing. */
export function reportFontFiles(): ReportFontFiles {
  if (resolved) return resolved;
  const require = createRequire(import.meta.url);
  const resolve = (specifier: string): string => {
    try {
      return require.resolve(specifier);
    } catch (cause) {
      throw new Error(`Report font ${specifier} not found: is the pdfmake package installed?`, { cause });
    }
  };
  resolved = {
    normal: resolve(FONT_MODULES.normal),
    bold: resolve(FONT_MODULES.bold),
    italics: resolve(FONT_MODULES.italics),
    bolditalics: resolve(FONT_MODULES.bolditalics),
  };
  return resolved;
}
