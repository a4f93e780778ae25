import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { ActionFormProps } from './ActionCard';
import { AppealStatusBadge } from './AppealBadges';
import { appealsStaffApi } from './appeals-staff.api';
import type { DuplicateSuggestion } from './appeals-staff.types';

export interface DuplicateSuggestionsProps extends ActionFormProps {
  /** The account may mark this appeal as a duplicate now. */
  canMark: boolean;
  done: string | undefined;
}

/** Appeals near in place and time that may be the same matter; one click (and a confirm) marks this one as their duplicate. */
export function DuplicateSuggestions({ appeal, canMark, done, onDone }: DuplicateSuggestionsProps) {
  const { t } = useTranslation();
  const { formatNumber, formatPercent } = useLocale();
  const [confirming, setConfirming] = useState<string>();
  const { submit, busy, error } = useSubmission();

  const handleMark = (original: DuplicateSuggestion) =>
    submit(async () => {
      const updated = await appealsStaffApi.setStatus(appeal.code, { status: 'duplicate', duplicateOf: original.code });
      setConfirming(undefined);
      onDone(updated, t('appealsStaff.duplicates.done', { code: original.code }));
    });

  const score = (value: number) => (value <= 1 ? formatPercent(value) : formatNumber(value));
  const distance = (metres: number | null) =>
    metres === null ? t('appealsStaff.duplicates.noDistance') : metres >= 1000 ? t('appealsStaff.duplicates.km', { km: formatNumber(Math.round(metres / 100) / 10) }) : t('appealsStaff.duplicates.m', { m: formatNumber(Math.round(metres)) });

  return (
    <section className="card" aria-labelledby="appeal-duplicates-title" data-testid="appeal-duplicates">
      <h2 id="appeal-duplicates-title" className="h3">
        {t('appealsStaff.duplicates.title')}
      </h2>
      <p className="muted small">{t('appealsStaff.duplicates.intro')}</p>
      {done ? (
        <div className="alert alert-success" role="status" data-testid="duplicate-done">
          <p className="alert-title">{done}</p>
        </div>
      ) : null}
      {appeal.duplicates.length === 0 ? (
        <p className="muted">{t('appealsStaff.duplicates.none')}</p>
      ) : (
        <ul className="sa-duplicates">
          {appeal.duplicates.map((d) => (
            <li key={d.code} className="sa-duplicate" data-testid="duplicate-suggestion">
              <p className="sa-duplicate-head">
                <Link to={`/staff/appeals/${encodeURIComponent(d.code)}`}>{d.code}</Link> <AppealStatusBadge status={d.status} />
              </p>
              <p className="sa-duplicate-excerpt">{d.excerpt}</p>
              <p className="muted small">
                {t('appealsStaff.duplicates.facts', { distance: distance(d.distanceM), hours: formatNumber(Math.round(d.hoursApart)), score: score(d.score) })}
              </p>
              {canMark ? (
                confirming === d.code ? (
                  <div className="button-row sa-confirm" role="group" aria-label={t('appealsStaff.duplicates.confirmLabel')}>
                    <span className="small">{t('appealsStaff.duplicates.confirm', { code: appeal.code, original: d.code })}</span>
                    <button type="button" className="button button-danger button-small" disabled={busy} onClick={() => void handleMark(d)}>
                      {t('appealsStaff.duplicates.confirmYes')}
                    </button>
                    <button type="button" className="button button-link button-small" onClick={() => setConfirming(undefined)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                ) : (
                  <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(d.code)}>
                    {t('appealsStaff.duplicates.mark', { code: d.code })}
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {error ? <ProblemAlert error={error} /> : null}
    </section>
  );
}
