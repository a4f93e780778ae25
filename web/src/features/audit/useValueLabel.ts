import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_STATUSES, ROLES, VERDICTS, type RecommendationStatus, type Role, type Verdict } from '../../api/types';

const isStatus = (v: unknown): v is RecommendationStatus => RECOMMENDATION_STATUSES.includes(v as RecommendationStatus);
const isVerdict = (v: unknown): v is Verdict => VERDICTS.includes(v as Verdict);
const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);

/** Shows status, verdict and role codes in audit diffs as the words people read elsewhere. */
export function useValueLabel() {
  const { t } = useTranslation();
  return useCallback(
    (key: string, value: unknown): string | undefined => {
      if (/status/i.test(key) && isStatus(value)) return t(`status.${value}`);
      if (/verdict/i.test(key) && isVerdict(value)) return t(`verdict.${value}`);
      if (/role/i.test(key) && isRole(value)) return t(`roles.${value}`);
      return undefined;
    },
    [t],
  );
}
