import { useQuery } from '../../api/useQuery';
import { referenceApi } from './reference.api';

export function useDistricts() {
  return useQuery(() => referenceApi.districts().then((r) => r.items), []);
}

export function useCommissions() {
  return useQuery(() => referenceApi.commissions().then((r) => r.items), []);
}

export function usePeriods() {
  return useQuery(() => referenceApi.periods().then((r) => r.items), []);
}
