import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { TextInput } from '../../ui/fields';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';
import { Spinner } from '../../ui/Spinner';
import { towingApi } from './towing.api';

export interface Point {
  lon: number;
  lat: number;
}

type Geo = { name: 'idle' } | { name: 'asking' } | { name: 'failed'; reason: 'denied' | 'unavailable' | 'unsupported' };

export interface TowPlaceFieldProps {
  point: Point | null;
  onPoint: (point: Point | null) => void;
  address: string;
  onAddress: (address: string) => void;
  error?: string | undefined;
}

const districtStyle = () => ({ color: '#0b4f6c', weight: 2, opacity: 0.8, fillColor: '#0b4f6c', fillOpacity: 0.04 });
const round = (n: number) => n.toFixed(5);

/**
 * Where the car was towed from: the operator's own location (they stand by the car), a tap on the map, and
 * an address or landmark in words. Either the point or the address is enough.
 */
export function TowPlaceField({ point, onPoint, address, onAddress, error }: TowPlaceFieldProps) {
  const { t } = useTranslation();
  const shapes = useQuery(() => towingApi.districtShapes(), []);
  const [geo, setGeo] = useState<Geo>({ name: 'idle' });
  const [focus, setFocus] = useState<{ lon: number; lat: number; zoom: number } | null>(null);
  const layers = useMemo<MapLayer[]>(() => (shapes.data ? [{ id: 'districts', data: shapes.data, style: districtStyle, fit: true }] : []), [shapes.data]);
  const markers = useMemo<MapMarker[]>(() => (point ? [{ id: 'point', lon: point.lon, lat: point.lat, label: t('towing.place.point'), tone: 'primary' }] : []), [point, t]);

  const handleLocation = () => {
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setGeo({ name: 'failed', reason: 'unsupported' });
      return;
    }
    setGeo({ name: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeo({ name: 'idle' });
        const p = { lat: position.coords.latitude, lon: position.coords.longitude };
        onPoint(p);
        setFocus({ ...p, zoom: 16 });
      },
      (failure) => setGeo({ name: 'failed', reason: failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  return (
    <div className={`place-picker tow-place${error ? ' field-invalid' : ''}`} data-testid="tow-place">
      {error ? (
        <p id="tow-place-error" className="field-error" data-testid="tow-place-error">
          {error}
        </p>
      ) : null}
      <div className="place-tools">
        <button type="button" id="tow-use-location" className="button button-secondary" onClick={handleLocation} disabled={geo.name === 'asking'} data-testid="tow-use-location">
          {t('towing.place.useLocation')}
        </button>
        {geo.name === 'asking' ? <Spinner label={t('towing.place.locating')} showLabel /> : null}
      </div>
      {geo.name === 'failed' ? (
        <p className="alert alert-warning" role="alert">
          {t(`towing.place.geo.${geo.reason}`)}
        </p>
      ) : null}
      <TextInput
        id="tow-address"
        label={t('towing.place.address')}
        hint={t('towing.place.addressHint')}
        autoComplete="off"
        maxLength={300}
        value={address}
        onChange={(e) => onAddress(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`tow-address-hint${error ? ' tow-place-error' : ''}`}
      />
      <p className="field-hint">{t('towing.place.mapHint')}</p>
      <div className="place-map" data-testid="tow-place-map">
        <CityMap label={t('towing.place.mapLabel')} layers={layers} markers={markers} focus={focus} onMapClick={(p) => onPoint(p)} height="min(50vh, 320px)" />
      </div>
      <div className="place-summary" role="status" aria-live="polite" data-testid="tow-place-summary">
        {point ? (
          <p>
            <strong>{t('towing.place.chosen')}</strong> {round(point.lat)}, {round(point.lon)}{' '}
            <button type="button" className="button-link" onClick={() => onPoint(null)}>
              {t('towing.place.clear')}
            </button>
          </p>
        ) : (
          <p className="muted">{t('towing.place.none')}</p>
        )}
      </div>
    </div>
  );
}
