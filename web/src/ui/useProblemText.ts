import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type ru from '../i18n/ru.json';

type ProblemKey = `problems.${keyof typeof ru.problems}`;

/**
 * The title to show for a problem: ours, in the reader's language, for every code of the
 * server's catalogue; the server's own title otherwise. The detail stays the server's.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: ApiError): { title: string; detail: string | undefined } => {
      const { problem } = error;
      if (error.unreachable) return { title: t('errors.unreachable.title'), detail: t('errors.unreachable.detail') };
      const key = `problems.${error.code}`;
      const title = error.code && i18n.exists(key) ? t(key as ProblemKey) : problem.title || t('errors.generic', { status: problem.status });
      const detail = problem.detail && problem.detail !== problem.title && problem.detail !== title ? problem.detail : undefined;
      return { title, detail };
    },
    [t, i18n],
  );
}
