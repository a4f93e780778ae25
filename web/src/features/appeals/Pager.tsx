import { useTranslation } from 'react-i18next';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next with "page 2 of 7": enough for a list read on a phone. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('appeals.pager.label')}>
      <button type="button" className="button button-secondary button-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('appeals.pager.previous')}
      </button>
      <span className="pager-status" aria-live="polite">
        {t('appeals.pager.status', { page, pages })}
      </span>
      <button type="button" className="button button-secondary button-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('appeals.pager.next')} →
      </button>
    </nav>
  );
}
