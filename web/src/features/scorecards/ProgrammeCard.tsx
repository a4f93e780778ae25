import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { LightCounts } from './LightCounts';
import { OfficialRow } from './OfficialLine';
import { scorecardPaths } from './scorecards.api';
import type { ProgrammeSummary } from './scorecards.types';
import { SourceItem } from './SourceItem';
import { useScorecardFormat } from './useScorecardFormat';

/** A programme in a list: its lights, responsible official, budget planned against spent. */
export function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  const titleId = useId();
  const { budget } = programme;
  const spentShare = budget.plannedTiyn && budget.spentTiyn !== null ? budget.spentTiyn / budget.plannedTiyn : null;
  return (
    <article className="card programme-card" aria-labelledby={titleId} data-testid="programme-card" data-code={programme.code}>
      <p className="programme-kind small muted">
        {t(`scorecards.programmeKind.${programme.kind}`)} · {format.day(programme.startsOn)} – {format.day(programme.endsOn)}
      </p>
      <h3 id={titleId} className="programme-card-title">
        <Link to={scorecardPaths.programme(programme.code)}>{localized(programme.name)}</Link>
      </h3>
      <LightCounts counts={programme.lights} label={t('scorecards.lights.labelFor', { name: localized(programme.name) })} />
      <dl className="meta programme-meta">
        <OfficialRow official={programme.official} />
        <div>
          <dt>{t('scorecards.programme.budget')}</dt>
          <dd>
            {budget.plannedTiyn === null ? (
              <span className="muted">{t('scorecards.budget.none')}</span>
            ) : (
              <>
                {t('scorecards.budget.plannedSpent', { planned: format.money(budget.plannedTiyn), spent: format.money(budget.spentTiyn) })}
                {spentShare !== null ? <span className="muted"> ({t('scorecards.budget.share', { share: format.achievement(spentShare * 100) })})</span> : null}
                {budget.synthetic ? (
                  <span className="block">
                    <Badge tone="neutral" icon="◇" testId="synthetic-badge">
                      {t('scorecards.synthetic.figure')}
                    </Badge>
                  </span>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('scorecards.programme.contents')}</dt>
          <dd>
            {t('scorecards.programme.counts', { indicators: format.integer(programme.indicatorCount), measures: format.integer(programme.measureCount) })}
            {programme.declaredMeasureCount !== null && programme.declaredMeasureCount > programme.measureCount
              ? ` ${t('scorecards.programme.ofDeclared', { declared: format.integer(programme.declaredMeasureCount) })}`
              : ''}
          </dd>
        </div>
        {programme.sourceItem ? (
          <div>
            <dt>{t('scorecards.programme.sourceItem')}</dt>
            <dd>
              <SourceItem item={programme.sourceItem} />
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
