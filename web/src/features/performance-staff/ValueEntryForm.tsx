import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TextArea, TextInput } from '../../ui/fields';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { IndicatorSelect } from './IndicatorSelect';
import { performanceStaffApi } from './performance-staff.api';
import { isPeriodCode, normalizePeriod, parseDecimal } from './performance-staff.utils';
import type { IndicatorSummary, IndicatorDetail } from './performance.types';
import { usePerformanceLabels } from './usePerformanceStaff';

export interface ValueEntryFormProps {
  indicators: readonly IndicatorSummary[];
}

type FieldName = 'indicator' | 'period' | 'value' | 'source' | 'reason';

interface Saved {
  indicator: IndicatorDetail;
  period: string;
  value: number;
}

const RECENT_VALUES = 5;
const defaultSource = (indicator: IndicatorSummary) => indicator.current?.source ?? indicator.dataSource;
/** Fields whose server errors show under the field itself rather than in an alert. */
const INLINE_FIELDS: readonly string[] = ['period', 'value', 'source', 'note', 'reason'];

/** One value of one indicator for one period; a different value for a stored period is a correction with a reason. */
export function ValueEntryForm({ indicators }: ValueEntryFormProps) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const { indicatorName, valueWithUnit } = usePerformanceLabels();
  const [indicatorId, setIndicatorId] = useState('');
  const [period, setPeriod] = useState('');
  const [valueText, setValueText] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [checks, setChecks] = useState<Partial<Record<FieldName, string>>>({});
  const [saved, setSaved] = useState<Saved>();
  const [fresh, setFresh] = useState<IndicatorDetail>();
  const { submit, busy, error, reset } = useSubmission();
  const serverError = useFieldProblem(error);

  const chosen = indicators.find((indicator) => indicator.id === indicatorId);
  const detail = useQuery(
    (signal) => (indicatorId ? performanceStaffApi.indicator(indicatorId, signal) : Promise.resolve(undefined)),
    [indicatorId],
  );
  const history = (fresh?.id === indicatorId ? fresh : detail.data)?.history;

  // Start the source from the indicator's latest value (or its data source); the editor may change it.
  useEffect(() => {
    if (chosen) setSource((current) => current || defaultSource(chosen));
  }, [chosen]);

  const periodCode = normalizePeriod(period);
  const value = parseDecimal(valueText);
  const stored = useMemo(
    () => (isPeriodCode(periodCode) ? history?.find((row) => row.period === periodCode && row.supersededAt === null) : undefined),
    [history, periodCode],
  );
  // The server keeps a value that has the same figure and source; any other change is a correction.
  const isSame = stored !== undefined && value !== null && value === stored.value && source.trim() === stored.source;
  const isCorrection = stored !== undefined && value !== null && !isSame;
  const recent = history?.filter((row) => row.supersededAt === null).slice(0, RECENT_VALUES) ?? [];

  const validate = (): boolean => {
    const found: typeof checks = {};
    if (!indicatorId) found.indicator = t('performanceStaff.values.errors.indicator');
    if (!isPeriodCode(periodCode)) found.period = t('performanceStaff.values.errors.period');
    if (value === null) found.value = t('performanceStaff.values.errors.value');
    if (source.trim().length < 2) found.source = t('performanceStaff.values.errors.source');
    if (isCorrection && !reason.trim()) found.reason = t('performanceStaff.values.errors.reason');
    setChecks(found);
    return Object.keys(found).length === 0;
  };

  const handleIndicator = (id: string) => {
    const next = indicators.find((indicator) => indicator.id === id);
    // A source copied from the previous indicator would be wrong for the next one.
    if (chosen && source === defaultSource(chosen)) setSource(next ? defaultSource(next) : '');
    setIndicatorId(id);
    setSaved(undefined);
    reset();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    if (!validate() || value === null) return;
    await submit(async () => {
      const result = await performanceStaffApi.enterValue(indicatorId, {
        period: periodCode,
        value,
        source: source.trim(),
        note: note.trim(),
        reason: isCorrection ? reason.trim() : '',
      });
      setFresh(result);
      setSaved({ indicator: result, period: periodCode, value });
      setValueText('');
      setNote('');
      setReason('');
    });
  };

  const fieldError = (field: FieldName, serverField: string = field) =>
    checks[field] ?? serverError(serverField, field === 'reason' ? t('performanceStaff.values.errors.reason') : undefined);
  const showReason = isCorrection || error?.problem.field === 'reason';

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="value-form">
      <IndicatorSelect id="value-indicator" indicators={indicators} value={indicatorId} onChange={handleIndicator} error={fieldError('indicator')} />
      {chosen ? (
        <div className="indicator-facts small" data-testid="value-indicator-facts">
          <p>
            {t('performanceStaff.values.single.unit')}: <strong>{t(`performanceStaff.unit.${chosen.unit}`)}</strong> ·{' '}
            {t(`performanceStaff.direction.${chosen.direction}`)}
          </p>
          {recent.length ? (
            <>
              <p className="muted">{t('performanceStaff.values.single.recent')}</p>
              <ul className="recent-values">
                {recent.map((row) => (
                  <li key={row.id}>
                    <code>{row.period}</code> <strong>{valueWithUnit(chosen, row.value)}</strong>{' '}
                    <span className="muted">· {row.source}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : detail.loading ? null : (
            <p className="muted">{t('performanceStaff.values.single.noValues')}</p>
          )}
          {detail.error ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}
        </div>
      ) : null}
      <div className="form-grid">
        <TextInput
          id="value-period"
          label={t('performanceStaff.values.single.period')}
          hint={t('performanceStaff.values.single.periodHint')}
          placeholder="2021-Q1"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
          error={fieldError('period')}
        />
        <TextInput
          id="value-value"
          label={t('performanceStaff.values.single.value')}
          hint={chosen ? t(`performanceStaff.unit.${chosen.unit}`) : undefined}
          inputMode="decimal"
          value={valueText}
          onChange={(e) => setValueText(e.target.value)}
          autoComplete="off"
          required
          error={fieldError('value')}
        />
        {stored && chosen ? (
          <div
            className={`alert ${isCorrection ? 'alert-warning' : 'alert-info'} span-2`}
            role="status"
            data-testid="value-stored"
          >
            <p className="alert-title">
              {t('performanceStaff.values.single.stored', { period: stored.period, value: valueWithUnit(chosen, stored.value) })}
            </p>
            <p className="small">
              {t('performanceStaff.values.single.storedSource', { source: stored.source, date: formatDate(stored.createdAt, true) })}
            </p>
            {isCorrection ? <p>{t('performanceStaff.values.single.correction')}</p> : null}
            {isSame ? <p>{t('performanceStaff.values.single.same')}</p> : null}
          </div>
        ) : null}
        {showReason ? (
          <TextArea
            id="value-reason"
            className="span-2"
            label={t('performanceStaff.values.single.reason')}
            hint={t('performanceStaff.values.single.reasonHint')}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            error={fieldError('reason')}
          />
        ) : null}
        <TextInput
          id="value-source"
          className="span-2"
          label={t('performanceStaff.values.single.source')}
          hint={t('performanceStaff.values.single.sourceHint')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          required
          error={fieldError('source')}
        />
        <TextArea
          id="value-note"
          className="span-2"
          label={t('performanceStaff.values.single.note')}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={serverError('note')}
        />
      </div>
      {error && !INLINE_FIELDS.includes(error.problem.field ?? '') ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : isCorrection ? t('performanceStaff.values.single.saveCorrection') : t('performanceStaff.values.single.save')}
        </button>
      </div>
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="value-saved">
          <p className="alert-title">
            {t('performanceStaff.values.single.saved', {
              indicator: indicatorName(saved.indicator),
              period: saved.period,
              value: valueWithUnit(saved.indicator, saved.value),
            })}
          </p>
          <p>
            <Link to={`/scorecards/indicators/${saved.indicator.id}`}>{t('performanceStaff.values.single.open')}</Link>
          </p>
        </div>
      ) : null}
    </form>
  );
}
