import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoadLevel, PrecinctFeatureProperties } from '../api/precincts.contract';
import { useQuery } from '../api/useQuery';
import { ComputedFigures } from '../features/precincts/ComputedFigures';
import { DistrictWorkloadTable } from '../features/precincts/DistrictWorkloadTable';
import { precinctPaths, precinctsApi } from '../features/precincts/precincts.api';
import { PrecinctWorkloadTable } from '../features/precincts/PrecinctWorkloadTable';
import { QueryBlock } from '../ui/QueryBlock';
import { ReportedFigures } from '../features/precincts/ReportedFigures';
import { usePrecinctOutlines } from '../features/precincts/usePrecinctOutlines';
import { WorkloadLegend } from '../features/precincts/WorkloadLegend';
import { WorkloadMap } from '../features/precincts/WorkloadMap';
import { DemoNotice } from '../ui/DemoNotice';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * Inspector workload (п.9): residents per precinct inspector against the norm (2 300, order No. 1026)
 * and the council's target (1 500). The report's own figures are cited next to the computed ones.
 */
export function WorkloadPage() {
  const { t } = useTranslation();
  usePageTitle(t('precincts.workload.title'));
  const report = useQuery((signal) => precinctsApi.workload(signal), []);
  const precincts = useQuery((signal) => precinctsApi.precincts(signal), []);
  const outlines = usePrecinctOutlines();
  const [search, setSearch] = useState('');
  const tableRef = useRef<HTMLElement>(null);

  const counts = useMemo(() => {
    const result: Partial<Record<LoadLevel, number>> = {};
    for (const f of outlines.data?.precincts.features ?? []) result[f.properties.level] = (result[f.properties.level] ?? 0) + 1;
    return result;
  }, [outlines.data]);

  // A tap on a precinct shows its row in the table below.
  const handlePick = useCallback((p: PrecinctFeatureProperties) => {
    setSearch(p.code);
    tableRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  return (
    <div className="page workload">
      <header className="page-header">
        <h1>{t('precincts.workload.title')}</h1>
        <p className="lead">{t('precincts.workload.lead')}</p>
      </header>
      {report.data?.synthetic ? <DemoNotice>{t('precincts.demo.workload')}</DemoNotice> : null}

      <QueryBlock query={report}>
        {(data) => (
          <div className="workload-cards">
            <ReportedFigures report={data} />
            <ComputedFigures report={data} />
          </div>
        )}
      </QueryBlock>

      <section className="section" aria-labelledby="workload-map-title">
        <h2 id="workload-map-title">{t('precincts.workload.mapTitle')}</h2>
        <p className="small muted">{t('precincts.workload.mapHint')}</p>
        <QueryBlock query={outlines}>
          {(data) => (
            <div className="workload-map-block">
              {report.data ? <WorkloadLegend norms={report.data.norms} counts={counts} /> : null}
              <WorkloadMap precincts={data.precincts} districts={data.districts} onPick={handlePick} />
            </div>
          )}
        </QueryBlock>
      </section>

      <section className="section" aria-labelledby="workload-districts-title">
        <h2 id="workload-districts-title">{t('precincts.workload.districtsTitle')}</h2>
        <QueryBlock query={report}>{(data) => <DistrictWorkloadTable report={data} />}</QueryBlock>
      </section>

      <section className="section" aria-labelledby="workload-precincts-title" ref={tableRef}>
        <h2 id="workload-precincts-title">{t('precincts.workload.precinctsTitle')}</h2>
        <QueryBlock query={precincts}>{(data) => <PrecinctWorkloadTable precincts={data.items} search={search} onSearchChange={setSearch} />}</QueryBlock>
      </section>

      <section className="section" aria-labelledby="workload-method-title">
        <h2 id="workload-method-title">{t('precincts.workload.methodTitle')}</h2>
        <p>{t('precincts.workload.method')}</p>
        <p>
          <Link to={precinctPaths.finder}>{t('precincts.workload.finderLink')}</Link>
        </p>
      </section>
    </div>
  );
}
