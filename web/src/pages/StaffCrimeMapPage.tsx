import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrimeDataset } from '../api/crime-map.contract';
import { useQuery } from '../api/useQuery';
import { CompstatPanel } from '../features/crime-map/CompstatPanel';
import { crimeMapApi, crimeMapPaths, type IncidentFilters, type Viewport } from '../features/crime-map/crime-map.api';
import { hourRange, lastDays, localDate } from '../features/crime-map/crime-map.dates';
import type { IncidentDescriber } from '../features/crime-map/IncidentLayer';
import { IncidentList } from '../features/crime-map/IncidentList';
import { IncidentSummary } from '../features/crime-map/IncidentSummary';
import { StaffFilters, type StaffFilterState } from '../features/crime-map/StaffFilters';
import { StaffIncidentMap } from '../features/crime-map/StaffIncidentMap';
import { useCrimeMapFormat } from '../features/crime-map/useCrimeMapFormat';
import { useLocale } from '../i18n/useLocale';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryBlock } from '../ui/QueryBlock';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

const DEMO_DATASET = 'almaty-demo';

/** The filters a dataset opens with: its last 28 days, every line, any time. */
function initialFilters(dataset: CrimeDataset): StaffFilterState {
  const last = dataset.lastAt ? localDate(dataset.lastAt, dataset.timeZone) : null;
  const span = last ? lastDays(last, 28) : { from: '', to: '' };
  return { dataset: dataset.id, ...span, lines: [], period: 'all', hourFrom: '', hourTo: '', weekdays: [] };
}

function toQuery(f: StaffFilterState): IncidentFilters {
  const from = f.hourFrom === '' ? (f.hourTo === '' ? null : 0) : Number(f.hourFrom);
  const to = f.hourTo === '' ? (f.hourFrom === '' ? null : 23) : Number(f.hourTo);
  return { dataset: f.dataset, from: f.from, to: f.to, lines: f.lines, period: f.period, weekdays: f.weekdays, hours: from === null || to === null ? [] : hourRange(from, to) };
}

/**
 * The staff crime map (п.6): exact incidents or clusters for a period, lines and times of day, over
 * patrol sectors and precincts; and CompStat, the same incidents per district in two periods.
 */
