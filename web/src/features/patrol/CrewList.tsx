import { useTranslation } from 'react-i18next';
import type { PlanCrew, PlanSector } from '../../api/patrol.contract';
import { usePatrolFormat } from './usePatrolFormat';

export interface CrewListProps {
  sector: PlanSector;
  crews: PlanCrew[];
  selected: string | null;
  onSelect: (crewId: string) => void;
}

/** A sector's crews; the chosen one's stops in the order to visit them, and on the map. */
export function CrewList({ sector, crews, selected, onSelect }: CrewListProps) {
  const { t } = useTranslation();
  const format = usePatrolFormat();
  return (
    <section className="patrol-crews" aria-labelledby="crews-title" data-testid="crew-list">
      <h3 id="crews-title">{t('patrol.crews.title', { code: sector.code })}</h3>
      <ul className="plain-list patrol-crew-list">
        {crews.map((crew) => {
          const shown = crew.id === selected;
          return (
            <li key={crew.id} className={`patrol-crew${shown ? ' is-selected' : ''}`} data-crew={crew.id}>
              <div className="patrol-crew-head">
                <span>
                  <strong>{crew.id}</strong> · {t(`patrol.crews.kinds.${crew.kind}`)}
                  {crew.routeCode ? <span className="muted"> ({crew.routeCode})</span> : null}
                  <span className="block small muted">{crew.stops.length > 0 ? t('patrol.crews.stops', { count: crew.stops.length }) : t('patrol.crews.none')}</span>
                </span>
                {crew.stops.length > 0 ? (
                  <button type="button" className="button button-small button-secondary" aria-pressed={shown} aria-label={t('patrol.crews.show', { crew: crew.id })} onClick={() => onSelect(crew.id)}>
                    {shown ? t('patrol.crews.shown') : t('patrol.crews.showShort')}
                  </button>
                ) : null}
              </div>
              {shown ? (
                <ol className="patrol-stops small">
                  {crew.stops.map((stop) => (
                    <li key={stop.order}>{t('patrol.crews.stop', { order: stop.order, lat: format.coordinate(stop.lat), lon: format.coordinate(stop.lon), minutes: stop.minutes })}</li>
                  ))}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
