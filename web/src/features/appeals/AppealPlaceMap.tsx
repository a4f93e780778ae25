import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { CityMap, type MapLayer } from '../../ui/map/CityMap';
import { appealsApi } from './appeals.api';

const districtStyle = () => ({ color: '#0b4f6c', weight: 2, opacity: 0.7, fillColor: '#0b4f6c', fillOpacity: 0.03 });

/** The appeal's rounded point among the district outlines (the page states the same in words). */
export function AppealPlaceMap({ place }: { place: { lon: number; lat: number } }) {
  const { t } = useTranslation();
  const shapes = useQuery(() => appealsApi.districtShapes(), []);
  const layers = useMemo<MapLayer[]>(() => (shapes.data ? [{ id: 'districts', data: shapes.data, style: districtStyle }] : []), [shapes.data]);
  const markers = useMemo(() => [{ id: 'place', lon: place.lon, lat: place.lat, label: t('appeals.track.placeApprox') }], [place, t]);
  const focus = useMemo(() => ({ ...place, zoom: 12 }), [place]);
  return <CityMap label={t('appeals.track.mapLabel')} layers={layers} markers={markers} focus={focus} height={240} staticView />;
}
