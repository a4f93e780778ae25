import { useTranslation } from 'react-i18next';
import type { IncidentCollection } from '../../api/crime-map.contract';
import type { IncidentDescriber } from './IncidentLayer';
import { lineColour } from './crime-map.colours';
import { useCrimeMapFormat } from './useCrimeMapFormat';

const LISTED = 25;

/** The map's text alternative: the lines in view with their counts, and the latest incidents as a table. */
export function IncidentList({ data, describe }: { data: IncidentCollection; describe: IncidentDescriber }) {
  const { t } = useTranslation();
  const format = useCrimeMapFormat();
  if (data.clustered) return <p className="small muted">{t('crimeMap.staff.clusterHint')}</p>;
  const byLine = new Map<string | null, number>();
  for (const f of data.features) byLine.set(f.properties.line, (byLine.get(f.properties.line) ?? 0) + 1);
  const lines = [...byLine.entries()].sort((a, b) => b[1] - a[1]);
  const latest = data.features.slice(0, LISTED);
  return (
    <>
      <ul className="line-legend" aria-label={t('crimeMap.staff.linesInView')} data-testid="line-legend">
        {lines.map(([code, n]) => (
          <li key={code ?? '-'} className="line-legend-item small">
            <span className="line-swatch" style={{ background: lineColour(code) }} aria-hidden="true" />
            {describe.line(code)} — {format.integer(n)}
          </li>
        ))}
      </ul>
      {latest.length ? (
        <details className="disclosure">
          <summary>{t('crimeMap.staff.latest', { n: format.integer(latest.length) })}</summary>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="incident-list-caption">
            <table className="table table-stacked" data-testid="incident-list">
              <caption id="incident-list-caption">{t('crimeMap.staff.latestCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crimeMap.staff.when')}</th>
                  <th scope="col">{t('crimeMap.staff.line')}</th>
                  <th scope="col">{t('crimeMap.staff.category')}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((f) => (
                  <tr key={String(f.properties.id)}>
                    <td data-label={t('crimeMap.staff.when')}>
                      {f.properties.at ? describe.time(f.properties.at, f.properties.timeKnown === true) : '—'}
                      {f.properties.timeKnown === false ? <span className="block small muted">{describe.timeUnknown}</span> : null}
                    </td>
                    <td data-label={t('crimeMap.staff.line')}>{describe.line(f.properties.line)}</td>
                    <td data-label={t('crimeMap.staff.category')}>{f.properties.category ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </>
  );
}
