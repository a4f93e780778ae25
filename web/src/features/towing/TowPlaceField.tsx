import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { TextInput } from '../../ui/fields';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';
import { ChosenPoint, districtOutline, MyLocationButton, type Point } from '../../ui/map/PlaceTools';
import { towingApi } from './towing.api';

export interface TowPlaceFieldProps {
  point: Point | null;
  onPoint: (point: Point | null) => void;
  address: string;
  onAddress: (address: string) => void;
  error?: string | undefined;
}

/**
 * Where the car was towed from: the operator's own location (they stand by the car), a tap on the map, and
 * an address or landmark in words. Either the point or the address is enough.
 */
export function TowPlaceField({ point, onPoint, address, onAddress, error }: TowPlaceFieldProps) {
  const { t } = useTranslation();
  const shapes = useQuery(() => towingApi.districtShapes(), []);
  const [focus, setFocus] = useState<{ lon: number; lat: number; zoom: number } | null>(null);
  const layers = useMemo<MapLayer[]>(() => (shapes.data ? [{ id: 'districts', data: shapes.data, style: districtOutline, fit: true }] : []), [shapes.data]);
  const markers = useMemo<MapMarker[]>(() => (point ? [{ id: 'point', lon: point.lon, lat: point.lat, label: t('towing.place.point'), tone: 'primary' }] : []), [point, t]);

  const handleLocated = (p: Point) => {
    onPoint(p);
    setFocus({ ...p, zoom: 16 });
  };

  return (
    <div className={`place-picker tow-place${error ? ' field-invalid' : ''}`} data-testid="tow-place">
      {error ? (
        <p id="tow-place-error" className="field-error" data-testid="tow-place-error">
          {error}
        </p>
      ) : null}
      <MyLocationButton textKey="towing.place" testId="tow-use-location" id="tow-use-location" maximumAge={30_000} onLocated={handleLocated} />
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
          <ChosenPoint point={point} onClear={() => onPoint(null)} textKey="towing.place" />
        ) : (
          <p className="muted">{t('towing.place.none')}</p>
        )}
      </div>
    </div>
  );
}
