import { useTranslation } from 'react-i18next';
import type { LoadLevel } from '../../api/precincts.contract';
import { Badge } from '../../ui/Badge';
import { LOAD_LEVEL_META } from './loadLevel';

/** A precinct's (or district's) load against the norms, as colour, glyph and words. */
export function LoadLevelBadge({ level }: { level: LoadLevel }) {
  const { t } = useTranslation();
  const meta = LOAD_LEVEL_META[level] ?? LOAD_LEVEL_META.unknown;
  return (
    <Badge tone={meta.tone} icon={meta.icon} testId="load-level">
      {t(`precincts.level.${level}`)}
    </Badge>
  );
}
