import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const ITEM = /^\s*п\.?\s*(\d{1,3})\s*$/i;

/** The report item(s) a figure comes from ("п.3", "п.3, п.6"), each linked to its recommendation. */
export function SourceItem({ item }: { item: string | null | undefined }) {
  const { t } = useTranslation();
  if (!item) return null;
  const parts = item.split(/[,;]/).map((part) => part.trim()).filter(Boolean);
  return (
    <span className="source-items">
      {parts.map((part, index) => {
        const match = ITEM.exec(part);
        const number = match ? Number(match[1]) : null;
        return (
          <Fragment key={part}>
            {index > 0 ? ', ' : null}
            {number !== null ? (
              <Link to={`/recommendations/${number}`} className="source-item" title={t('scorecards.source.itemTitle', { number })} data-testid="source-item">
                {t('scorecards.source.item', { number })}
              </Link>
            ) : (
              <span className="source-item">{part}</span>
            )}
          </Fragment>
        );
      })}
    </span>
  );
}
