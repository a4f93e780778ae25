import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { RecommendationFilters } from '../../api/types';

const KEYS = ['status', 'addressee', 'topic', 'q'] as const;
type FilterKey = (typeof KEYS)[number];

/** The list's filters live in the URL query, so a filtered list can be shared and bookmarked. */
export function useRecommendationFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<RecommendationFilters>(() => {
    const result: RecommendationFilters = {};
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);

  const setFilter = useCallback(
    (key: FilterKey, value: string, options: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const active = KEYS.some((key) => !!filters[key]);

  return { filters, setFilter, clear, active };
}

/** A link to the list filtered by one value, keeping nothing else. */
export function filterHref(key: FilterKey, value: string): string {
  return `/recommendations?${new URLSearchParams({ [key]: value }).toString()}`;
}
