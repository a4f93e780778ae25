import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicAppealSummary } from '../../api/appeals.contract';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { AdoptionNote } from './AppealFacts';
import { appealPaths } from './appeals.api';
import { splitMasked } from './MaskedText';
import { StatusBadge } from './StatusBadge';
import { SupportBox } from './SupportBox';
import { useAppealLabels } from './useAppealLabels';

const EXCERPT_CHARS = 160;

/** A short excerpt of a masked text, markers kept whole (a cut never splits "[phone]"). */
function Excerpt({ text }: { text: string }) {
  const { t } = useTranslation();
  let left = EXCERPT_CHARS;
  const parts = [];
  for (const [i, part] of splitMasked(text).entries()) {
    if (left <= 0) break;
    if ('marker' in part) {
      parts.push(
        <span key={i} className="masked-chip">
          {t(`appeals.masked.${part.marker}`)}
        </span>,
      );
      left -= 8;
    } else {
      const piece = part.text.length > left ? `${part.text.slice(0, left).trimEnd()}…` : part.text;
      parts.push(<span key={i}>{piece}</span>);
      left -= part.text.length;
    }
  }
  return <>{parts}</>;
}

export interface AppealSummaryListProps {
  items: readonly PublicAppealSummary[];
  /** Proposals show their support count and a support button. */
  withSupport?: boolean;
  /** The heading level of each item's title (the list sits under an h2). */
  headingLevel?: 'h3' | 'h4';
}

export function AppealSummaryList({ items, withSupport = false, headingLevel = 'h3' }: AppealSummaryListProps) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const labels = useAppealLabels();
  const Heading = headingLevel;
  return (
    <ul className="appeal-list" data-testid="appeal-list">
      {items.map((a) => (
        <li key={a.code} className="card appeal-item" data-code={a.code} data-testid="appeal-item">
          {/* The resident's own words name the item; a withheld text leaves the category to name it. */}
          <Heading className="appeal-item-title" id={`appeal-${a.code}`}>
            <Link to={appealPaths.track(a.code)}>{a.description ? <Excerpt text={a.description} /> : labels.localized(a.category.name)}</Link>
          </Heading>
          <p className="appeal-item-meta small muted">
            {labels.kind(a.kind)}
            {a.description ? ` · ${labels.localized(a.category.name)}` : ''} · <span className="appeal-code">{a.code}</span> · {formatDate(a.createdAt)}
            {a.districtId ? ` · ${labels.district(a.districtId)}` : ''}
          </p>
          <div className="badges">
            <StatusBadge status={a.status} />
            {a.overdue ? (
              <Badge tone="danger" icon="!">
                {t('appeals.track.overdue')}
              </Badge>
            ) : null}
            {a.synthetic ? <Badge tone="warning">{t('appeals.demo.short')}</Badge> : null}
          </div>
          {a.description ? null : <p className="muted small">{t(a.textWithheld === 'category' ? 'appeals.track.withheldCategory' : 'appeals.track.withheldHidden')}</p>}
          {a.adopted ? <AdoptionNote adopted={a.adopted} /> : null}
          {withSupport ? <SupportBox code={a.code} supportCount={a.supportCount} idPrefix={`support-${a.code}`} subject={a.code} /> : null}
        </li>
      ))}
    </ul>
  );
}
