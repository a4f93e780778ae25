import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { DemoNotice } from '../../ui/DemoNotice';
import { LightCounts } from './LightCounts';
import { scorecardPaths, scorecardsApi } from './scorecards.api';
import type { ProgrammeSummary } from './scorecards.types';

const SHOWN = 3;

/** The home page's way into the scorecards: a few programmes with their lights. */
export function ScorecardsTeaser() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const programmes = useQuery((signal) => scorecardsApi.programmes(signal), []);
  // Programmes whose lights say something first: with targets, then with the most indicators.
  const judged = (p: ProgrammeSummary) => p.lights.green + p.lights.amber + p.lights.red;
  const items = [...(programmes.data?.items ?? [])].sort((a, b) => judged(b) - judged(a) || b.indicatorCount - a.indicatorCount).slice(0, SHOWN);
  return (
    <section aria-labelledby="scorecards-teaser-title" className="section scorecards-teaser" data-testid="scorecards-teaser">
      <h2 id="scorecards-teaser-title">{t('scorecards.teaser.title')}</h2>
      <p>{t('scorecards.teaser.text')}</p>
      {items.length ? (
        <ul className="teaser-list">
          {items.map((programme) => (
            <li key={programme.code} className="card teaser-item">
              <Link to={scorecardPaths.programme(programme.code)} className="teaser-link">
                {localized(programme.name)}
              </Link>
              <LightCounts counts={programme.lights} label={t('scorecards.lights.labelFor', { name: localized(programme.name) })} />
            </li>
          ))}
        </ul>
      ) : null}
      {programmes.data?.items.some((p) => p.budget.synthetic) ? <DemoNotice>{t('scorecards.teaser.synthetic')}</DemoNotice> : null}
      <p className="button-row">
        <Link to={scorecardPaths.overview} className="button button-primary">
          {t('scorecards.teaser.all')}
        </Link>
        <Link to="/trust" className="button button-secondary">
          {t('scorecards.teaser.trust')}
        </Link>
      </p>
    </section>
  );
}
