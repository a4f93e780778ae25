import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';
import { towingApi } from './towing.api';

const districtStyle = () => ({ color: '#0b4f6c', weight: 2, opacity: 0.6, fillColor: '#0b4f6c', fillOpacity: 0.03 });

export interface PlaceMapProps {
  /** The map's name for screen readers; the page gives the place in words as well. */
  label: string;
  points: readonly { id: string; lon: number; lat: number; label: string; tone?: MapMarker['tone'] }[];
  height?: number | string;
}

/** A place (an impound lot, where a car was towed from) among the district outlines; it draws without internet. */
export function PlaceMap({ label, points, height = 240 }: PlaceMapProps) {
  const shapes = useQuery(() => towingApi.districtShapes(), []);
  const layers = useMemo<MapLayer[]>(() => (shapes.data ? [{ id: 'districts', data: shapes.data, style: districtStyle }] : []), [shapes.data]);
  const markers = useMemo<MapMarker[]>(() => points.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, label: p.label, tone: p.tone ?? 'primary' })), [points]);
  // One place: centred with enough of the city around it that the district outlines say where it is.
  const focus = useMemo(() => (points.length === 1 ? { lon: points[0]!.lon, lat: points[0]!.lat, zoom: 12 } : null), [points]);
  return <CityMap label={label} layers={layers} markers={markers} focus={focus} frame={points.length > 1 ? points : null} height={height} staticView />;
}

/** The impound lot on the map. */
export function LotMap({ name, lon, lat }: { name: string; lon: number; lat: number }) {
  const { t } = useTranslation();
  const points = useMemo(() => [{ id: 'lot', lon, lat, label: name }], [lon, lat, name]);
  return (
    <div className="tow-map" data-testid="lot-map">
      <PlaceMap label={t('towing.lookup.mapLabel', { name })} points={points} />
    </div>
  );
}
