import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TowList } from '../api/towing.contract';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../features/auth/AuthProvider';
import { hasRole } from '../features/auth/roles';
import { useDistricts } from '../features/reference/useReference';
import { CallList } from '../features/towing/CallList';
import { TOW_ADMINS, TOW_FOLLOWERS, TOW_OPERATORS, towingApi, towingPaths } from '../features/towing/towing.api';
import { addDays, cityToday, isDay } from '../features/towing/towing.dates';
import { FIGURE_DAYS, TowFigures } from '../features/towing/TowFigures';
import { TowTable } from '../features/towing/TowTable';
import { useLiveQuery } from '../features/towing/useLiveQuery';
import { useTowFormat } from '../features/towing/useTowFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { TextInput } from '../ui/fields';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryBlock } from '../ui/QueryBlock';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** SMS on their way: the list refreshes itself until every one has an outcome. */
const PENDING = ['queued', 'sending', 'sent'];
const stillSending = (list: TowList) => list.items.some((tow) => tow.message !== null && PENDING.includes(tow.message.status));

/**
 * п.24, the staff side: a day's tows with their SMS status and next steps, the owners still to call, and
 * the last two weeks' figures. Operators and duty officers see their district's tows, city accounts all.
 */
export function StaffTowingPage() {
  const { t } = useTranslation();
  const format = useTowFormat();
  const { user } = useAuth();
  const districts = useDistricts();
  const [params, setParams] = useSearchParams();
  const today = cityToday();
  const day = isDay(params.get('day')) && params.get('day')! <= today ? params.get('day')! : today;
  const isToday = day === today;
  usePageTitle(t('towing.workspace.title'));

  const list = useLiveQuery((signal) => towingApi.tows(day, signal), [day], { everyMs: 4000, while: (data) => isToday && stillSending(data) });
  const calls = useLiveQuery((signal) => towingApi.callList(signal), [], { everyMs: 15_000, while: () => true });
  const from = addDays(today, -(FIGURE_DAYS - 1));
  const figures = useQuery((signal) => towingApi.figures(from, today, signal), [from, today]);

  const can = { operate: hasRole(user, TOW_OPERATORS), call: hasRole(user, TOW_FOLLOWERS) };
  const handleChanged = () => {
    list.refresh();
    calls.refresh();
    figures.reload();
  };
  const setDay = (next: string) => {
    const search = new URLSearchParams(params);
    if (!isDay(next) || next >= today) search.delete('day');
    else search.set('day', next);
    setParams(search, { replace: true });
  };

  const districtName = (id: string) => format.localized(districts.data?.find((d) => d.id === id)?.name) || id;
  const lead = !user ? '' : user.scope.kind === 'district' ? t('towing.workspace.leadDistrict', { district: districtName(user.scope.districtId) }) : t('towing.workspace.leadCity');
  const items = list.data?.items ?? [];
  const synthetic = items.filter((i) => i.synthetic).length;
  const anySynthetic = synthetic > 0 || (calls.data?.some((i) => i.synthetic) ?? false);

  return (
    <div className="page tow-workspace-page">
      <StaffPageHeader title={t('towing.workspace.title')} lead={lead} />
      <div className="button-row tow-workspace-links">
        {can.operate ? (
          <Link to={towingPaths.new} className="button button-primary" data-testid="workspace-new-tow">
            {t('towing.workspace.new')}
          </Link>
        ) : null}
        {hasRole(user, TOW_ADMINS) ? (
          <Link to={towingPaths.settings} className="button button-secondary">
            {t('towing.workspace.settings')}
          </Link>
        ) : null}
      </div>
      {anySynthetic ? <DemoNotice>{t('towing.workspace.demo')}</DemoNotice> : null}

      <section className="section" aria-labelledby="tows-day-title">
        <h2 id="tows-day-title" className="results-title">
          {isToday ? t('towing.workspace.today') : t('towing.workspace.day', { day: format.formatDate(`${day}T12:00:00+05:00`) })}
          {list.data ? (
            <span className="results-count" data-testid="tows-count">
              {t('towing.workspace.count', { count: list.data.items.length })}
            </span>
          ) : null}
        </h2>
        <form className="filters tow-day-picker" onSubmit={(e) => e.preventDefault()}>
          <TextInput id="tow-day" label={t('towing.workspace.dayLabel')} type="date" max={today} value={day} onChange={(e) => setDay(e.target.value)} />
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" onClick={() => setDay(addDays(day, -1))}>
              {t('towing.workspace.previousDay')}
            </button>
            {isToday ? null : (
              <>
                <button type="button" className="button button-secondary button-small" onClick={() => setDay(addDays(day, 1))}>
                  {t('towing.workspace.nextDay')}
                </button>
                <button type="button" className="button button-secondary button-small" onClick={() => setDay(today)}>
                  {t('towing.workspace.backToday')}
                </button>
              </>
            )}
          </div>
        </form>
        {isToday && list.data && stillSending(list.data) ? (
          <p className="small muted" data-testid="tows-live">
            {t('towing.workspace.live')}
          </p>
        ) : null}
        {list.loading && !list.data ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <div className={list.loading ? 'is-stale' : undefined} aria-busy={list.loading}>
            {items.length ? (
              <TowTable items={items} caption={t('towing.workspace.caption', { day: format.formatDate(`${day}T12:00:00+05:00`) })} can={can} markSynthetic={synthetic > 0 && synthetic < items.length} onChanged={handleChanged} testId="tows-table" />
            ) : (
              <EmptyState>{isToday ? t('towing.workspace.emptyToday') : t('towing.workspace.empty')}</EmptyState>
            )}
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="call-list-title">
        <h2 id="call-list-title" className="results-title">
          {t('towing.callList.title')}
          {calls.data?.length ? <span className="results-count">{t('towing.workspace.count', { count: calls.data.length })}</span> : null}
        </h2>
        <p className="muted small">{t('towing.callList.lead')}</p>
        <QueryBlock query={calls}>{(items) => <CallList items={items} can={can} onChanged={handleChanged} />}</QueryBlock>
      </section>

      <section className="section" aria-labelledby="figures-title">
        <h2 id="figures-title">{t('towing.figures.title', { days: FIGURE_DAYS })}</h2>
        <QueryBlock query={figures}>{(days) => <TowFigures from={from} to={today} days={days} />}</QueryBlock>
      </section>
    </div>
  );
}
