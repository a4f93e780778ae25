import type { Feature } from 'geojson';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { AddressMatch, LocateResult } from '../../api/appeals.contract';
import type { LocalizedText } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';
import { ChosenPoint, districtOutline, MyLocationButton, type Point } from '../../ui/map/PlaceTools';
import { Spinner } from '../../ui/Spinner';
import { useAddressSearch } from '../precincts/useAddressSearch';
import { appealsApi } from './appeals.api';
import { useAppealLabels } from './useAppealLabels';

type Located = { name: 'none' } | { name: 'locating' } | { name: 'found'; result: LocateResult } | { name: 'outside' } | { name: 'failed'; error: ApiError };

export interface PlacePickerProps {
  point: Point | null;
  onPoint: (point: Point | null) => void;
  address: string;
  onAddress: (address: string) => void;
  /** From the inspector card: the precinct the appeal goes to when no point is chosen. */
  precinctId: string | null;
  error?: string | undefined;
}

function districtName(feature: Feature, localized: (text: LocalizedText | null | undefined) => string): string {
  const name = (feature.properties as { name?: LocalizedText } | null)?.name;
  return localized(name);
}

/** "Участок: №26 (Алмалинский район), 02-026" — the district is added when the name does not say it. */
function PrecinctLine({ name, code, district }: { name: string; code: string; district: string }) {
  const { t } = useTranslation();
  return <>{name.includes(district) ? t('appeals.place.precinct', { name, code }) : t('appeals.place.precinctInDistrict', { name, code, district })}</>;
}

/** Whether a problem is the server's "this point is in no precinct of the city". */
const isOutsideCity = (error: unknown) => error instanceof ApiError && error.code === 'outside_city';

/**
 * Where it happened: tap the map, search an address or use the device's location. The precinct the
 * point falls in is shown at once, in words (the text alternative of the map).
 */
