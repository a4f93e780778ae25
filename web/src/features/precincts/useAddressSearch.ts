import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { AddressMatch } from '../../api/precincts.contract';
import { precinctsApi } from './precincts.api';

/** The register is not searched for fewer characters than this. */
export const ADDRESS_MIN_CHARS = 2;

export type AddressSearchState =
  | { name: 'idle' }
  | { name: 'searching' }
  | { name: 'done'; query: string; items: AddressMatch[] }
  | { name: 'failed'; error: ApiError };

/**
 * Searches the address register, one search at a time: a new search (or `clear`) drops the answer
 * of the one before. A query too short to search is answered at once with no matches.
 */
export function useAddressSearch() {
  const [state, setState] = useState<AddressSearchState>({ name: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  const clear = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setState({ name: 'idle' });
  }, []);

  const search = useCallback((query: string) => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    if (query.length < ADDRESS_MIN_CHARS) {
      setState({ name: 'done', query, items: [] });
      return;
    }
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ name: 'searching' });
    precinctsApi
      .searchAddresses(query, controller.signal)
      .then((answer) => setState({ name: 'done', query, items: answer.items }))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        if (reason instanceof ApiError) setState({ name: 'failed', error: reason });
        else throw reason;
      });
  }, []);

  useEffect(() => () => controllerRef.current?.abort(), []);

  return { state, search, clear };
}
