import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { scorecardPaths } from './scorecards.api';
import type { Official } from './scorecards.types';

/** "Name, position" linked to the leader's scorecard; marked when the name is a demo one. */
export function OfficialLine({ official }: { official: Official | null }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  if (!official) return <span className="muted">{t('scorecards.official.none')}</span>;
  return (
    <span data-testid="official">
      <Link to={scorecardPaths.official(official.id)}>{official.name}</Link>, {localized(official.position)}
      {official.synthetic ? <span className="muted small"> ({t('scorecards.synthetic.name')})</span> : null}
    </span>
  );
}

/** The responsible official as a row of a scorecard's `<dl>`. */
export function OfficialRow({ official }: { official: Official | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{t('scorecards.programme.official')}</dt>
      <dd>
        <OfficialLine official={official} />
      </dd>
    </div>
  );
}
