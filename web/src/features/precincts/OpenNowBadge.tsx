import { useTranslation } from 'react-i18next';
import type { ReceptionPoint } from '../../api/precincts.contract';
import { Badge } from '../../ui/Badge';

/** Open or closed at the moment of the server's answer (Asia/Almaty), in words and a glyph. */
export function OpenNowBadge({ point }: { point: Pick<ReceptionPoint, 'openNow' | 'allDay'> }) {
  const { t } = useTranslation();
  if (point.allDay || point.openNow) {
    return (
      <Badge tone="success" icon="●" testId="open-now">
        {t(point.allDay ? 'precincts.hours.openAllDay' : 'precincts.hours.openNow')}
      </Badge>
    );
  }
  return (
    <Badge tone="muted" icon="○" testId="open-now">
      {t('precincts.hours.closedNow')}
    </Badge>
  );
}
