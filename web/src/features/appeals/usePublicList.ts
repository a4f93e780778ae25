import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { APPEAL_KINDS, APPEAL_STATUSES, type AppealKind, type AppealStatus, type PublicAppealListQuery } from '../../api/appeals.contract';
import { useQuery } from '../../api/useQuery';
import { appealsApi } from './appeals.api';
import type { AppealFilterValues } from './AppealFilters';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (value && (list as readonly string[]).includes(value) ? (value as T) : undefined);

/** The public list, its filters and page held in the address so that a filtered view can be shared. */
export function usePublicList(fixed: Partial<PublicAppealListQuery> = {}, defaultSort: 'recent' | 'support' = 'recent') {
  const [params, setParams] = useSearchParams();
  const kind = fixed.kind ?? oneOf<AppealKind>(APPEAL_KINDS, params.get('kind'));
  const status = oneOf<AppealStatus>(APPEAL_STATUSES, params.get('status'));
  const category = params.get('category') ?? undefined;
  const district = params.get('district') ?? undefined;
  const sort = oneOf(['recent', 'support'] as const, params.get('sort')) ?? defaultSort;
  const page = Math.max(1, Math.min(1000, Number(params.get('page')) || 1));
  const query: PublicAppealListQuery = { ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...(category ? { category } : {}), ...(district ? { district } : {}), sort, page };
  const list = useQuery((signal) => appealsApi.list(query, signal), [kind, status, category, district, sort, page]);

  const values: AppealFilterValues = { kind: kind ?? '', category: category ?? '', status: status ?? '', district: district ?? '', sort };

  const update = useCallback(
    (next: Partial<AppealFilterValues> & { page?: number }) => {
      setParams(
        (current) => {
          const p = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            if (value === '' || value === undefined || (key === 'page' && value === 1)) p.delete(key);
            else p.set(key, String(value));
          }
          // A filter change starts again at the first page.
          if (!('page' in next)) p.delete('page');
          return p;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { list, values, page, update, reset };
}
