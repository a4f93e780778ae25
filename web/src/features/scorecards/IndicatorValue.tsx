import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorCard } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

export interface IndicatorValueProps {
  indicator: Pick<IndicatorCard, 'current' | 'unit'>;
  /** Make the number a link to the indicator's page, named after the indicator for screen readers. */
  link?: { to: string; name: string };
}

/** The current value in its unit with its period ("rolled up" for summed daily counts), or "no data". */
export function IndicatorValue({ indicator, link }: IndicatorValueProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const { current } = indicator;
  if (!current) {
    return (
      <p className="indicator-value">
        <span className="muted">{t('scorecards.card.noValue')}</span>
      </p>
    );
  }
  const value = format.value(current.value, indicator.unit);
  return (
    <p className="indicator-value">
      {link ? (
        <Link to={link.to} className="indicator-value-number" data-testid="indicator-value" aria-label={t('scorecards.card.valueLink', { value, name: link.name })}>
          {value}
        </Link>
      ) : (
        <span className="indicator-value-number" data-testid="indicator-value">
          {value}
        </span>
      )}{' '}
      <span className="indicator-value-period">
        {format.period(current.period)}
        {current.rolledUp ? ` · ${t('scorecards.card.rolledUp')}` : ''}
      </span>
    </p>
  );
}
