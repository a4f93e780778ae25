import { Fragment, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { District } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../ui/EmptyState';
import { Select, TextInput } from '../../ui/fields';
import { DepartmentOptions } from './DepartmentOptions';
import { IndicatorForm } from './IndicatorForm';
import { LightBadge } from './LightBadge';
import { CITY, type IndicatorCard, type ProgrammeSummary } from './performance.types';
import { usePerformanceLabels } from './usePerformanceStaff';

export interface StaffIndicatorListProps {
  indicators: readonly IndicatorCard[];
  programmes: readonly ProgrammeSummary[];
  districts: readonly District[];
}

/** Every indicator with its target and thresholds, in a table; each row opens a form to change them. */
export function StaffIndicatorList({ indicators, programmes, districts }: StaffIndicatorListProps) {
  const { t } = useTranslation();
  const { localized, formatNumber } = useLocale();
  const { departmentName, indicatorName, valueWithUnit } = usePerformanceLabels();
  const [query, setQuery] = useState('');
  const [department, setDepartment] = useState('');
  const [editing, setEditing] = useState<string>();
  // A saved indicator's card, as the server answered it, replaces the loaded one.
  const [updated, setUpdated] = useState<Record<string, IndicatorCard>>({});
  const captionId = useId();

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return indicators
      .map((indicator) => updated[indicator.id] ?? indicator)
      .filter((indicator) => !department || indicator.department.id === department)
      .filter(
        (indicator) =>
          !needle ||
          [indicator.code, indicator.name.ru, indicator.name.kk, indicator.name.en, indicator.programme?.name.ru ?? ''].join(' ').toLowerCase().includes(needle),
      )
      .sort(
        (a, b) =>
          Number(b.department.id === CITY) - Number(a.department.id === CITY) ||
          departmentName(a.department).localeCompare(departmentName(b.department)) ||
          indicatorName(a).localeCompare(indicatorName(b)),
      );
  }, [indicators, updated, query, department, departmentName, indicatorName]);

  const labels = {
    indicator: t('performanceStaff.indicators.columns.indicator'),
    department: t('performanceStaff.indicators.fields.department'),
    target: t('performanceStaff.indicators.fields.target'),
    thresholds: t('performanceStaff.indicators.fields.thresholds'),
    current: t('performanceStaff.indicators.current'),
    light: t('performanceStaff.indicators.columns.light'),
  };

  const targetText = (indicator: IndicatorCard) => {
    const { target } = indicator;
    if (!target) return t('performanceStaff.indicators.notSet');
    const text =
      target.kind === 'value'
        ? t('performanceStaff.indicators.targetValue', { value: valueWithUnit(indicator, target.value) })
        : target.effective === null
          ? t('performanceStaff.indicators.targetPercentNoBase', { percent: `${target.value > 0 ? '+' : ''}${formatNumber(target.value)}` })
          : t('performanceStaff.indicators.targetPercent', {
              percent: `${target.value > 0 ? '+' : ''}${formatNumber(target.value)}`,
              value: valueWithUnit(indicator, target.effective),
            });
    return target.date ? `${text} ${t('performanceStaff.indicators.by', { date: target.date })}` : text;
  };

  return (
    <div className="stack">
      <div className="form-grid filters-inline" role="search">
        <TextInput
          id="indicators-search"
          type="search"
          label={t('performanceStaff.indicators.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <Select id="indicators-department" label={labels.department} value={department} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">{t('performanceStaff.indicators.allDepartments')}</option>
          <DepartmentOptions districts={districts} />
        </Select>
      </div>
      <p className="muted small" aria-live="polite">
        {t('performanceStaff.indicators.shown', { shown: shown.length, total: indicators.length })}
      </p>
      {shown.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
          <table className="table stack-table staff-indicator-table" data-testid="staff-indicator-list">
            <caption id={captionId} className="visually-hidden">
              {t('performanceStaff.indicators.all')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{labels.indicator}</th>
                <th scope="col">{labels.department}</th>
                <th scope="col">{labels.target}</th>
                <th scope="col">{labels.thresholds}</th>
                <th scope="col">{labels.current}</th>
                <th scope="col">{labels.light}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('performanceStaff.budget.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((indicator) => {
                const open = editing === indicator.id;
                const formId = `indicator-${indicator.id}-edit`;
                return (
                  <Fragment key={indicator.id}>
                    <tr data-testid="staff-indicator">
                      <th scope="row" className="wide-cell staff-indicator-name">
                        <Link to={`/scorecards/indicators/${indicator.id}`}>{indicatorName(indicator)}</Link>
                        <span className="muted small staff-indicator-meta">
                          <code>{indicator.code}</code>
                          {indicator.programme ? ` · ${localized(indicator.programme.name)}` : ''}
                          {indicator.sourceItem ? ` · ${indicator.sourceItem}` : ''}
                          {indicator.synthetic ? ` · ${t('performanceStaff.synthetic')}` : ''}
                        </span>
                      </th>
                      <td data-label={labels.department}>{departmentName(indicator.department)}</td>
                      <td data-label={labels.target} data-testid="indicator-target">
                        {targetText(indicator)}
                      </td>
                      <td data-label={labels.thresholds} data-testid="indicator-thresholds">
                        <span className="nowrap">{t('performanceStaff.indicators.thresholdGreen', { value: formatNumber(indicator.thresholds.green) })}</span>,{' '}
                        <span className="nowrap">{t('performanceStaff.indicators.thresholdAmber', { value: formatNumber(indicator.thresholds.amber) })}</span>
                      </td>
                      <td data-label={labels.current}>
                        {indicator.current ? `${valueWithUnit(indicator, indicator.current.value)} (${indicator.current.period})` : t('performanceStaff.indicators.noData')}
                        {indicator.achievement !== null ? (
                          <span className="muted small">
                            {' '}
                            {t('performanceStaff.indicators.achievement', { value: formatNumber(Math.round(indicator.achievement)) })}
                          </span>
                        ) : null}
                      </td>
                      <td data-label={labels.light}>
                        <LightBadge light={indicator.light} />
                      </td>
                      <td className="wide-cell">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-expanded={open}
                          aria-controls={open ? formId : undefined}
                          onClick={() => setEditing(open ? undefined : indicator.id)}
                        >
                          {t('performanceStaff.indicators.edit')}
                          <span className="visually-hidden">: {indicatorName(indicator)}</span>
                        </button>
                      </td>
                    </tr>
                    {open ? (
                      <tr className="edit-row">
                        <td colSpan={7} id={formId} className="wide-cell">
                          <IndicatorForm
                            indicator={indicator}
                            programmes={programmes}
                            districts={districts}
                            onSaved={(card) => setUpdated((u) => ({ ...u, [card.id]: card }))}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('performanceStaff.indicators.none')}</EmptyState>
      )}
    </div>
  );
}