export function StaffCrimeMapPage() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useCrimeMapFormat();
  usePageTitle(t('crimeMap.staff.title'));
  const datasets = useQuery((signal) => crimeMapApi.datasets(signal), []);
  const lines = useQuery(() => crimeMapApi.lines(), []);
  const districts = useQuery(() => crimeMapApi.districtOutlines(), []);
  const [filters, setFilters] = useState<StaffFilterState | null>(null);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [layers, setLayers] = useState({ districts: true, sectors: false, precincts: false });

  const datasetOf = useCallback((id: string) => datasets.data?.find((d) => d.id === id), [datasets.data]);
  // The demo register opens by default; any other dataset when there is no demo.
  useEffect(() => {
    if (filters || !datasets.data?.length) return;
    setFilters(initialFilters(datasets.data.find((d) => d.id === DEMO_DATASET) ?? datasets.data[0]!));
  }, [datasets.data, filters]);

  const dataset = filters ? datasetOf(filters.dataset) : undefined;
  const handleFilters = (next: StaffFilterState) => {
    const other = next.dataset !== filters?.dataset ? datasetOf(next.dataset) : undefined;
    setFilters(other ? { ...initialFilters(other), lines: next.lines } : next);
  };

  const query = useMemo(() => (filters ? toQuery(filters) : null), [filters]);
  const queryKey = JSON.stringify(query);
  const viewKey = viewport ? `${viewport.bbox.map((v) => v.toFixed(4)).join(',')}|${viewport.zoom}` : '';
  const incidents = useQuery(
    async (signal) => {
      if (!query || !viewport) return undefined;
      const data = await crimeMapApi.incidents(query, viewport, signal);
      return { data, zoom: viewport.zoom };
    },
    [queryKey, viewKey],
  );
  const sectors = useQuery(() => (layers.sectors ? crimeMapApi.sectorOutlines() : Promise.resolve(undefined)), [layers.sectors]);
  const precincts = useQuery(() => (layers.precincts ? crimeMapApi.precinctOutlines() : Promise.resolve(undefined)), [layers.precincts]);

  const lineNames = useMemo(() => new Map((lines.data ?? []).map((l) => [l.code, localized(l.name)])), [lines.data, localized]);
  const lineName = useCallback((code: string | null) => (code ? (lineNames.get(code) ?? code) : t('crimeMap.unmapped')), [lineNames, t]);
  const timeZone = dataset?.timeZone ?? 'Asia/Almaty';
  const describe = useMemo<IncidentDescriber>(
    () => ({
      line: lineName,
      time: (iso, timeKnown) => format.incidentTime(iso, timeZone, timeKnown),
      timeUnknown: t('crimeMap.staff.timeUnknown'),
      count: (n) => format.integer(n),
      clusterTitle: (n) => t('crimeMap.staff.clusterTitle', { n: format.integer(n) }),
    }),
    [lineName, format, timeZone, t],
  );
  const lastDay = dataset?.lastAt ? localDate(dataset.lastAt, dataset.timeZone) : null;

  const datasetList = datasets.data;
  const lineList = lines.data;
  return (
    <div className="page staff-crime-map">
      <StaffPageHeader title={t('crimeMap.staff.title')} lead={t('crimeMap.staff.lead')} />
      <p className="small">
        <Link to={crimeMapPaths.public}>{t('crimeMap.staff.publicLink')}</Link>
      </p>
      {dataset?.synthetic ? <DemoNotice>{t('crimeMap.demo')}</DemoNotice> : null}
      {datasets.loading || lines.loading ? <LoadingState /> : null}
      {datasets.error ? <ProblemAlert error={datasets.error} onRetry={datasets.reload} /> : null}
      {lines.error ? <ProblemAlert error={lines.error} onRetry={lines.reload} /> : null}
      {datasets.data && datasets.data.length === 0 ? <EmptyState>{t('crimeMap.staff.noDatasets')}</EmptyState> : null}

      {datasetList && lineList && filters ? (
        <>
          <div className="crime-workbench">
            <StaffFilters
              datasets={datasetList}
              lines={lineList}
              value={filters}
              onChange={handleFilters}
              lastDay={lastDay}
              onReset={() => {
                const d = datasetOf(filters.dataset);
                if (d) setFilters(initialFilters(d));
              }}
            />
            <section className="crime-map-main" aria-labelledby="incident-map-title">
              <h2 id="incident-map-title" className="visually-hidden">
                {t('crimeMap.staff.mapTitle')}
              </h2>
              <fieldset className="layer-toggles">
                <legend>{t('crimeMap.staff.layers')}</legend>
                {(['districts', 'sectors', 'precincts'] as const).map((key) => (
                  <label key={key} className="radio">
                    <input type="checkbox" checked={layers[key]} onChange={(e) => setLayers((l) => ({ ...l, [key]: e.target.checked }))} data-testid={`layer-${key}`} />
                    <span className={`layer-swatch layer-swatch-${key}`} aria-hidden="true" />
                    {t(`crimeMap.staff.layer.${key}`)}
                  </label>
                ))}
              </fieldset>
              {sectors.error ? <ProblemAlert error={sectors.error} onRetry={sectors.reload} /> : null}
              {precincts.error ? <ProblemAlert error={precincts.error} onRetry={precincts.reload} /> : null}
              <IncidentSummary data={incidents.data?.data} loading={incidents.loading} />
              {incidents.error ? <ProblemAlert error={incidents.error} onRetry={incidents.reload} /> : null}
              <QueryBlock query={districts}>
                {(outlines) => (
                  <StaffIncidentMap
                    label={t('crimeMap.staff.mapLabel')}
                    districts={outlines}
                    showDistricts={layers.districts}
                    sectors={layers.sectors ? sectors.data : undefined}
                    precincts={layers.precincts ? precincts.data : undefined}
                    incidents={incidents.data}
                    describe={describe}
                    onViewportChange={setViewport}
                  />
                )}
              </QueryBlock>
              <p className="small muted">{t('crimeMap.staff.mapHint')}</p>
              {incidents.data ? <IncidentList data={incidents.data.data} describe={describe} /> : null}
            </section>
          </div>
          {lastDay ? <CompstatPanel key={filters.dataset} dataset={filters.dataset} lines={filters.lines} lastDay={lastDay} lineName={lineName} /> : null}
        </>
      ) : null}
    </div>
  );
}
