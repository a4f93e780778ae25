import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Figure } from '../../api/types';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TextArea, TextInput } from '../../ui/fields';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { useAuth } from '../auth/AuthProvider';
import { IndicatorSelect } from './IndicatorSelect';
import { performanceStaffApi } from './performance-staff.api';
import { isPeriodCode, normalizePeriod, suggestIndicator } from './performance-staff.utils';
import type { IndicatorDetail } from './performance.types';
import { indicatorsInScope, useIndicatorList, usePerformanceLabels } from './usePerformanceStaff';

export interface FigurePromoteFormProps {
  figure: Figure & { id: string };
  /** The response's reporting period, e.g. 2021-Q1: the value's period unless changed. */
  periodCode: string;
  recommendationNumber?: number;
  onClose: () => void;
}

/**
 * The second click of "→ в показатель": the indicator (guessed from what the figure counts) and the
 * period are filled in, so confirming makes the figure an indicator value.
 */
export function FigurePromoteForm({ figure, periodCode, recommendationNumber, onClose }: FigurePromoteFormProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const { user } = useAuth();
  const { indicatorName, valueWithUnit } = usePerformanceLabels();
  const list = useIndicatorList();
  const indicators = indicatorsInScope(list.data ?? [], user);
  const [indicatorId, setIndicatorId] = useState('');
  const [guessed, setGuessed] = useState(false);
  const [period, setPeriod] = useState(periodCode);
  const [reason, setReason] = useState('');
  const [periodCheck, setPeriodCheck] = useState<string>();
  const [indicatorCheck, setIndicatorCheck] = useState<string>();
  const [done, setDone] = useState<IndicatorDetail>();
  const { submit, busy, error } = useSubmission();
  const serverError = useFieldProblem(error);
  const doneRef = useRef<HTMLDivElement>(null);
  const prefix = `promote-${figure.id}`;

  // Choose the likeliest indicator once the list is here; the editor may pick another.
  useEffect(() => {
    if (guessed || !list.data) return;
    setGuessed(true);
    const suggestion = suggestIndicator(figure, indicatorsInScope(list.data, user), recommendationNumber);
    if (suggestion) setIndicatorId(suggestion.id);
  }, [guessed, list.data, figure, user, recommendationNumber]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const needsReason = error?.problem.field === 'reason' || reason !== '';

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const code = normalizePeriod(period);
    if (!isPeriodCode(code)) {
      setPeriodCheck(t('performanceStaff.values.errors.period'));
      return;
    }
    setPeriodCheck(undefined);
    if (!indicatorId) {
      setIndicatorCheck(t('performanceStaff.values.errors.indicator'));
      return;
    }
    setIndicatorCheck(undefined);
    await submit(async () => {
      setDone(await performanceStaffApi.fromFigure({ figureId: figure.id, indicatorId, period: code, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    });
  };

  if (done) {
    return (
      <div className="alert alert-success figure-promote" ref={doneRef} tabIndex={-1} role="status" data-testid="promote-done">
        <p className="alert-title">
          {t('performanceStaff.figure.done', { value: valueWithUnit(done, figure.value), indicator: indicatorName(done), period: normalizePeriod(period) })}
        </p>
        <div className="button-row">
          <Link to={`/scorecards/indicators/${done.id}`}>{t('performanceStaff.figure.open')}</Link>
          <button type="button" className="button button-link button-small" onClick={onClose}>
            {t('performanceStaff.figure.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="form figure-promote" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="promote-form">
      <p className="small">
        {t('performanceStaff.figure.intro', { value: formatNumber(figure.value), counts: [figure.unit, figure.counts].filter(Boolean).join(' ') })}
      </p>
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        indicators.length ? (
          <div className="form-grid">
            <IndicatorSelect
              id={`${prefix}-indicator`}
              indicators={indicators}
              value={indicatorId}
              onChange={setIndicatorId}
              searchable={false}
              error={indicatorCheck ?? serverError('indicatorId')}
            />
            <TextInput
              id={`${prefix}-period`}
              label={t('performanceStaff.values.single.period')}
              hint={t('performanceStaff.figure.periodHint')}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              autoComplete="off"
              required
              error={periodCheck ?? serverError('period')}
            />
            {needsReason ? (
              <TextArea
                id={`${prefix}-reason`}
                className="span-2"
                label={t('performanceStaff.values.single.reason')}
                hint={t('performanceStaff.figure.reasonHint')}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                error={serverError('reason', t('performanceStaff.values.errors.reason'))}
              />
            ) : null}
          </div>
        ) : (
          <p className="muted">{t('performanceStaff.values.single.noIndicators')}</p>
        )
      ) : null}
      {error && !['reason', 'period', 'indicatorId'].includes(error.problem.field ?? '') ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={busy || !list.data} data-testid="promote-confirm">
          {busy ? t('common.saving') : t('performanceStaff.figure.confirm')}
        </button>
        <button type="button" className="button button-link button-small" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
