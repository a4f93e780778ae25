import { useTranslation } from 'react-i18next';
import type { IndicatorCard } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';
import { useTargetText } from './useTargetText';

export interface IndicatorFiguresProps {
  indicator: IndicatorCard;
  /** The indicator's own page: the target even when none is set, and the improvement. */
  detailed?: boolean;
}

/**
 * The rows of an indicator's figures inside its `<dl>`: target, achievement, baseline,
 * improvement (detailed only), cost per point of improvement. A row without a figure is left out.
 */
export function IndicatorFigures({ indicator, detailed = false }: IndicatorFiguresProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const targetText = useTargetText();
  return (
    <>
      {detailed || indicator.target ? (
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
      {detailed && indicator.improvement !== null ? (
        <div>
          <dt>{t('scorecards.indicator.improvement')}</dt>
          <dd>{format.change(indicator.improvement, indicator.unit)}</dd>
        </div>
      ) : null}
      {indicator.costPerPointTiyn !== null ? (
        <div>
          <dt>{t('scorecards.card.costPerPoint')}</dt>
          <dd data-testid="cost-per-point">{format.money(indicator.costPerPointTiyn, true)}</dd>
        </div>
      ) : null}
    </>
  );
}
