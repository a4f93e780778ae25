import { useTranslation } from 'react-i18next';

export interface ChangeDiffProps {
  before: unknown;
  after: unknown;
  /** A readable label for a known value (e.g. a status code), or undefined to show it as is. */
  formatValue?: (key: string, value: unknown) => string | undefined;
}

type Row = { key: string; before: string | undefined; after: string | undefined };

const MAX_VALUE_LENGTH = 140;

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields that differ between two states; a whole value when either is not an object. */
export function diffRows(before: unknown, after: unknown, formatValue?: ChangeDiffProps['formatValue']): Row[] {
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const label = (key: string, value: unknown) =>
      value === undefined ? undefined : (formatValue?.(key, value) ?? show(value));
    return keys
      .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
      .map((key) => ({ key, before: label(key, b[key]), after: label(key, a[key]) }));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ key: '', before: show(before), after: show(after) }];
}

/** A compact "field: before → after" list. */
export function ChangeDiff({ before, after, formatValue }: ChangeDiffProps) {
  const { t } = useTranslation();
  const rows = diffRows(before, after, formatValue);
  if (rows.length === 0) return <span className="muted">{t('diff.noChanges')}</span>;
  return (
    <ul className="diff">
      {rows.map((row) => (
        <li key={row.key || 'value'}>
          {row.key ? <code className="diff-key">{row.key}</code> : null}{' '}
          {row.before !== undefined ? (
            <del className="diff-before">
              <span className="visually-hidden">{t('diff.before')}: </span>
              {row.before}
            </del>
          ) : (
            <span className="muted">{t('diff.added')}</span>
          )}{' '}
          <span aria-hidden="true">→</span>{' '}
          {row.after !== undefined ? (
            <ins className="diff-after">
              <span className="visually-hidden">{t('diff.after')}: </span>
              {row.after}
            </ins>
          ) : (
            <span className="muted">{t('diff.removed')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
