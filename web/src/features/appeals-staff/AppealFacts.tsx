import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { AppealStatusBadge, OverdueBadge } from './AppealBadges';
import type { StaffAppeal } from './appeals-staff.types';
import type { useAppealLabels } from './useAppealLabels';

export interface AppealFactsProps {
  appeal: StaffAppeal;
  labels: ReturnType<typeof useAppealLabels>;
}

/** What the appeal is, where it stands and who has it. */
export function AppealFacts({ appeal, labels }: AppealFactsProps) {
  const { t } = useTranslation();
  const { localized, formatDate, formatNumber } = useLocale();
  return (
    <dl className="meta sa-facts" data-testid="appeal-facts">
      <div>
        <dt>{t('appealsStaff.facts.category')}</dt>
        <dd>
          {localized(appeal.category.name) || labels.category(appeal.category.code)}
          <span className="muted small"> · {t(`appealsStaff.kind.${appeal.kind}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('appealsStaff.facts.status')}</dt>
        <dd>
          <AppealStatusBadge status={appeal.status} />
          {appeal.statusReason ? <p className="small sa-status-reason">{appeal.statusReason}</p> : null}
        </dd>
      </div>
      <div>
        <dt>{t('appealsStaff.facts.unit')}</dt>
        <dd data-testid="appeal-unit">{labels.unit(appeal.unit)}</dd>
      </div>
      <div>
        <dt>{t('appealsStaff.facts.precinct')}</dt>
        <dd>
          {appeal.precinct ? `${appeal.precinct.code} · ${localized(appeal.precinct.name)}` : t('appealsStaff.facts.noPrecinct')}
          {!appeal.precinct && appeal.districtId ? <span className="muted small"> · {labels.district(appeal.districtId)}</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t('appealsStaff.facts.created')}</dt>
        <dd>{formatDate(appeal.createdAt, true)}</dd>
      </div>
      <div>
        <dt>{t('appealsStaff.facts.deadline')}</dt>
        <dd>
          <span className={appeal.overdue ? 'sa-overdue-date' : undefined}>{formatDate(appeal.deadlineAt)}</span> {appeal.overdue ? <OverdueBadge /> : null}
        </dd>
      </div>
      <div>
        <dt>{t('appealsStaff.facts.source')}</dt>
        <dd>{t(`appealsStaff.source.${appeal.source}`)}</dd>
      </div>
      {appeal.kind === 'proposal' ? (
        <div>
          <dt>{t('appealsStaff.facts.support')}</dt>
          <dd>{formatNumber(appeal.supportCount)}</dd>
        </div>
      ) : null}
      {appeal.answeredAt ? (
        <div>
          <dt>{t('appealsStaff.facts.answered')}</dt>
          <dd>{formatDate(appeal.answeredAt, true)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('appealsStaff.facts.rating')}</dt>
        <dd data-testid="appeal-rating">
          {appeal.rating !== null ? (
            <span className="sa-rating" aria-label={t('appealsStaff.facts.ratingValue', { rating: appeal.rating })}>
              <span aria-hidden="true">{'★'.repeat(appeal.rating)}{'☆'.repeat(Math.max(0, 5 - appeal.rating))}</span> {appeal.rating}/5
            </span>
          ) : (
            <span className="muted">{t('appealsStaff.facts.noRating')}</span>
          )}
        </dd>
      </div>
      {appeal.contested ? (
        <div>
          <dt>{t('appealsStaff.facts.contested')}</dt>
          <dd className="sa-contest">{appeal.contestReason ?? t('appealsStaff.facts.contestedNoReason')}</dd>
        </div>
      ) : null}
      {appeal.duplicateOf ? (
        <div>
          <dt>{t('appealsStaff.facts.duplicateOf')}</dt>
          <dd>
            <Link to={`/staff/appeals/${encodeURIComponent(appeal.duplicateOf)}`}>{appeal.duplicateOf}</Link>
          </dd>
        </div>
      ) : null}
      {appeal.advert ? (
        <div>
          <dt>{t('appealsStaff.facts.advert')}</dt>
          <dd data-testid="appeal-advert">
            {t(`appealsStaff.advert.${appeal.advert.kind}`)}
            {' · '}
            {appeal.advert.removedAt
              ? t('appealsStaff.advert.removed', { date: formatDate(appeal.advert.removedAt) })
              : t('appealsStaff.advert.notRemoved')}
            {appeal.advert.evidence ? <p className="small">{t('appealsStaff.advert.evidence', { evidence: appeal.advert.evidence })}</p> : null}
          </dd>
        </div>
      ) : null}
      {appeal.adopted ? (
        <div>
          <dt>{t('appealsStaff.facts.adopted')}</dt>
          <dd data-testid="appeal-adopted">
            {t(`appealsStaff.adopt.kinds.${appeal.adopted.kind}`)}: <strong>{appeal.adopted.ref}</strong>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
