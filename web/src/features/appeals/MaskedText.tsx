import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

const MARKER = /\[(phone|email|id|plate|card)\]/g;
type Marker = 'phone' | 'email' | 'id' | 'plate' | 'card';

/** Splits a masked text into plain parts and the markers the server put where personal data was. */
export function splitMasked(text: string): ({ text: string } | { marker: Marker })[] {
  const parts: ({ text: string } | { marker: Marker })[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ marker: m[1] as Marker });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * A resident's text as the public sees it: personal data the server masked ([phone], [email], [id],
 * [plate], [card]) shows as a "hidden" chip in the reader's language, not as a bracketed code.
 */
export function MaskedText({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`prewrap${className ? ` ${className}` : ''}`} data-testid="masked-text">
      {splitMasked(text).map((part, i) =>
        'marker' in part ? (
          <span key={i} className="masked-chip" data-marker={part.marker} title={t('appeals.masked.why')}>
            {t(`appeals.masked.${part.marker}`)}
          </span>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
