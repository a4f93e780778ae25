import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { FINAL_STATUSES, type AppealStatus, type PublicAppeal } from '../api/appeals.contract';
import { useQuery } from '../api/useQuery';
import { AdoptionNote, AdvertStatus, PhotoGallery } from '../features/appeals/AppealFacts';
import { AppealPlaceMap } from '../features/appeals/AppealPlaceMap';
import { AppealTimeline } from '../features/appeals/AppealTimeline';
import { appealPaths, appealsApi } from '../features/appeals/appeals.api';
import { ContestForm } from '../features/appeals/ContestForm';
import { MaskedText } from '../features/appeals/MaskedText';
import { saveMyAppeal, useMyAppeals } from '../features/appeals/myAppeals';
import { RatingForm } from '../features/appeals/RatingForm';
import { StatusBadge } from '../features/appeals/StatusBadge';
import { StatusStepper } from '../features/appeals/StatusStepper';
import { SupportBox } from '../features/appeals/SupportBox';
import { TrackByCode } from '../features/appeals/TrackByCode';
import { useAppealLabels } from '../features/appeals/useAppealLabels';
import { useLocale } from '../i18n/useLocale';
import { Badge } from '../ui/Badge';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

/** A resident follows an appeal by its code: status, deadline, timeline, answer; with the key, rates or contests it. */
export function AppealTrackPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { find } = useMyAppeals();
  const appeal = useQuery((signal) => appealsApi.get(code, signal), [code]);
  usePageTitle(appeal.data ? t('appeals.track.titleWithCode', { code: appeal.data.code }) : t('appeals.track.title'));

  // A private link carries the key: keep it in this browser and take it out of the address bar.
  const keyInUrl = params.get('key');
  useEffect(() => {
    if (!keyInUrl || !appeal.data) return;
    saveMyAppeal({ code: appeal.data.code, key: keyInUrl, kind: appeal.data.kind, category: appeal.data.category });
    const next = new URLSearchParams(params);
    next.delete('key');
    setParams(next, { replace: true });
  }, [keyInUrl, appeal.data, params, setParams]);

  const mine = appeal.data ? find(appeal.data.code) : undefined;

  return (
    <div className="page appeal-track">
      <p className="breadcrumbs">
        <Link to={appealPaths.list}>← {t('appeals.list.title')}</Link>
      </p>
      {appeal.loading && !appeal.data ? (
        <>
          <h1>{t('appeals.track.title')}</h1>
          <LoadingState />
        </>
      ) : appeal.error ? (
        <>
          <h1>{t('appeals.track.title')}</h1>
          {appeal.error.status === 404 ? (
            <div className="stack" data-testid="appeal-not-found">
              <p className="alert alert-warning" role="alert">
                {t('appeals.track.notFound', { code })}
              </p>
              <TrackByCode initial={code} />
            </div>
          ) : (
            <ProblemAlert error={appeal.error} onRetry={appeal.reload} />
          )}
        </>
      ) : appeal.data ? (
        <AppealDetail appeal={appeal.data} residentKey={mine?.key ?? keyInUrl ?? undefined} surveyUrl={mine?.surveyUrl} reload={appeal.reload} stale={appeal.loading} />
      ) : null}
    </div>
  );
}

const CONTESTABLE: readonly AppealStatus[] = ['answered', 'closed', 'declined', 'not_competent'];

interface AppealDetailProps {
  appeal: PublicAppeal;
  residentKey: string | undefined;
  surveyUrl: string | undefined;
  reload: () => void;
  stale: boolean;
}

