import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { CrimeDataset } from '../../api/crime-analysis.contract';

/**
 * The dataset a page works on, kept in the address (`?dataset=`) so it survives a reload and can be
 * linked: the one named there when it exists, else the first dataset.
 */
export function useDatasetChoice(datasets: readonly CrimeDataset[] | undefined): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const named = params.get('dataset') ?? '';
  const datasetId = datasets?.some((d) => d.id === named) ? named : (datasets?.[0]?.id ?? named);
  const choose = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id) next.set('dataset', id);
          else next.delete('dataset');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [datasetId, choose];
}
