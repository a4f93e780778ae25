import { useTranslation } from 'react-i18next';
import { Spinner } from '../Spinner';
import { useDeviceLocation } from './useDeviceLocation';

export interface Point {
  lon: number;
  lat: number;
}

/**
 * The i18n group that holds a place field's texts: `useLocation`, `locating`, `geo.{denied,unavailable,unsupported}`,
 * `chosen` and `clear`.
 */
export type PlaceTextKey = 'appeals.place' | 'towing.place';

/** District outlines under a place field: thin, barely filled, so that the streets stay readable. */
export const districtOutline = () => ({ color: '#0b4f6c', weight: 2, opacity: 0.8, fillColor: '#0b4f6c', fillOpacity: 0.04 });

const round = (n: number) => n.toFixed(5);

export interface MyLocationButtonProps {
  textKey: PlaceTextKey;
  testId: string;
  id?: string;
  /** How old a position the browser may give, in ms. */
  maximumAge: number;
  onLocated: (point: Point) => void;
}

/** "Use my location": asks the browser for the device's position and says plainly when it cannot have it. */
export function MyLocationButton({ textKey, testId, id, maximumAge, onLocated }: MyLocationButtonProps) {
  const { t } = useTranslation();
  const { state: geo, locate } = useDeviceLocation(maximumAge);

  return (
    <>
      <div className="place-tools">
        <button type="button" id={id} className="button button-secondary" onClick={() => locate(onLocated)} disabled={geo.name === 'asking'} data-testid={testId}>
          {t(`${textKey}.useLocation`)}
        </button>
        {geo.name === 'asking' ? <Spinner label={t(`${textKey}.locating`)} showLabel /> : null}
      </div>
      {geo.name === 'failed' ? (
        <p className="alert alert-warning" role="alert">
          {/* These texts do not tell a timeout from other failures. */}
          {t(`${textKey}.geo.${geo.reason === 'timeout' ? 'unavailable' : geo.reason}`)}
        </p>
      ) : null}
    </>
  );
}

/** "Marked: 43.23800, 76.94500 · Remove the point". */
export function ChosenPoint({ point, onClear, textKey }: { point: Point; onClear: () => void; textKey: PlaceTextKey }) {
  const { t } = useTranslation();
  return (
    <p>
      <strong>{t(`${textKey}.chosen`)}</strong> {round(point.lat)}, {round(point.lon)}{' '}
      <button type="button" className="button-link" onClick={onClear}>
        {t(`${textKey}.clear`)}
      </button>
    </p>
  );
}
