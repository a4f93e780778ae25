import type { Feature, FeatureCollection } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrimeDataset, CrimeLine, ForecastCellFeature, ForecastDetail, TaskView } from '../../api/crime-analysis.contract';
import { CityMap, type MapLayer } from '../../ui/map/CityMap';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { crimeAnalysisApi } from './crime-analysis.api';
import { TaskFailure } from './TaskFailure';
import { TaskProgress } from './TaskProgress';
import { useTaskRun } from './usePolled';
import { useCrimeFormat } from './useCrimeFormat';
import { useMethodText } from './useMethodText';

/** How many of the riskiest cells a forecast may draw. */
export const TOP_CHOICES = [100, 300, 1000] as const;

/** Rank bands of the map, each with its colour; the key under the map says which is which. */
export const RANK_BANDS = [
  { upTo: 10, colour: '#67000d' },
  { upTo: 50, colour: '#c53030' },
  { upTo: 150, colour: '#dd6b20' },
  { upTo: Infinity, colour: '#d69e2e' },
] as const;

const bandOf = (rank: number) => RANK_BANDS.find((b) => rank <= b.upTo) ?? RANK_BANDS[RANK_BANDS.length - 1]!;
const TABLE_ROWS = 10;


export interface ForecastRunProps {
  id: string;
  top: number;
  /** The task as the start answered (202), shown until the first read. */
  startedTask: TaskView | null;
  dataset: CrimeDataset;
  lines: readonly CrimeLine[];
  onFinished?: () => void;
}

/** One forecast: its progress, then what it learned (sepp's fit) and its riskiest cells, on the map and in a table. */
export function ForecastRun({ id, top, startedTask, dataset, lines, onFinished }: ForecastRunProps) {
  const { t } = useTranslation();
  const polled = useTaskRun(`${id}:${top}`, (signal) => crimeAnalysisApi.forecast(id, top, signal), onFinished);
  const { run, finished } = polled;

  return (
    <section className="stack forecast-run" aria-labelledby={`${id}-title`} data-testid="forecast-run">
      <h3 id={`${id}-title`}>{t('crimeAnalysis.forecast.runTitle')}</h3>
      <TaskProgress label={t('crimeAnalysis.forecast.progress')} task={run?.task ?? startedTask} finished={finished} testId="forecast-progress" />
      {polled.error ? <ProblemAlert error={polled.error} /> : null}
      {run?.status === 'failed' ? <TaskFailure task={run.task} /> : null}
      {run?.status === 'done' ? <ForecastResult run={run} dataset={dataset} lines={lines} /> : null}
    </section>
  );
}

