import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import { LIGHT_META } from './light';
import { LIGHTS } from './scorecards.types';

/** How to read the traffic lights, in words (each card states its own thresholds). */
export function LightsExplainer() {
  const { t } = useTranslation();
  return (
    <section className="card lights-explainer" aria-labelledby="lights-explainer-title" data-testid="lights-explainer">
      <h2 id="lights-explainer-title" className="h3">
        {t('scorecards.explainer.title')}
      </h2>
      <p>{t('scorecards.explainer.achievement')}</p>
      <ul className="plain-list">
        {LIGHTS.map((light) => (
          <li key={light} className="explainer-row">
            <Badge tone={LIGHT_META[light].tone} icon={LIGHT_META[light].icon}>
              {t(`scorecards.light.${light}`)}
            </Badge>{' '}
            <span>{t(`scorecards.explainer.${light}`)}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">{t('scorecards.explainer.own')}</p>
    </section>
  );
}
