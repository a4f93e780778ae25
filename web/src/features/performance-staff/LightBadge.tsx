import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';
import type { Light } from './performance.types';

const LOOK: Record<Light, { tone: BadgeTone; icon: string }> = {
  green: { tone: 'success', icon: '●' },
  amber: { tone: 'warning', icon: '◐' },
  red: { tone: 'danger', icon: '○' },
  no_target: { tone: 'muted', icon: '–' },
  no_data: { tone: 'neutral', icon: '?' },
};

/** The traffic light of an indicator, with a glyph so colour is never the only sign. */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useTranslation();
  const look = LOOK[light];
  return (
    <Badge tone={look.tone} icon={look.icon}>
      {t(`performanceStaff.light.${light}`)}
    </Badge>
  );
}
