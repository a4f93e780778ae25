import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorCard } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

/** The target in words: "2 500 by 31 Dec 2021" or "−10 % from the baseline (= 2 576)". */
export function useTargetText() {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  return useCallback(
    (indicator: Pick<IndicatorCard, 'target' | 'unit'>): string => {
      const { target, unit } = indicator;
      if (!target) return t('scorecards.card.noTarget');
      const by = target.date ? ` ${t('scorecards.card.by', { date: format.day(target.date) })}` : '';
      if (target.kind === 'change_percent') {
        const effective = target.effective !== null ? ` (${format.value(target.effective, unit)})` : '';
        return `${t('scorecards.card.changeFromBaseline', { change: format.changePercent(target.value) })}${effective}${by}`;
      }
      return `${format.value(target.value, unit)}${by}`;
    },
    [format, t],
  );
}
