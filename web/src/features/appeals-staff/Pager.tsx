import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}

/** Previous / next pages of a list, with where the reader is. */
export function Pager({ page, pageSize, total, hrefFor }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1) return null;
  return (
    <nav className="sa-pager" aria-label={t('appealsStaff.pager.label')}>
      {page > 1 ? (
        <Link className="button button-secondary button-small" to={hrefFor(page - 1)} rel="prev">
          ← {t('appealsStaff.pager.prev')}
        </Link>
      ) : (
        <span />
      )}
      <span className="sa-pager-where">{t('appealsStaff.pager.where', { page, pages })}</span>
      {page < pages ? (
        <Link className="button button-secondary button-small" to={hrefFor(page + 1)} rel="next">
          {t('appealsStaff.pager.next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
