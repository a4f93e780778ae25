import { useTranslation } from 'react-i18next';
import { Pager } from '../../ui/Pager';

export interface AppealsPagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** The pager of the public lists (appeals, proposals), in the appeals module's words. */
export function AppealsPager({ page, pageSize, total, onPage }: AppealsPagerProps) {
  const { t } = useTranslation();
  const labels = {
    nav: t('appeals.pager.label'),
    previous: t('appeals.pager.previous'),
    next: t('appeals.pager.next'),
    status: (current: number, pages: number) => t('appeals.pager.status', { page: current, pages }),
  };
  return <Pager page={page} pageSize={pageSize} total={total} labels={labels} onPage={onPage} />;
}
