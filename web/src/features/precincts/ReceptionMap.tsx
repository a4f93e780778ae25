import type { Feature } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceptionPoint } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';

export interface ReceptionMapProps {
  point: ReceptionPoint;
  /** The resident's point, when they located one. */
  home?: { lat: number; lon: number } | null;
  /** The precinct's outline, for context on a map without a base layer. */
  outline?: Feature | null;
  height?: number;
}

/** The corners of a feature's bounding box, so a map can frame the whole precinct. */
function bboxCorners(feature: Feature): { lon: number; lat: number }[] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      minLon = Math.min(minLon, value[0]);
      maxLon = Math.max(maxLon, value[0]);
      minLat = Math.min(minLat, value[1]);
      maxLat = Math.max(maxLat, value[1]);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  return Number.isFinite(minLon) ? [{ lon: minLon, lat: minLat }, { lon: maxLon, lat: maxLat }] : [];
}

const outlineStyle = () => ({ color: '#0b4f6c', weight: 2, fillColor: '#0b4f6c', fillOpacity: 0.08 });

/**
 * A small map of where the inspector receives residents. The address next to it is its text
 * alternative; the map only shows the place.
 */
export function ReceptionMap({ point, home = null, outline = null, height = 200 }: ReceptionMapProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const layers = useMemo<MapLayer[]>(
    () => (outline ? [{ id: 'precinct', data: { type: 'FeatureCollection', features: [outline] }, style: outlineStyle }] : []),
    [outline],
  );
  const markers = useMemo<MapMarker[]>(() => {
    const list: MapMarker[] = [{ id: 'reception', lon: point.lon, lat: point.lat, label: localized(point.name), tone: 'primary' }];
    if (home) list.push({ id: 'home', lon: home.lon, lat: home.lat, label: t('precincts.finder.yourPoint'), tone: 'secondary' });
    return list;
  }, [point, home, localized, t]);
  // The reception point, the resident's home when they located one, and the precinct around them.
  const frame = useMemo(
    () => [{ lon: point.lon, lat: point.lat }, ...(home ? [home] : []), ...(outline ? bboxCorners(outline) : [])],
    [point.lon, point.lat, home, outline],
  );
  return (
    <div className="reception-map">
      <CityMap
        label={t('precincts.card.mapLabel', { place: localized(point.name), address: localized(point.address) })}
        layers={layers}
        markers={markers}
        frame={frame}
        height={height}
        staticView
      />
      <p className="map-key small" aria-hidden="true">
        <span className="map-key-dot map-key-primary" /> {t('precincts.card.keyReception')}
        {home ? (
          <>
            {' '}
            <span className="map-key-dot map-key-secondary" /> {t('precincts.finder.yourPoint')}
          </>
        ) : null}
        {outline ? (
          <>
            {' '}
            <span className="map-key-line" /> {t('precincts.card.keyPrecinct')}
          </>
        ) : null}
      </p>
    </div>
  );
}
