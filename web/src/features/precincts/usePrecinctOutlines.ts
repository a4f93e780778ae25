import { useQuery } from '../../api/useQuery';
import { precinctsApi } from './precincts.api';

/** Precinct and district outlines for the maps, loaded once per visit. */
export function usePrecinctOutlines() {
  return useQuery(async () => {
    const [precincts, districts] = await Promise.all([precinctsApi.precinctOutlines(), precinctsApi.districtOutlines()]);
    return { precincts, districts };
  }, []);
}
