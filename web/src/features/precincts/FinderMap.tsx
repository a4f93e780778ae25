import type { Feature } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrecinctFeatureProperties } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';
import type { DistrictCollection, PrecinctCollection } from './precincts.api';

export interface FinderMapProps {
  precincts: PrecinctCollection;
  districts: DistrictCollection;
  selected: string | null;
  point: { lat: number; lon: number } | null;
  /** Move the view to the point (after an address or the device's location, not after a tap). */
  focusPoint: boolean;
  onPick: (point: { lat: number; lon: number }) => void;
}

const districtStyle = () => ({ color: '#4a5563', weight: 2, opacity: 0.8, fill: false });

/** The finder's map: district outlines with the precincts drawn lightly over them; a tap locates the point. */
export function FinderMap({ precincts, districts, selected, point, focusPoint, onPick }: FinderMapProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const layers = useMemo<MapLayer[]>(() => {
    const precinctStyle = (feature: Feature | undefined) => {
      const chosen = (feature?.properties as PrecinctFeatureProperties | undefined)?.id === selected;
      return chosen
        ? { color: '#b3261e', weight: 3, opacity: 1, fillColor: '#b3261e', fillOpacity: 0.18 }
        : { color: '#1f5fa8', weight: 1, opacity: 0.7, fillColor: '#1f5fa8', fillOpacity: 0.04 };
    };
    const precinctLabel = (feature: Feature) => {
      const p = feature.properties as PrecinctFeatureProperties;
      return `${p.code} · ${localized(p.name)}`;
    };
    return [
      { id: 'districts', data: districts, style: districtStyle },
      { id: 'precincts', data: precincts, style: precinctStyle, label: precinctLabel, fit: true },
    ];
  }, [precincts, districts, selected, localized]);
  const markers = useMemo<MapMarker[]>(() => (point ? [{ id: 'point', lat: point.lat, lon: point.lon, label: t('precincts.finder.yourPoint'), tone: 'primary' }] : []), [point, t]);
  const focus = useMemo(() => (point && focusPoint ? { lat: point.lat, lon: point.lon, zoom: 15 } : null), [point, focusPoint]);
  return (
    <div className="finder-map" data-testid="finder-map">
      <CityMap label={t('precincts.finder.mapLabel')} layers={layers} markers={markers} focus={focus} onMapClick={onPick} height="min(60vh, 420px)" />
    </div>
  );
}
