import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import type { StaffAppeal } from './appeals-staff.types';

/** The resident's full text (staff only), and what the public sees of it. */
export function AppealText({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const publicText =
    appeal.textWithheld === 'hidden'
      ? t('appealsStaff.text.withheldHidden')
      : appeal.textWithheld === 'category'
        ? t('appealsStaff.text.withheldCategory')
        : null;
  return (
    <section className="card" aria-labelledby="appeal-text-title">
      <h2 id="appeal-text-title" className="h3">
        {t('appealsStaff.text.title')}
      </h2>
      <p>
        <Badge tone="danger">
          {t('appealsStaff.text.fullPrivate')}
        </Badge>
      </p>
      <blockquote className="sa-full-text prewrap" data-testid="appeal-full-text">
        {appeal.fullDescription}
      </blockquote>
      <h3 className="h4 sa-public-title">{t('appealsStaff.text.publicTitle')}</h3>
      {publicText ? (
        <p className="muted" data-testid="appeal-public-text">
          {publicText}
        </p>
      ) : (
        <p className="prewrap sa-public-text" data-testid="appeal-public-text">
          {appeal.description ?? '—'}
        </p>
      )}
      <p className="muted small">{t('appealsStaff.text.maskedNote')}</p>
    </section>
  );
}
