import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { scorecardPaths } from './scorecards.api';
import type { ProgrammeRef } from './scorecards.types';

/** The programme an indicator belongs to, linked, as a row of its `<dl>`. */
export function ProgrammeRow({ programme }: { programme: ProgrammeRef }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  return (
    <div>
      <dt>{t('scorecards.card.programme')}</dt>
      <dd>
        <Link to={scorecardPaths.programme(programme.code)}>{localized(programme.name)}</Link>
      </dd>
    </div>
  );
}
