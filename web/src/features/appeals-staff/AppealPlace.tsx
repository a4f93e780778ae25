import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { CityMap, type MapLayer } from '../../ui/map/CityMap';
import { appealsStaffApi } from './appeals-staff.api';
import type { StaffAppeal } from './appeals-staff.types';

const FOCUS_ZOOM = 13;
const DISTRICT_STYLE = { color: '#4a5563', weight: 1, fillColor: '#0b4f6c', fillOpacity: 0.04 };

/** The exact place on a small map, with the same facts in text (the map is a visual aid only). */
export function AppealPlace({ appeal, district }: { appeal: StaffAppeal; district: (id: string | null) => string }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const place = appeal.exactPlace;
  const markers = useMemo(
    () => (place ? [{ id: appeal.code, lon: place.lon, lat: place.lat, label: t('appealsStaff.place.marker', { code: appeal.code }), tone: 'primary' as const }] : []),
    [appeal.code, place, t],
  );
  // District boundaries give the point its context; without them (or offline) the point still shows.
  const shapes = useQuery(() => (place ? appealsStaffApi.districtShapes() : Promise.resolve(undefined)), [Boolean(place)]);
  const layers = useMemo<MapLayer[]>(() => (shapes.data ? [{ id: 'districts', data: shapes.data, style: () => DISTRICT_STYLE }] : []), [shapes.data]);
  const focus = useMemo(() => (place ? { lon: place.lon, lat: place.lat, zoom: FOCUS_ZOOM } : null), [place]);
  return (
    <section className="card" aria-labelledby="appeal-place-title">
      <h2 id="appeal-place-title" className="h3">
        {t('appealsStaff.place.title')}
      </h2>
      {place ? <CityMap label={t('appealsStaff.place.mapLabel', { code: appeal.code })} layers={layers} markers={markers} focus={focus} height={220} /> : null}
      <dl className="meta sa-place-facts" data-testid="appeal-place">
        <div>
          <dt>
            {t('appealsStaff.place.address')}{' '}
            <Badge tone="danger">
              {t('appealsStaff.privateShort')}
            </Badge>
          </dt>
          <dd>{appeal.address ?? <span className="muted">{t('appealsStaff.place.noAddress')}</span>}</dd>
        </div>
        <div>
          <dt>{t('appealsStaff.place.point')}</dt>
          <dd>
            {place ? (
              <>
                <code>
                  {place.lat.toFixed(5)}, {place.lon.toFixed(5)}
                </code>
                <span className="muted small"> · {t('appealsStaff.place.rounded')}</span>
              </>
            ) : (
              <span className="muted">{t('appealsStaff.place.noPoint')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('appealsStaff.facts.precinct')}</dt>
          <dd>
            {appeal.precinct ? `${appeal.precinct.code} · ${localized(appeal.precinct.name)}` : t('appealsStaff.facts.noPrecinct')}
            {!appeal.precinct && appeal.districtId ? ` · ${district(appeal.districtId)}` : ''}
          </dd>
        </div>
      </dl>
    </section>
  );
}
