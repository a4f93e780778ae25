import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { InspectorCard, PrecinctSummary } from '../../api/precincts.contract';
import { useQuery } from '../../api/useQuery';
import { saveLastPrecinct } from './lastPrecinct';
import { isOutsideCity, precinctsApi } from './precincts.api';
import { parsePoint } from './precincts.format';

/** How the resident asked: it decides whether the map moves to the point and whether focus moves to the answer. */
export type FinderSource = 'address' | 'map' | 'location' | 'list' | 'saved';

export type FinderAnswer =
  | { kind: 'found'; precinct: PrecinctSummary; inspectors: InspectorCard[]; point: { lat: number; lon: number } | null }
  | { kind: 'outside'; point: { lat: number; lon: number } };

/**
 * The finder's question lives in the address bar (`?lat=&lon=[&address=]` or `?precinct=`), so an answer can be
 * shared, reloaded and gone back to; the answer is loaded from it.
 */
export function useFinder() {
  const [params, setParams] = useSearchParams();
  const latParam = params.get('lat');
  const lonParam = params.get('lon');
  const precinctParam = params.get('precinct');
  const point = useMemo(() => parsePoint(latParam, lonParam), [latParam, lonParam]);
  /** The address the resident chose in the search, shown with the answer. */
  const address = point ? params.get('address') : null;
  const [source, setSource] = useState<FinderSource | null>(null);

  const answer = useQuery<FinderAnswer | null>(
    async (signal) => {
      if (point) {
        try {
          const found = await precinctsApi.locate(point, signal);
          return { kind: 'found', precinct: found.precinct, inspectors: found.inspectors, point };
        } catch (error) {
          if (isOutsideCity(error)) return { kind: 'outside', point };
          throw error;
        }
      }
      if (precinctParam) {
        const detail = await precinctsApi.precinct(precinctParam, signal);
        return { kind: 'found', precinct: detail, inspectors: detail.inspectors, point: null };
      }
      return null;
    },
    [point, precinctParam],
  );

  // Remember the last precinct found, on this device only.
  useEffect(() => {
    const data = answer.data;
    if (data?.kind !== 'found') return;
    saveLastPrecinct({ id: data.precinct.id, code: data.precinct.code, name: data.precinct.name, district: data.precinct.district.name, point: data.point });
  }, [answer.data]);

  const locate = useCallback(
    (next: { lat: number; lon: number }, how: FinderSource, addressText?: string) => {
      setSource(how);
      setParams({ lat: next.lat.toFixed(6), lon: next.lon.toFixed(6), ...(addressText ? { address: addressText } : {}) }, { replace: how === 'map' });
    },
    [setParams],
  );
  const choosePrecinct = useCallback(
    (id: string, how: FinderSource = 'list') => {
      setSource(how);
      setParams({ precinct: id });
    },
    [setParams],
  );
  const asked = point !== null || precinctParam !== null;
  return { answer, point, address, asked, source, locate, choosePrecinct };
}
