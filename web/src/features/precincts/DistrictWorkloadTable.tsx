import { useTranslation } from 'react-i18next';
import type { Workload, WorkloadReport } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { LoadLevelBadge } from './LoadLevelBadge';
import { usePrecinctFormat } from './usePrecinctFormat';

/** The city and its districts: residents, inspectors, load, and how many inspectors the norm and the target need. */
export function DistrictWorkloadTable({ report }: { report: WorkloadReport }) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const format = usePrecinctFormat();
  const gap = (value: number | null) => (value === null ? '—' : value > 0 ? `+${format.integer(value)}` : '0');
  const c = {
    precincts: t('precincts.workload.columns.precincts'),
    population: t('precincts.workload.columns.population'),
    inspectors: t('precincts.workload.columns.inspectors'),
    perInspector: t('precincts.workload.columns.perInspector'),
    level: t('precincts.workload.columns.level'),
    neededNorm: t('precincts.workload.columns.neededNorm', { norm: format.integer(report.norms.norm) }),
    gapNorm: t('precincts.workload.columns.gapNorm'),
    neededTarget: t('precincts.workload.columns.neededTarget', { target: format.integer(report.norms.target) }),
    gapTarget: t('precincts.workload.columns.gapTarget'),
  };
  const cells = (w: Workload, precincts: number | null) => (
    <>
      <td data-label={c.precincts} className="num">
        {precincts === null ? '—' : format.integer(precincts)}
      </td>
      <td data-label={c.population} className="num">
        {format.integer(w.population)}
      </td>
      <td data-label={c.inspectors} className="num">
        {format.integer(w.inspectors)}
      </td>
      <td data-label={c.perInspector} className="num">
        {format.integer(w.perInspector)}
      </td>
      <td data-label={c.level}>
        <LoadLevelBadge level={w.level} />
      </td>
      <td data-label={c.neededNorm} className="num">
        {format.integer(w.neededForNorm)}
      </td>
      <td data-label={c.gapNorm} className="num">
        {gap(w.gapToNorm)}
      </td>
      <td data-label={c.neededTarget} className="num">
        {format.integer(w.neededForTarget)}
      </td>
      <td data-label={c.gapTarget} className="num">
        {gap(w.gapToTarget)}
      </td>
    </>
  );
  const rows = [...report.districts].sort((a, b) => localized(a.district.name).localeCompare(localized(b.district.name), locale));
  const totalPrecincts = report.districts.reduce((sum, d) => sum + d.precincts, 0);
  const approximate = rows.some((r) => r.district.approximate);
  return (
    <div className="table-block">
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="district-workload-caption">
        <table className="table workload-table" data-testid="district-workload">
          <caption id="district-workload-caption">{t('precincts.workload.districtCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('precincts.workload.columns.district')}</th>
              <th scope="col" className="num-col">{c.precincts}</th>
              <th scope="col" className="num-col">{c.population}</th>
              <th scope="col" className="num-col">{c.inspectors}</th>
              <th scope="col" className="num-col">{c.perInspector}</th>
              <th scope="col">{c.level}</th>
              <th scope="col" className="num-col">{c.neededNorm}</th>
              <th scope="col" className="num-col">{c.gapNorm}</th>
              <th scope="col" className="num-col">{c.neededTarget}</th>
              <th scope="col" className="num-col">{c.gapTarget}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.district.id} data-testid="district-workload-row">
                <th scope="row" className="wide-cell">
                  {localized(row.district.name)}
                  {row.district.approximate ? (
                    <>
                      <span className="synthetic-mark" aria-hidden="true">
                        {' '}
                        *
                      </span>
                      <span className="visually-hidden"> ({t('precincts.workload.approximate')})</span>
                    </>
                  ) : null}
                </th>
                {cells(row.workload, row.precincts)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="city-workload-row">
              <th scope="row" className="wide-cell">
                {t('precincts.workload.city')}
              </th>
              {cells(report.city, totalPrecincts)}
            </tr>
          </tfoot>
        </table>
      </div>
      {approximate ? <p className="small muted">* {t('precincts.workload.approximate')}</p> : null}
    </div>
  );
}
