import { useTranslation } from 'react-i18next';
import { useDeviceLocation } from '../../ui/map/useDeviceLocation';
import { Spinner } from '../../ui/Spinner';

export interface UseMyLocationProps {
  onLocated: (point: { lat: number; lon: number }) => void;
}

/** "Use my location": asks the browser, and explains plainly when the answer is no. */
export function UseMyLocation({ onLocated }: UseMyLocationProps) {
  const { t } = useTranslation();
  const { state, locate } = useDeviceLocation(60_000);

  return (
    <div className="use-location">
      <button type="button" className="button button-secondary" onClick={() => locate(onLocated)} disabled={state.name === 'asking'} data-testid="use-location">
        <svg className="use-location-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="12" cy="12" r="2.5" fill="currentColor" />
          <path d="M12 1v4M12 19v4M1 12h4M19 12h4" stroke="currentColor" strokeWidth="2" />
        </svg>
        {t('precincts.finder.useLocation')}
      </button>
      <div role="status" aria-live="polite" className="small">
        {state.name === 'asking' ? <Spinner label={t('precincts.finder.locating')} showLabel /> : null}
      </div>
      {state.name === 'failed' ? (
        <div className="alert alert-warning" role="alert" data-testid="location-failed">
          <p className="alert-title">{t(`precincts.finder.location.${state.reason}.title`)}</p>
          <p>{t(`precincts.finder.location.${state.reason}.detail`)}</p>
        </div>
      ) : null}
    </div>
  );
}
