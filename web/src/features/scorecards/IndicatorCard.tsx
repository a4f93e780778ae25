import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { IndicatorFigures } from './IndicatorFigures';
import { IndicatorValue } from './IndicatorValue';
import { LightBadge } from './LightBadge';
import { ProgrammeRow } from './ProgrammeRow';
import { scorecardPaths } from './scorecards.api';
import type { IndicatorCard as Indicator } from './scorecards.types';
import { SourceItem } from './SourceItem';
import { Sparkline } from './Sparkline';

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
      <IndicatorValue indicator={indicator} link={{ to: href, name }} />
      <dl className="meta meta-inline indicator-meta">
        <IndicatorFigures indicator={indicator} />
        {showProgramme && indicator.programme ? <ProgrammeRow programme={indicator.programme} /> : null}
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
