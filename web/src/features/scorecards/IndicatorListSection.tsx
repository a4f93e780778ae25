import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ExportLinks } from './ExportLinks';
import { IndicatorCard } from './IndicatorCard';
import type { IndicatorCard as Indicator } from './scorecards.types';

export interface IndicatorListSectionProps {
  indicators: Indicator[];
  /** Passed to each card: name the department in its title. */
  showDepartment?: boolean;
  /** Passed to each card: say which programme it belongs to. */
  showProgramme?: boolean;
}

/** The "Indicators" section of a district's or a leader's scorecard: the cards, or a note that there are none, and the exports. */
export function IndicatorListSection({ indicators, showDepartment = false, showProgramme = false }: IndicatorListSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('scorecards.programme.indicators')}</h2>
      {indicators.length === 0 ? (
        <EmptyState>{t('scorecards.programme.noIndicators')}</EmptyState>
      ) : (
        <div className="card-grid" data-testid="indicator-list">
          {indicators.map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} showDepartment={showDepartment} showProgramme={showProgramme} />
          ))}
        </div>
      )}
      <ExportLinks table="indicators" what={t('scorecards.programme.indicators')} />
    </section>
  );
}
