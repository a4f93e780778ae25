import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TowDetail } from '../api/towing.contract';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../features/auth/AuthProvider';
import { hasRole } from '../features/auth/roles';
import { useDistricts } from '../features/reference/useReference';
import { TowActions } from '../features/towing/TowActions';
import { MessageTimeline, TowFacts, TowPhotos, TowPlaceMap } from '../features/towing/TowDetailView';
import { TOW_FOLLOWERS, TOW_OPERATORS, towingApi, towingPaths } from '../features/towing/towing.api';
import { useLiveQuery } from '../features/towing/useLiveQuery';
import { useTowFormat } from '../features/towing/useTowFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

const PENDING = ['queued', 'sending', 'sent'];

/** One tow: every field, its photos, the place on the map, its messages step by step, and its next steps. */
export function StaffTowPage() {
  const { t } = useTranslation();
  const format = useTowFormat();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const districts = useDistricts();
  const reasons = useQuery(() => towingApi.reasons(), []);
  const lots = useQuery(() => towingApi.lots(), []);
  const tow = useLiveQuery((signal) => towingApi.tow(id, signal), [id], {
    everyMs: 4000,
    while: (data: TowDetail) => data.message !== null && PENDING.includes(data.message.status),
  });
  usePageTitle(tow.data ? t('towing.detail.title', { plate: tow.data.plate }) : t('towing.workspace.title'));
  const can = { operate: hasRole(user, TOW_OPERATORS), call: hasRole(user, TOW_FOLLOWERS) };

  const breadcrumbs = (
    <p className="breadcrumbs">
      <Link to={towingPaths.workspace}>← {t('towing.workspace.title')}</Link>
    </p>
  );
  if (tow.loading && !tow.data) return <div className="page">{breadcrumbs}<LoadingState /></div>;
  if (tow.error && !tow.data) {
    return (
      <div className="page">
        {breadcrumbs}
        <h1>{t('towing.detail.notFoundTitle')}</h1>
        <ProblemAlert error={tow.error} onRetry={tow.reload} />
      </div>
    );
  }
  const data = tow.data;
  if (!data) return null;
  const reason = reasons.data?.find((r) => r.code === data.reasonCode);
  const lot = lots.data?.find((l) => l.code === data.lot?.code);
  const districtName = (districtId: string) => format.localized(districts.data?.find((d) => d.id === districtId)?.name) || districtId;

  return (
    <div className="page tow-detail-page" data-testid="tow-detail">
      {breadcrumbs}
      <header className="page-header">
        <h1>
          <span className="tow-plate" data-testid="tow-detail-plate">
            {data.plate}
          </span>{' '}
          <span className="tow-detail-car">
            {data.make}, {data.colour}
          </span>
        </h1>
        <p className="lead">{t('towing.detail.lead', { at: format.formatDate(data.towedAt, true), lot: data.lot ? format.localized(data.lot.name) : '—' })}</p>
      </header>
      {data.synthetic ? <DemoNotice>{t('towing.detail.demo')}</DemoNotice> : null}

      <div className="tow-detail-grid">
        <div className="stack">
          <section className="card stack" aria-labelledby="tow-facts-title">
            <h2 id="tow-facts-title" className="h3">
              {t('towing.detail.factsTitle')}
            </h2>
            <TowFacts tow={data} districtName={districtName} reasonText={reason ? format.localized(reason.text) : null} />
          </section>
          <section className="card stack" aria-labelledby="tow-actions-title">
            <h2 id="tow-actions-title" className="h3">
              {t('towing.detail.actionsTitle')}
            </h2>
            <TowActions tow={data} can={can} onChanged={() => tow.refresh()} />
          </section>
        </div>
        <div className="stack">
          <section className="card stack" aria-labelledby="tow-place-title">
            <h2 id="tow-place-title" className="h3">
              {t('towing.detail.placeTitle')}
            </h2>
            <TowPlaceMap tow={data} lot={lot ? { lon: lot.lon, lat: lot.lat, name: format.localized(lot.name) } : null} />
          </section>
          <section className="card stack" aria-labelledby="tow-photos-title">
            <h2 id="tow-photos-title" className="h3">
              {t('towing.detail.photosTitle', { count: data.photos })}
            </h2>
            <TowPhotos tow={data} />
          </section>
          <section className="card stack" aria-labelledby="tow-timeline-title">
            <h2 id="tow-timeline-title" className="h3">
              {t('towing.timeline.title')}
            </h2>
            <MessageTimeline events={data.messageEvents} />
          </section>
        </div>
      </div>
    </div>
  );
}
