import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { ActionCard } from '../features/appeals-staff/ActionCard';
import { AdoptForm } from '../features/appeals-staff/AdoptForm';
import { AnswerForm } from '../features/appeals-staff/AnswerForm';
import { AppealContact } from '../features/appeals-staff/AppealContact';
import { AppealFacts } from '../features/appeals-staff/AppealFacts';
import { AppealPhotos } from '../features/appeals-staff/AppealPhotos';
import { AppealPlace } from '../features/appeals-staff/AppealPlace';
import { AppealText } from '../features/appeals-staff/AppealText';
import { AppealTimeline } from '../features/appeals-staff/AppealTimeline';
import { AppealStatusBadge, ContestedBadge, OverdueBadge } from '../features/appeals-staff/AppealBadges';
import { appealsStaffApi } from '../features/appeals-staff/appeals-staff.api';
import type { StaffAppeal } from '../features/appeals-staff/appeals-staff.types';
import { DuplicateSuggestions } from '../features/appeals-staff/DuplicateSuggestions';
import { RemovalForm } from '../features/appeals-staff/RemovalForm';
import { RouteForm } from '../features/appeals-staff/RouteForm';
import { settableStatuses, StatusForm } from '../features/appeals-staff/StatusForm';
import { useAppealLabels, useAppealReference } from '../features/appeals-staff/useAppealLabels';
import { VisibilityForm } from '../features/appeals-staff/VisibilityForm';
import { useLocale } from '../i18n/useLocale';
import { Badge } from '../ui/Badge';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

type ActionName = 'route' | 'status' | 'answer' | 'visibility' | 'removal' | 'adopt' | 'duplicate';

