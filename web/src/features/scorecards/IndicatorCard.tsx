import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { LightBadge } from './LightBadge';
import { scorecardPaths } from './scorecards.api';
import type { IndicatorCard as Indicator } from './scorecards.types';
import { SourceItem } from './SourceItem';
import { Sparkline } from './Sparkline';
import { useScorecardFormat } from './useScorecardFormat';
import { useTargetText } from './useTargetText';

export interface IndicatorCardProps {
  indicator: Indicator;
  /** Name the department in the title (lists mixing the city and districts). */
  showDepartment?: boolean;
  /** Say which programme it belongs to (district and official pages). */
  showProgramme?: boolean;
}

/**
 * One indicator: its current value with the period, target, achievement, light (with its own
 * thresholds), a small trend, the cost per point of improvement, the source and the report item.
 */
export function IndicatorCard({ indicator, showDepartment = false, showProgramme = false }: IndicatorCardProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  const targetText = useTargetText();
  const titleId = useId();
  const href = scorecardPaths.indicator(indicator.id);
  const { current } = indicator;
  const name = localized(indicator.name);

  return (
    <article className="card indicator-card" aria-labelledby={titleId} data-testid="indicator-card" data-code={indicator.code}>
      <h3 id={titleId} className="indicator-card-title">
        <Link to={href}>
          {name}
          {showDepartment ? <span className="indicator-card-unit"> · {localized(indicator.department.name)}</span> : null}
        </Link>
      </h3>
      <div className="badges">
        <LightBadge light={indicator.light} thresholds={indicator.thresholds} />
        {indicator.synthetic ? (
          <Badge tone="neutral" icon="◇" testId="synthetic-badge">
            {t('scorecards.synthetic.badge')}
          </Badge>
        ) : null}
      </div>
      <p className="indicator-value">
        {current ? (
          <>
            <Link to={href} className="indicator-value-number" data-testid="indicator-value" aria-label={t('scorecards.card.valueLink', { value: format.value(current.value, indicator.unit), name })}>
              {format.value(current.value, indicator.unit)}
            </Link>{' '}
            <span className="indicator-value-period">
              {format.period(current.period)}
              {current.rolledUp ? ` · ${t('scorecards.card.rolledUp')}` : ''}
            </span>
          </>
        ) : (
          <span className="muted">{t('scorecards.card.noValue')}</span>
        )}
      </p>
      <dl className="meta meta-inline indicator-meta">
        {indicator.target ? (
          <div>
            <dt>{t('scorecards.card.target')}</dt>
            <dd>{targetText(indicator)}</dd>
          </div>
        ) : null}
        {indicator.achievement !== null ? (
          <div>
            <dt>{t('scorecards.card.achievement')}</dt>
            <dd data-testid="achievement">{format.achievement(indicator.achievement)}</dd>
          </div>
        ) : null}
        {indicator.baseline ? (
          <div>
            <dt>{t('scorecards.card.baseline')}</dt>
            <dd>
              {format.value(indicator.baseline.value, indicator.unit)}
              {indicator.baseline.period ? ` (${format.period(indicator.baseline.period)})` : ''}
            </dd>
          </div>
        ) : null}
        {indicator.costPerPointTiyn !== null ? (
          <div>
            <dt>{t('scorecards.card.costPerPoint')}</dt>
            <dd data-testid="cost-per-point">{format.money(indicator.costPerPointTiyn, true)}</dd>
          </div>
        ) : null}
        {showProgramme && indicator.programme ? (
          <div>
            <dt>{t('scorecards.card.programme')}</dt>
            <dd>
              <Link to={scorecardPaths.programme(indicator.programme.code)}>{localized(indicator.programme.name)}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <Sparkline points={indicator.trend} unit={indicator.unit} target={indicator.target?.effective ?? null} />
      <p className="indicator-source small muted">
        {t('scorecards.card.source')}: {current?.source || indicator.dataSource}
        {indicator.sourceItem ? (
          <>
            {' · '}
            <SourceItem item={indicator.sourceItem} />
          </>
        ) : null}
      </p>
    </article>
  );
}