function ForecastResult({ run, dataset, lines }: { run: ForecastDetail; dataset: CrimeDataset; lines: readonly CrimeLine[] }) {
  const { t } = useTranslation();
  const format = useCrimeFormat();
  const text = useMethodText(lines);
  const captionId = useId();
  const cells = run.cells.features;
  const layers = useMemo<MapLayer[]>(
    () => [
      {
        id: 'forecast-cells',
        data: run.cells as unknown as FeatureCollection,
        fit: true,
        style: (feature: Feature | undefined) => {
          const rank = Number((feature?.properties as { rank?: number } | null)?.rank ?? Infinity);
          const { colour } = bandOf(rank);
          // A 150 m cell is a pixel or two at city zoom: its outline keeps it visible there.
          return { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.6 };
        },
        label: (feature: Feature) => {
          const p = feature.properties as { rank: number; score: number };
          return t('crimeAnalysis.forecast.cellLabel', { rank: p.rank, score: format.decimal(p.score) });
        },
      },
    ],
    [run.cells, t, format],
  );
  const bandLabels = RANK_BANDS.map((band, i) => {
    const from = i === 0 ? 1 : RANK_BANDS[i - 1]!.upTo + 1;
    return band.upTo === Infinity ? t('crimeAnalysis.forecast.bandFrom', { from }) : t('crimeAnalysis.forecast.band', { from, to: band.upTo });
  });

  return (
    <div className="stack" data-testid="forecast-result">
      <dl className="ca-facts">
        <div>
          <dt>{t('crimeAnalysis.forecast.method')}</dt>
          <dd>
            {text.methodName(run.method)}
            {text.paramsText(run.method, run.params) ? ` · ${text.paramsText(run.method, run.params)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('crimeAnalysis.lines.label')}</dt>
          <dd>{text.linesText(run.lines)}</dd>
        </div>
        <div>
          <dt>{t('crimeAnalysis.forecast.window')}</dt>
          <dd>{t('crimeAnalysis.forecast.fromFor', { origin: format.dateTime(run.origin, dataset.timeZone), days: format.decimal(run.horizonDays) })}</dd>
        </div>
        <div>
          <dt>{t('crimeAnalysis.forecast.used')}</dt>
          <dd data-testid="forecast-used">{run.incidentsUsed === null ? '—' : format.integer(run.incidentsUsed)}</dd>
        </div>
      </dl>
      {run.fit ? (
        <div className="alert alert-info" data-testid="forecast-fit">
          <p className="alert-title">{t('crimeAnalysis.forecast.fitTitle')}</p>
          <p>{t('crimeAnalysis.forecast.fitTheta', { theta: format.decimal(run.fit.theta) })}</p>
          <p>{t('crimeAnalysis.forecast.fitOmega', { omega: format.decimal(run.fit.omega), days: format.decimal(Math.round(run.fit.meanDelayDays * 10) / 10) })}</p>
        </div>
      ) : null}
      {cells.length === 0 ? (
        <p className="state state-empty">{t('crimeAnalysis.forecast.noCells')}</p>
      ) : (
        <>
          <p>{t('crimeAnalysis.forecast.cellsShown', { n: cells.length, size: run.cellSize ?? '—' })}</p>
          <div data-testid="forecast-map">
            <CityMap key={run.id} label={t('crimeAnalysis.forecast.mapLabel', { n: cells.length })} layers={layers} height="min(440px, 70vh)" />
          </div>
          <ul className="map-key forecast-key" aria-label={t('crimeAnalysis.forecast.key')}>
            {RANK_BANDS.map((band, i) => (
              <li key={band.upTo}>
                <span className="forecast-swatch" style={{ background: band.colour }} aria-hidden="true" /> {bandLabels[i]}
              </li>
            ))}
          </ul>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="table" data-testid="forecast-cells">
              <caption id={captionId}>{t('crimeAnalysis.forecast.tableCaption', { n: Math.min(TABLE_ROWS, cells.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num-col">
                    {t('crimeAnalysis.forecast.rank')}
                  </th>
                  <th scope="col" className="num-col">
                    {t('crimeAnalysis.forecast.score')}
                  </th>
                  <th scope="col">{t('crimeAnalysis.forecast.centre')}</th>
                </tr>
              </thead>
              <tbody>
                {cells.slice(0, TABLE_ROWS).map((cell) => {
                  const [lon, lat] = centreOf(cell);
                  return (
                    <tr key={cell.properties.cell}>
                      <td className="num">{cell.properties.rank}</td>
                      <td className="num">{format.decimal(cell.properties.score)}</td>
                      <td>
                        <code>
                          {lat.toFixed(5)}, {lon.toFixed(5)}
                        </code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="small muted">{t('crimeAnalysis.forecast.scoreNote')}</p>
        </>
      )}
    </div>
  );
}

/** The mean of a cell's corners (a small square: its centre). */
function centreOf(cell: ForecastCellFeature): [number, number] {
  const ring = cell.geometry.coordinates[0] ?? [];
  const corners = ring.length > 1 ? ring.slice(0, -1) : ring;
  const lon = corners.reduce((s, p) => s + (p[0] ?? 0), 0) / Math.max(1, corners.length);
  const lat = corners.reduce((s, p) => s + (p[1] ?? 0), 0) / Math.max(1, corners.length);
  return [lon, lat];
}