/** One appeal for the staff who handle it: everything about it, and the actions the account may take. */
export function StaffAppealPage() {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const code = useParams().code ?? '';
  const query = useQuery((signal) => appealsStaffApi.appeal(code, signal), [code]);
  const [fresh, setFresh] = useState<StaffAppeal>();
  const [done, setDone] = useState<{ action: ActionName; message: string; code: string }>();
  const { categories, units } = useAppealReference();
  const labels = useAppealLabels(categories.data, units.data);
  const appeal = fresh?.code === code ? fresh : query.data;
  usePageTitle(appeal ? t(`appealsStaff.detail.title.${appeal.kind}`, { code: appeal.code }) : code);

  const handleDone = (action: ActionName) => (updated: StaffAppeal, message: string) => {
    setFresh(updated);
    setDone({ action, message, code: updated.code });
  };
  const doneFor = (action: ActionName) => (done && done.action === action && done.code === code ? done.message : undefined);

  const back = (
    <p className="breadcrumbs">
      <Link to="/staff/appeals">← {t('appealsStaff.queue.title')}</Link>
    </p>
  );

  if (!appeal) {
    return (
      <div className="page sa-appeal-page">
        {back}
        <h1>{t('appealsStaff.detail.loadingTitle', { code })}</h1>
        {query.loading ? <LoadingState /> : null}
        {query.error ? <ProblemAlert error={query.error} onRetry={query.error.status === 404 ? undefined : query.reload} /> : null}
      </div>
    );
  }

  const statuses = settableStatuses(appeal);
  const canRemove = appeal.kind === 'drug_advert' && !appeal.advert?.removedAt && (appeal.allowed.answer || appeal.allowed.supervise);
  const canAdopt = appeal.kind === 'proposal' && !appeal.adopted && appeal.allowed.supervise;
  const anyAction = appeal.allowed.route || statuses.length > 0 || appeal.allowed.answer || appeal.allowed.supervise || canRemove || canAdopt;

  // The action the appeal's kind is about comes first: removal for drug adverts, adoption for proposals.
  const actionCards = {
    answer: (
      <ActionCard id="action-answer" title={t('appealsStaff.answer.title')} intro={t('appealsStaff.answer.intro')} available={appeal.allowed.answer} done={doneFor('answer')}>
        <AnswerForm appeal={appeal} onDone={handleDone('answer')} />
      </ActionCard>
    ),
    route: (
      <ActionCard id="action-route" title={t('appealsStaff.route.title')} intro={t('appealsStaff.route.intro', { unit: labels.unit(appeal.unit) })} available={appeal.allowed.route} done={doneFor('route')}>
        {units.error ? <ProblemAlert error={units.error} onRetry={units.reload} /> : null}
        {units.loading && !units.data ? <LoadingState /> : null}
        {units.data ? <RouteForm appeal={appeal} units={units.data} unitLabel={labels.unit} district={labels.district} onDone={handleDone('route')} /> : null}
      </ActionCard>
    ),
    status: (
      <ActionCard id="action-status" title={t('appealsStaff.statusForm.title')} available={statuses.length > 0} done={doneFor('status')}>
        <StatusForm key={`${appeal.code}-${appeal.status}`} appeal={appeal} onDone={handleDone('status')} />
      </ActionCard>
    ),
    removal: (
      <ActionCard id="action-removal" title={t('appealsStaff.removal.title')} intro={t('appealsStaff.removal.intro')} available={canRemove} done={doneFor('removal')}>
        <RemovalForm appeal={appeal} onDone={handleDone('removal')} />
      </ActionCard>
    ),
    adopt: (
      <ActionCard id="action-adopt" title={t('appealsStaff.adopt.title')} intro={t('appealsStaff.adopt.intro')} available={canAdopt} done={doneFor('adopt')}>
        <AdoptForm appeal={appeal} onDone={handleDone('adopt')} />
      </ActionCard>
    ),
    visibility: (
      <ActionCard id="action-visibility" title={t('appealsStaff.visibility.title')} intro={t('appealsStaff.visibility.intro')} available={appeal.allowed.supervise} done={doneFor('visibility')}>
        <VisibilityForm appeal={appeal} onDone={handleDone('visibility')} />
      </ActionCard>
    ),
  };
  const order: (keyof typeof actionCards)[] =
    appeal.kind === 'drug_advert'
      ? ['removal', 'answer', 'route', 'status', 'visibility', 'adopt']
      : appeal.kind === 'proposal'
        ? ['adopt', 'answer', 'route', 'status', 'visibility', 'removal']
        : ['answer', 'route', 'status', 'visibility', 'removal', 'adopt'];

  return (
    <div className="page sa-appeal-page" data-testid="staff-appeal" data-status={appeal.status}>
      {back}
      <header className="page-header sa-header">
        <h1>{t(`appealsStaff.detail.title.${appeal.kind}`, { code: appeal.code })}</h1>
        <p className="badges">
          <AppealStatusBadge status={appeal.status} />
          {appeal.overdue ? <OverdueBadge /> : null}
          {appeal.contested ? <ContestedBadge /> : null}
          {appeal.hidden ? (
            <Badge tone="muted" icon="◌">
              {t('appealsStaff.flags.hidden')}
            </Badge>
          ) : null}
          {appeal.source === 'open311' ? <Badge tone="info">{t('appealsStaff.source.open311')}</Badge> : null}
        </p>
        <p>
          <Link to={`/appeals/${encodeURIComponent(appeal.code)}`}>{t('appealsStaff.detail.publicPage')}</Link>
        </p>
      </header>
      {appeal.synthetic ? <DemoNotice>{t('appealsStaff.demo.appeal')}</DemoNotice> : null}
      {query.error ? <ProblemAlert error={query.error} onRetry={query.reload} /> : null}

      <div className="sa-layout">
        <div className="sa-side">
          <section className="card" aria-labelledby="appeal-facts-title">
            <h2 id="appeal-facts-title" className="h3">
              {t('appealsStaff.facts.title')}
            </h2>
            <AppealFacts appeal={appeal} labels={labels} />
          </section>
          <AppealContact contact={appeal.contact} />
        </div>

        <div className="sa-main">
          <AppealText appeal={appeal} />
          <AppealPhotos code={appeal.code} photos={appeal.photos} />
          <AppealPlace appeal={appeal} district={labels.district} />
          {appeal.answer ? (
            <section className="card sa-answer" aria-labelledby="appeal-answer-title" data-testid="appeal-answer">
              <h2 id="appeal-answer-title" className="h3">
                {t('appealsStaff.answer.current')}
              </h2>
              <p className="prewrap">{appeal.answer}</p>
              {appeal.answeredAt ? <p className="muted small">{t('appealsStaff.answer.at', { date: formatDate(appeal.answeredAt, true) })}</p> : null}
            </section>
          ) : null}
          {appeal.duplicates.length > 0 || doneFor('duplicate') ? (
            <DuplicateSuggestions appeal={appeal} canMark={statuses.includes('duplicate')} done={doneFor('duplicate')} onDone={handleDone('duplicate')} />
          ) : null}

          <section className="sa-actions" aria-labelledby="appeal-actions-title">
            <h2 id="appeal-actions-title">{t('appealsStaff.detail.actions')}</h2>
            {!anyAction && !done ? <p className="muted">{t('appealsStaff.detail.noActions')}</p> : null}
            {order.map((name) => (
              <Fragment key={name}>{actionCards[name]}</Fragment>
            ))}
          </section>

          <section className="sa-history" aria-labelledby="appeal-history-title">
            <h2 id="appeal-history-title">{t('appealsStaff.timeline.title')}</h2>
            <AppealTimeline events={appeal.internalTimeline} unit={labels.unit} />
          </section>
        </div>
      </div>
    </div>
  );
}
