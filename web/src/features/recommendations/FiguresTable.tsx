import { Fragment, lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { Spinner } from '../../ui/Spinner';
import { useAuth } from '../auth/AuthProvider';
import { hasRole, VALUE_EDITORS } from '../auth/roles';

// Only editors ever open it: residents do not download the staff form.
const FigurePromoteForm = lazy(() =>
  import('../performance-staff/FigurePromoteForm').then((m) => ({ default: m.FigurePromoteForm })),
);

/** Figures the parser found in a response: the value, what it counts, and the sentence it came from. */
const COLLAPSED_ROWS = 6;

export interface FiguresTableProps {
  figures: Figure[];
  caption?: string;
  /** Tells one table from another on the page, e.g. the period ("2021, I квартал"). */
  context?: string;
  /** Lets editors make a saved figure an indicator value ("→ в показатель"). */
  promotion?: FigurePromotion;
}

export interface FigurePromotion {
  /** The response's period, e.g. 2021-Q1: the value's period unless the editor changes it. */
  periodCode: string;
  /** The recommendation (п.N) the response answers, to guess the indicator. */
  recommendationNumber?: number;
}

export function FiguresTable({ figures, caption, context, promotion }: FiguresTableProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const { user } = useAuth();
  const [expanded, setExpanded] = useState(false);
  const [promoting, setPromoting] = useState<string>();
  const id = useId();
  if (figures.length === 0) return null;
  const canPromote = promotion !== undefined && hasRole(user, VALUE_EDITORS) && figures.some((figure) => figure.id);
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
            {canPromote ? <th scope="col">{t('performanceStaff.figure.column')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((figure, index) => {
            const figureId = figure.id;
            const open = canPromote && figureId !== undefined && promoting === figureId;
            const formId = `${id}-promote-${index}`;
            return (
              <Fragment key={figureId ?? `${figure.value}-${index}`}>
                <tr data-testid="figure-row">
                  <td className="num">
                    {formatNumber(figure.value)}
                    {figure.unit ? ` ${figure.unit}` : ''}
                  </td>
                  <td>{figure.counts}</td>
                  <td className="small figure-sentence-cell">
                    <span className="figure-sentence">{figure.sentence}</span>
                  </td>
                  {canPromote ? (
                    <td className="figure-action-cell">
                      {figureId ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-expanded={open}
                          aria-controls={open ? formId : undefined}
                          onClick={() => setPromoting(open ? undefined : figureId)}
                          data-testid="figure-promote"
                        >
                          {t('performanceStaff.figure.action')}
                          <span className="visually-hidden">
                            : {formatNumber(figure.value)} {figure.counts}
                          </span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
                {open && promotion && figureId ? (
                  <tr className="figure-promote-row">
                    <td colSpan={4} id={formId}>
                      <Suspense fallback={<Spinner label={t('common.loading')} />}>
                        <FigurePromoteForm
                          figure={{ ...figure, id: figureId }}
                          periodCode={promotion.periodCode}
                          recommendationNumber={promotion.recommendationNumber}
                          onClose={() => setPromoting(undefined)}
                        />
                      </Suspense>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
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
