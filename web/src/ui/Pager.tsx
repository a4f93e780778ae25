import { Link } from 'react-router';

export interface PagerLabels {
  /** The name of the navigation landmark. */
  nav: string;
  previous: string;
  next: string;
  /** "Page 2 of 7". */
  status: (page: number, pages: number) => string;
}

interface PagerBaseProps {
  page: number;
  pageSize: number;
  total: number;
  labels: PagerLabels;
}

/** Each page has its own address: links, and no link past either end (a link cannot be disabled). */
interface LinkPagerProps extends PagerBaseProps {
  hrefFor: (page: number) => string;
  onPage?: never;
}

/** The page is a state of the view: buttons, disabled at the ends, and the new page read out. */
interface ButtonPagerProps extends PagerBaseProps {
  onPage: (page: number) => void;
  hrefFor?: never;
}

export type PagerProps = LinkPagerProps | ButtonPagerProps;

/** Previous / next with "page 2 of 7": enough for a list read on a phone. Nothing for a single page. */
export function Pager({ page, pageSize, total, labels, hrefFor, onPage }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1) return null;
  const status = labels.status(page, pages);
  if (hrefFor) {
    return (
      <nav className="pager" aria-label={labels.nav}>
        {page > 1 ? (
          <Link className="button button-secondary button-small" to={hrefFor(page - 1)} rel="prev">
            ← {labels.previous}
          </Link>
        ) : (
          <span />
        )}
        <span className="pager-status">{status}</span>
        {page < pages ? (
          <Link className="button button-secondary button-small" to={hrefFor(page + 1)} rel="next">
            {labels.next} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    );
  }
  return (
    <nav className="pager" aria-label={labels.nav}>
      <button type="button" className="button button-secondary button-small" disabled={page <= 1} onClick={() => onPage?.(page - 1)}>
        ← {labels.previous}
      </button>
      <span className="pager-status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="button button-secondary button-small" disabled={page >= pages} onClick={() => onPage?.(page + 1)}>
        {labels.next} →
      </button>
    </nav>
  );
}
