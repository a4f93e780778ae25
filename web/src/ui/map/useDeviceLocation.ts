import { useState } from 'react';

export type LocationFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';
export type LocationState = { name: 'idle' } | { name: 'asking' } | { name: 'failed'; reason: LocationFailure };

function failureOf(error: GeolocationPositionError): LocationFailure {
  if (error.code === error.PERMISSION_DENIED) return 'denied';
  if (error.code === error.TIMEOUT) return 'timeout';
  return 'unavailable';
}

/**
 * Asks the browser where the device is: `state` says whether it is asking or why it could not tell,
 * `locate` asks and hands the position over. `maximumAge`: how old a position the browser may give, in ms.
 */
export function useDeviceLocation(maximumAge: number) {
  const [state, setState] = useState<LocationState>({ name: 'idle' });

  const locate = (onLocated: (point: { lat: number; lon: number }) => void) => {
    // Browsers offer geolocation only on HTTPS (and localhost).
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setState({ name: 'failed', reason: 'unsupported' });
      return;
    }
    setState({ name: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ name: 'idle' });
        onLocated({ lat: position.coords.latitude, lon: position.coords.longitude });
      },
      (error) => setState({ name: 'failed', reason: failureOf(error) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge },
    );
  };

  return { state, locate };
}
