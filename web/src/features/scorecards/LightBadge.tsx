import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import { LIGHT_META } from './light';
import type { Light, Thresholds } from './scorecards.types';

export interface LightBadgeProps {
  light: Light;
  /** The indicator's own thresholds, said in words next to the light. */
  thresholds?: Thresholds;
}

/** A traffic light as colour, glyph and words. */
export function LightBadge({ light, thresholds }: LightBadgeProps) {
  const { t } = useTranslation();
  const meta = LIGHT_META[light] ?? LIGHT_META.no_data;
  return (
    <span className="light">
      <Badge tone={meta.tone} icon={meta.icon} testId="light">
        {t(`scorecards.light.${light}`)}
      </Badge>
      {thresholds && (light === 'green' || light === 'amber' || light === 'red') ? (
        <span className="light-thresholds small muted" data-testid="thresholds">
          {t('scorecards.light.thresholds', { green: thresholds.green, amber: thresholds.amber })}
        </span>
      ) : null}
    </span>
  );
}
