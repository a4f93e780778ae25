import { useTranslation } from 'react-i18next';
import type { TowDetail, TowSummary } from '../../api/towing.contract';
import { EmptyState } from '../../ui/EmptyState';
import type { TowPermissions } from './TowActions';
import { TowTable } from './TowTable';

/**
 * The duty officer's list: owners not reached — no contact in the registry, or the SMS failed or expired —
 * whom nobody has called yet, any day of the look-up period.
 */
export function CallList({ items, can, onChanged }: { items: readonly TowSummary[]; can: TowPermissions; onChanged: (tow: TowDetail) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return <EmptyState>{t('towing.callList.empty')}</EmptyState>;
  const synthetic = items.filter((i) => i.synthetic).length;
  return (
    <TowTable
      items={items}
      caption={t('towing.callList.caption', { count: items.length })}
      can={can}
      withDate
      markSynthetic={synthetic > 0 && synthetic < items.length}
      onChanged={onChanged}
      testId="call-list"
      highlightToCall={false}
    />
  );
}
