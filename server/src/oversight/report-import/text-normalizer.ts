/**
 * Text clean-up shared by the parser, the classifier and the figure extractor.
 * Reports arrive from Word (via DOCX or "save as text"), so they carry CRLF,
 * non-breaking spaces, zero-width characters, soft hyphens and converter
 * artefacts such as `[bookmark: _GoBack]`.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u000B\u000C\u0085]/g;
/** Word bookmarks/anchors rendered as text by some converters (pandoc, LibreOffice export). */
const WORD_ARTEFACTS = /\[(?:bookmark|anchor):[^\]\n]*\]/gi;

/** Line-preserving normalisation: one `\n` per line break, plain spaces, no artefacts. */
export function normalizeReportText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(SPACE_LIKE, ' ')
    .replace(WORD_ARTEFACTS, '');
}

/** Collapses runs of spaces and tabs inside a line and trims it. */
export function cleanLine(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}

/** Collapses all whitespace, line breaks included, into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
