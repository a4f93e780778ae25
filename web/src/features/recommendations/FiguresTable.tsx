import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';

/** Figures the parser found in a response: the value, what it counts, and the sentence it came from. */
const COLLAPSED_ROWS = 6;

export interface FiguresTableProps {
  figures: Figure[];
  caption?: string;
  /** Tells one table from another on the page, e.g. the period ("2021, I квартал"). */
  context?: string;
}

export function FiguresTable({ figures, caption, context }: FiguresTableProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  if (figures.length === 0) return null;
  const label = caption ?? t('figures.caption');
  const long = figures.length > COLLAPSED_ROWS;
  const shown = long && !expanded ? figures.slice(0, COLLAPSED_ROWS) : figures;
  return (
    // Focusable so keyboard users can scroll a wide table on a phone.
    <div className="figures-block">
    <div className="table-wrap" tabIndex={0} role="region" aria-label={context ? `${label} · ${context}` : label} id={id}>
      <table className="table figures-table">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.value')}</th>
            <th scope="col">{t('figures.counts')}</th>
            <th scope="col">{t('figures.sentence')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((figure, index) => (
            <tr key={`${figure.value}-${index}`}>
              <td className="num">
                {formatNumber(figure.value)}
                {figure.unit ? ` ${figure.unit}` : ''}
              </td>
              <td>{figure.counts}</td>
              <td className="small">
                <span className="figure-sentence">{figure.sentence}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
      {long ? (
        <button type="button" className="button button-link" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded((v) => !v)}>
          {expanded ? t('figures.showFewer') : t('figures.showAll', { total: figures.length })}
        </button>
      ) : null}
    </div>
  );
}
