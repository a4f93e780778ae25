import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { countClasses, DENSITY_CLASSES } from '../features/crime-map/crime-map.colours';
import { crimeMapApi } from '../features/crime-map/crime-map.api';
import { CountLegend } from '../features/crime-map/CountLegend';
import { DistrictCountsTable } from '../features/crime-map/DistrictCountsTable';
import { PrivacyNote } from '../features/crime-map/PrivacyNote';
import { PublicCrimeMap, type PublicMapView } from '../features/crime-map/PublicCrimeMap';
import { PublicMapControls } from '../features/crime-map/PublicMapControls';
import { useCrimeMapFormat } from '../features/crime-map/useCrimeMapFormat';
import { useLocale } from '../i18n/useLocale';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryBlock } from '../ui/QueryBlock';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * The public crime map (п.6): incidents of a month on H3 hexagons, none under k, with crimes against
 * the person only per district. The month and the line live in the address, so a view can be linked.
 */
export function CrimeMapPage() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useCrimeMapFormat();
  usePageTitle(t('crimeMap.public.title'));
  const [params, setParams] = useSearchParams();
  const months = useQuery(() => crimeMapApi.months(), []);
  const lines = useQuery(() => crimeMapApi.lines(), []);
  const outlines = useQuery(() => crimeMapApi.districtOutlines(), []);

  const monthList = months.data?.months ?? [];
  const requestedMonth = params.get('month');
  const month = monthList.find((m) => m.month === requestedMonth)?.month ?? monthList[0]?.month;
  const requestedLine = params.get('line') ?? '';
  const line = lines.data?.find((l) => l.code === requestedLine);
  const byDistrictOnly = line?.againstPerson ?? false;
  const lineCode = line?.code;

  const hexagons = useQuery((signal) => (month && lines.data && !byDistrictOnly ? crimeMapApi.hexagons(month, lineCode, signal) : Promise.resolve(undefined)), [month, lineCode, byDistrictOnly, Boolean(lines.data)]);
  const districts = useQuery((signal) => (month && lines.data ? crimeMapApi.districts(month, lineCode, signal) : Promise.resolve(undefined)), [month, lineCode, Boolean(lines.data)]);

  const view = useMemo<PublicMapView | null>(() => {
    if (byDistrictOnly) {
      if (!districts.data || districts.data.month !== month || (districts.data.line ?? undefined) !== lineCode) return null;
      const counts = districts.data.districts.flatMap((d) => (d.count !== null && d.count > 0 ? [d.count] : []));
      // A handful of districts: about two districts a shade.
      return { kind: 'districts', data: districts.data, classes: countClasses(counts, districts.data.k, Math.ceil(counts.length / 2)) };
    }
    if (!hexagons.data) return null;
    return { kind: 'hexagons', data: hexagons.data };
  }, [byDistrictOnly, districts.data, hexagons.data, month, lineCode]);
  // While the next month or line loads, the map keeps showing the last one (dimmed) rather than
  // leaving the page: the view stays where the resident put it.
  const [lastView, setLastView] = useState<PublicMapView | null>(null);
  useEffect(() => {
    if (view) setLastView(view);
  }, [view]);
  const shownView = view ?? lastView;

  const update = (key: 'month' | 'line', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const lineName = line ? localized(line.name) : t('crimeMap.public.allLinesShort');
  const synthetic = monthList.find((m) => m.month === month)?.synthetic ?? false;
  const mapQuery = byDistrictOnly ? districts : hexagons;

  return (
    <div className="page crime-map-page">
      <header className="page-header">
        <h1>{t('crimeMap.public.title')}</h1>
        <p className="lead">{t('crimeMap.public.lead')}</p>
      </header>
      {synthetic ? <DemoNotice>{t('crimeMap.demo')}</DemoNotice> : null}

      {months.loading || lines.loading ? <LoadingState /> : null}
      {months.error ? <ProblemAlert error={months.error} onRetry={months.reload} /> : null}
      {lines.error ? <ProblemAlert error={lines.error} onRetry={lines.reload} /> : null}
      {months.data && monthList.length === 0 ? <EmptyState>{t('crimeMap.public.noData')}</EmptyState> : null}

      {months.data && lines.data && month ? (
        <>
          <PublicMapControls months={monthList} lines={lines.data} month={month} line={lineCode ?? ''} onMonthChange={(m) => update('month', m)} onLineChange={(l) => update('line', l)} />

          <section className="section" aria-labelledby="crime-map-title">
            <h2 id="crime-map-title">{t(byDistrictOnly ? 'crimeMap.public.districtMapTitle' : 'crimeMap.public.mapTitle', { month: format.month(month), line: lineName })}</h2>
            {mapQuery.error ? <ProblemAlert error={mapQuery.error} onRetry={mapQuery.reload} /> : null}
            <QueryBlock query={outlines}>
              {(data) =>
                shownView ? (
                  <div className={`crime-map-block${mapQuery.loading || !view ? ' is-stale' : ''}`} aria-busy={mapQuery.loading || !view}>
                    <PublicCrimeMap
                      districts={data}
                      view={shownView}
                      label={t(byDistrictOnly ? 'crimeMap.public.districtMapLabel' : 'crimeMap.public.mapLabel', { month: format.month(month), line: lineName })}
                    />
                    {shownView.kind === 'districts' ? (
                      <CountLegend classes={shownView.classes} title={t('crimeMap.legend.district')} withheldUnder={shownView.data.k} />
                    ) : (
                      <CountLegend classes={DENSITY_CLASSES} title={t('crimeMap.legend.density')} kind="density" />
                    )}
                    {shownView.kind === 'hexagons' ? (
                      <p className="small muted" data-testid="cells-summary">
                        {t('crimeMap.public.cellsSummary', { cells: format.integer(shownView.data.features.length), shown: format.integer(shownView.data.total - shownView.data.notShown) })}
                        {shownView.data.features.some((f) => f.properties.resolution < 8) ? ` ${t('crimeMap.legend.coarse')}` : ''}
                      </p>
                    ) : null}
                  </div>
                ) : mapQuery.error ? null : (
                  <LoadingState />
                )
              }
            </QueryBlock>
            <PrivacyNote k={months.data.k} month={month} lines={lines.data} hexagons={!byDistrictOnly && hexagons.data ? hexagons.data : undefined} />
          </section>

          <section className="section" aria-labelledby="crime-districts-title">
            <h2 id="crime-districts-title">{t('crimeMap.districts.title')}</h2>
            <QueryBlock query={districts}>
              {(data) =>
                data ? (
                  <DistrictCountsTable
                    data={data}
                    caption={t(line ? 'crimeMap.districts.captionLine' : 'crimeMap.districts.captionAll', { month: format.month(data.month), line: lineName })}
                  />
                ) : null
              }
            </QueryBlock>
          </section>

          <section className="section" aria-labelledby="crime-method-title">
            <h2 id="crime-method-title">{t('crimeMap.method.title')}</h2>
            <p>{t('crimeMap.method.hexagons', { k: format.integer(months.data.k) })}</p>
            <p>{t('crimeMap.method.time')}</p>
          </section>
        </>
      ) : null}
    </div>
  );
}