function AppealDetail({ appeal, residentKey, surveyUrl, reload, stale }: AppealDetailProps) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const labels = useAppealLabels();
  const reached = useMemo(() => new Set(appeal.timeline.map((e) => e.status).filter((s): s is AppealStatus => s !== null)), [appeal.timeline]);
  const answeredOrLater = appeal.status === 'answered' || appeal.status === 'closed';
  // The resident may contest an answer or a refusal once (a supervisor then reviews it).
  const contestable = CONTESTABLE.includes(appeal.status) && !appeal.contested;
  const residentActions = residentKey !== undefined && (answeredOrLater || contestable || appeal.contested || appeal.rating !== null);
  const finished = FINAL_STATUSES.includes(appeal.status);

  return (
    <article className={stale ? 'is-stale' : undefined} aria-busy={stale} data-testid="appeal-detail">
      <header className="page-header">
        <h1>
          {labels.kind(appeal.kind)}{' '}
          <span className="appeal-code" data-testid="appeal-code">
            {appeal.code}
          </span>
        </h1>
        <p className="appeal-kicker">{labels.localized(appeal.category.name)}</p>
        <div className="badges">
          <StatusBadge status={appeal.status} />
          {appeal.overdue ? (
            <Badge tone="danger" icon="!" testId="appeal-overdue">
              {t('appeals.track.overdue')}
            </Badge>
          ) : null}
          {appeal.contested ? (
            <Badge tone="accent" icon="↺">
              {t('appeals.track.contested')}
            </Badge>
          ) : null}
          {residentKey ? (
            <Badge tone="teal" icon="●">
              {t('appeals.track.yours')}
            </Badge>
          ) : null}
        </div>
      </header>
      {appeal.synthetic ? <DemoNotice>{t('appeals.demo.appeal')}</DemoNotice> : null}

      <section className="card section appeal-status-card" aria-labelledby="status-title">
        <h2 id="status-title">{t('appeals.track.statusTitle')}</h2>
        <StatusStepper status={appeal.status} reached={reached} />
        {appeal.statusReason ? (
          <div className="status-reason" data-testid="status-reason">
            <p className="small">
              <strong>{t(appeal.status === 'not_competent' ? 'appeals.track.competentBody' : 'appeals.track.reason')}</strong>
            </p>
            <MaskedText text={appeal.statusReason} />
          </div>
        ) : null}
        {appeal.duplicateOf ? (
          <p>
            {t('appeals.track.duplicateOf')} <Link to={appealPaths.track(appeal.duplicateOf)}>{appeal.duplicateOf}</Link>
          </p>
        ) : null}
        <dl className="appeal-facts">
          <div>
            <dt>{t('appeals.track.submitted')}</dt>
            <dd>{formatDate(appeal.createdAt, true)}</dd>
          </div>
          <div className={appeal.overdue ? 'is-overdue' : undefined} data-testid="appeal-deadline">
            <dt>{t('appeals.track.deadline')}</dt>
            <dd>
              {formatDate(appeal.deadlineAt)}
              {appeal.overdue ? <strong className="overdue-text"> — {t('appeals.track.overdueLong')}</strong> : finished ? null : <span className="muted"> — {t('appeals.track.deadlineHint')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('appeals.track.unit')}</dt>
            <dd>{appeal.unit ? labels.unit(appeal.unit, appeal.precinct) : t('appeals.track.unrouted')}</dd>
          </div>
          {appeal.precinct && appeal.unit !== `precinct:${appeal.precinct.id}` ? (
            <div>
              <dt>{t('appeals.track.precinct')}</dt>
              <dd>
                {appeal.precinct.code} · {labels.localized(appeal.precinct.name)}
              </dd>
            </div>
          ) : null}
          {appeal.districtId ? (
            <div>
              <dt>{t('appeals.track.district')}</dt>
              <dd>{labels.district(appeal.districtId)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {appeal.advert ? (
        <section className="card section" aria-labelledby="advert-title">
          <h2 id="advert-title">{t('appeals.advert.title')}</h2>
          <AdvertStatus advert={appeal.advert} />
        </section>
      ) : null}

      <section className="card section" aria-labelledby="answer-title" data-testid="appeal-answer">
        <h2 id="answer-title">{t('appeals.track.answerTitle')}</h2>
        {appeal.answer ? (
          <>
            {appeal.answeredAt ? <p className="muted small">{t('appeals.track.answeredAt', { date: formatDate(appeal.answeredAt, true) })}</p> : null}
            <MaskedText text={appeal.answer} className="appeal-answer-text" />
          </>
        ) : (
          <p className="muted">{finished ? t('appeals.track.noAnswerFinal') : t('appeals.track.noAnswerYet', { date: formatDate(appeal.deadlineAt) })}</p>
        )}
        {residentActions && residentKey ? (
          <div className="stack appeal-resident-actions">
            {answeredOrLater || appeal.rating !== null ? (
              <RatingForm code={appeal.code} residentKey={residentKey} rating={appeal.rating} surveyUrl={surveyUrl} onRated={reload} />
            ) : null}
            {appeal.contested ? (
              <p className="alert alert-info" data-testid="contested-note">
                {t('appeals.contest.done')}
              </p>
            ) : contestable ? (
              <div className="contest">
                <h3>{t('appeals.contest.title')}</h3>
                <p className="small">{t('appeals.contest.lead')}</p>
                <ContestForm code={appeal.code} residentKey={residentKey} onContested={reload} />
              </div>
            ) : null}
          </div>
        ) : answeredOrLater || contestable ? (
          <p className="muted small">
            {appeal.rating !== null ? `${t('appeals.rating.public', { rating: appeal.rating })} ` : null}
            {t('appeals.track.keyNeeded')}
          </p>
        ) : null}
      </section>

      {appeal.kind === 'proposal' ? (
        <section className="card section" aria-labelledby="support-title">
          <h2 id="support-title">{t('appeals.support.title')}</h2>
          {appeal.adopted ? <AdoptionNote adopted={appeal.adopted} /> : null}
          <SupportBox code={appeal.code} supportCount={appeal.supportCount} />
        </section>
      ) : null}

      <section className="card section" aria-labelledby="text-title">
        <h2 id="text-title">{appeal.kind === 'proposal' ? t('appeals.track.proposalTitle') : t('appeals.track.textTitle')}</h2>
        {appeal.description ? (
          <MaskedText text={appeal.description} />
        ) : (
          <p className="muted" data-testid="text-withheld">
            {t(appeal.textWithheld === 'category' ? 'appeals.track.withheldCategory' : 'appeals.track.withheldHidden')}
          </p>
        )}
        {appeal.description ? <p className="muted small">{t('appeals.track.maskedNote')}</p> : null}
        {appeal.photos.length ? <PhotoGallery photos={appeal.photos} /> : null}
      </section>

      {appeal.place ? (
        <section className="card section" aria-labelledby="place-title">
          <h2 id="place-title">{t('appeals.track.placeTitle')}</h2>
          <p data-testid="appeal-place">
            {t('appeals.track.placeText', { lat: appeal.place.lat.toFixed(3), lon: appeal.place.lon.toFixed(3) })}
            {appeal.precinct ? ` · ${appeal.precinct.code} · ${labels.localized(appeal.precinct.name)}` : ''}
          </p>
          <AppealPlaceMap place={appeal.place} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('appeals.track.timelineTitle')}</h2>
        <AppealTimeline events={appeal.timeline} precinct={appeal.precinct} />
      </section>
    </article>
  );
}