export function PlacePicker({ point, onPoint, address, onAddress, precinctId, error }: PlacePickerProps) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  const shapes = useQuery(() => appealsApi.districtShapes(), []);
  const [located, setLocated] = useState<Located>({ name: 'none' });
  const addressSearch = useAddressSearch();
  const search = addressSearch.state;
  // A point given in the link (from "find my inspector") is shown at once; otherwise the whole city.
  const [focus, setFocus] = useState<{ lon: number; lat: number; zoom: number } | null>(() => (point ? { ...point, zoom: 15 } : null));
  const [fitCity] = useState(() => !point);
  const { localized } = labels;

  useEffect(() => {
    if (!point) {
      setLocated({ name: 'none' });
      return;
    }
    const controller = new AbortController();
    setLocated({ name: 'locating' });
    appealsApi
      .locate(point, controller.signal)
      .then((result) => setLocated({ name: 'found', result }))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        if (isOutsideCity(reason)) setLocated({ name: 'outside' });
        else if (reason instanceof ApiError) setLocated({ name: 'failed', error: reason });
        else throw reason;
      });
    return () => controller.abort();
  }, [point]);

  const layers = useMemo<MapLayer[]>(
    () => (shapes.data ? [{ id: 'districts', data: shapes.data, style: districtOutline, label: (f) => districtName(f, localized), fit: fitCity }] : []),
    [shapes.data, localized, fitCity],
  );
  const markers = useMemo<MapMarker[]>(() => (point ? [{ id: 'point', lon: point.lon, lat: point.lat, label: t('appeals.place.yourPoint'), tone: 'primary' }] : []), [point, t]);

  const choosePoint = (p: Point, moveMap: boolean) => {
    onPoint(p);
    if (moveMap) setFocus({ ...p, zoom: 16 });
  };

  const runSearch = () => addressSearch.search(address.trim());

  const handleSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches the address instead of sending the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      runSearch();
    }
  };

  const handleChoose = (match: AddressMatch) => {
    onAddress(`${match.street}, ${match.house}`);
    addressSearch.clear();
    choosePoint({ lon: match.lon, lat: match.lat }, true);
  };

  return (
    <div className={`place-picker${error ? ' field-invalid' : ''}`} data-testid="place-picker">
      {error ? (
        <p id="place-error" className="field-error" data-testid="place-error">
          {error}
        </p>
      ) : null}
      <MyLocationButton textKey="appeals.place" testId="use-location" maximumAge={60_000} onLocated={(p) => choosePoint(p, true)} />

      <div className="field">
        <label htmlFor="place-address" className="field-label">
          {t('appeals.place.address')}
        </label>
        <div className="place-search-row">
          <input
            id="place-address"
            className="input"
            type="text"
            autoComplete="off"
            enterKeyHint="search"
            maxLength={300}
            value={address}
            onChange={(e) => onAddress(e.target.value)}
            onKeyDown={handleSearchKey}
            aria-describedby={`place-address-hint${error ? ' place-error' : ''}`}
            aria-invalid={error ? true : undefined}
          />
          <button type="button" className="button button-secondary" onClick={runSearch} data-testid="address-search">
            {t('appeals.place.search')}
          </button>
        </div>
        <p id="place-address-hint" className="field-hint">
          {t('appeals.place.addressHint')}
        </p>
      </div>
      <div role="status" aria-live="polite" className="small">
        {search.name === 'searching' ? <Spinner label={t('appeals.place.searching')} showLabel /> : null}
        {search.name === 'done' ? (search.items.length ? t('appeals.place.found', { count: search.items.length }) : t('appeals.place.notFound')) : null}
      </div>
      {search.name === 'failed' ? (
        <p className="alert alert-error" role="alert">
          {search.error.unreachable ? t('appeals.place.searchUnreachable') : t('appeals.place.searchFailed')}
        </p>
      ) : null}
      {search.name === 'done' && search.items.length ? (
        <ul className="place-results" aria-label={t('appeals.place.results')}>
          {search.items.map((m) => (
            <li key={`${m.street}|${m.house}|${m.lat}|${m.lon}`}>
              <button type="button" className="place-result" onClick={() => handleChoose(m)} data-testid="address-result">
                <span className="place-result-main">
                  {m.street}, {m.house}
                </span>
                <span className="small muted">
                  {m.precinct ? t('appeals.place.inPrecinct', { name: `${m.precinct.code} · ${labels.localized(m.precinct.name)}` }) : t('appeals.place.noPrecinct')}
                  {m.exact ? '' : ` · ${t('appeals.place.approximate')}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <p className="field-hint" id="place-map-hint">
        {t('appeals.place.mapHint')}
      </p>
      <div className="place-map" data-testid="place-map">
        <CityMap label={t('appeals.place.mapLabel')} layers={layers} markers={markers} focus={focus} onMapClick={(p) => choosePoint(p, false)} height="min(55vh, 360px)" />
      </div>

      <div className="place-summary" role="status" aria-live="polite" data-testid="place-summary">
        {point ? (
          <>
            <ChosenPoint point={point} onClear={() => onPoint(null)} textKey="appeals.place" />
            {located.name === 'locating' ? <Spinner label={t('appeals.place.finding')} showLabel /> : null}
            {located.name === 'found' ? (
              <p data-testid="place-precinct">
                <PrecinctLine name={labels.localized(located.result.precinct.name)} code={located.result.precinct.code} district={labels.localized(located.result.precinct.district.name)} />
              </p>
            ) : null}
            {located.name === 'outside' ? (
              <p className="alert alert-warning" data-testid="place-outside">
                {t('appeals.place.outside')}
              </p>
            ) : null}
            {located.name === 'failed' ? <p className="muted">{t('appeals.place.locateFailed')}</p> : null}
          </>
        ) : precinctId ? (
          <p>{t('appeals.place.fromInspector', { precinct: precinctId })}</p>
        ) : (
          <p className="muted">{t('appeals.place.none')}</p>
        )}
      </div>
      <p className="field-hint">{t('appeals.place.privacy')}</p>
    </div>
  );
}
