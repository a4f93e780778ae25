import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppealCategory, AppealReceipt } from '../../api/appeals.contract';
import { useLocale } from '../../i18n/useLocale';
import { CopyButton } from '../../ui/CopyButton';
import { appealPaths } from './appeals.api';
import { StatusBadge } from './StatusBadge';
import { useAppealLabels } from './useAppealLabels';

export interface AppealReceiptViewProps {
  receipt: AppealReceipt;
  category: AppealCategory;
  onAnother: () => void;
}

/**
 * After sending: the tracking code, large, to copy or write down; the secret key, shown once, with
 * what it is for; both kept in this browser's "my appeals"; and the way to follow the appeal.
 */
export function AppealReceiptView({ receipt, category, onAnother }: AppealReceiptViewProps) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const labels = useAppealLabels();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const privateLink = `${window.location.origin}${appealPaths.track(receipt.code)}?key=${encodeURIComponent(receipt.residentKey)}`;

  useEffect(() => {
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, []);

  return (
    <section className="appeal-receipt" aria-labelledby="receipt-title" data-testid="appeal-receipt">
      <h2 id="receipt-title" ref={headingRef} tabIndex={-1}>
        {category.kind === 'proposal' ? t('appeals.receipt.titleProposal') : t('appeals.receipt.title')}
      </h2>
      <div className="card receipt-code-card">
        <p className="receipt-label" id="receipt-code-label">
          {t('appeals.receipt.code')}
        </p>
        <p className="receipt-code" aria-labelledby="receipt-code-label" data-testid="receipt-code">
          {receipt.code}
        </p>
        <div className="button-row">
          <CopyButton value={receipt.code} label={t('appeals.receipt.copyCode')} />
          <Link to={appealPaths.track(receipt.code)} className="button button-primary" data-testid="receipt-follow">
            {t('appeals.receipt.follow')}
          </Link>
        </div>
        <dl className="receipt-facts">
          <div>
            <dt>{t('appeals.receipt.status')}</dt>
            <dd>
              <StatusBadge status={receipt.status} />
            </dd>
          </div>
          <div>
            <dt>{t('appeals.receipt.deadline')}</dt>
            <dd>{formatDate(receipt.deadlineAt)}</dd>
          </div>
          <div>
            <dt>{t('appeals.receipt.unit')}</dt>
            <dd>{receipt.unit ? labels.unit(receipt.unit, receipt.precinct) : t('appeals.receipt.unrouted')}</dd>
          </div>
        </dl>
      </div>

      <div className="card receipt-key-card" data-testid="receipt-key-card">
        <h3>{t('appeals.receipt.keyTitle')}</h3>
        <p className="receipt-key">
          <code data-testid="receipt-key">{receipt.residentKey}</code>
        </p>
        <p>{t('appeals.receipt.keyExplain')}</p>
        <p className="muted small">{t('appeals.receipt.keyStored')}</p>
        <div className="button-row">
          <CopyButton value={receipt.residentKey} label={t('appeals.receipt.copyKey')} />
          <CopyButton value={privateLink} label={t('appeals.receipt.copyPrivateLink')} />
        </div>
        <p className="muted small">{t('appeals.receipt.privateLinkWarning')}</p>
      </div>

      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t('appeals.receipt.another')}
        </button>
        <Link to={appealPaths.list}>{t('appeals.receipt.myAppeals')}</Link>
      </div>
    </section>
  );
}
