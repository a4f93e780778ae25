import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { BacktestView, CrimeDataset, CrimeLine, MethodChoice, MethodResult, TaskView } from '../../api/crime-analysis.contract';
import { Select } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { crimeAnalysisApi } from './crime-analysis.api';
import { HitRateChart } from './HitRateChart';
import { TaskFailure } from './TaskFailure';
import { TaskProgress } from './TaskProgress';
import { useTaskRun } from './usePolled';
import { useCrimeFormat } from './useCrimeFormat';
import { useMethodText } from './useMethodText';


/** The area rule the server states, in each language (any other wording is shown as the server wrote it). */
const KNOWN_AREA_RULE = 'cells holding at least one incident from the first incident to the end of the test period';

export interface BacktestRunProps {
  id: string;
  startedTask: TaskView | null;
  dataset: CrimeDataset;
  lines: readonly CrimeLine[];
  onFinished?: () => void;
  onChosen: (choices: MethodChoice[]) => void;
}

/** One backtest: its progress, then the comparison of its methods. */
export function BacktestRun({ id, startedTask, dataset, lines, onFinished, onChosen }: BacktestRunProps) {
  const { t } = useTranslation();
  const polled = useTaskRun(id, (signal) => crimeAnalysisApi.backtest(id, signal), onFinished);
  const { run, finished } = polled;

  return (
    <section className="stack backtest-run" aria-labelledby={`${id}-title`} data-testid="backtest-run">
      <h3 id={`${id}-title`}>{t('crimeAnalysis.backtest.runTitle')}</h3>
      <TaskProgress label={t('crimeAnalysis.backtest.progress')} task={run?.task ?? startedTask} finished={finished} testId="backtest-progress" />
      {polled.error ? <ProblemAlert error={polled.error} /> : null}
      {run?.status === 'failed' ? <TaskFailure task={run.task} /> : null}
      {run?.status === 'done' && run.result ? <BacktestResults run={run} dataset={dataset} lines={lines} onChosen={onChosen} /> : null}
    </section>
  );
}

/**
 * The best of a column as the reader sees it: values are compared as shown (hit rate to 0.1 %, PAI
 * and PEI to 0.01), so two that read the same are both marked.
 */
const shownHit = (v: number) => Math.round(v * 1000);
const shownRatio = (v: number) => Math.round(v * 100);

function BacktestResults({ run, dataset, lines, onChosen }: { run: BacktestView; dataset: CrimeDataset; lines: readonly CrimeLine[]; onChosen: (choices: MethodChoice[]) => void }) {
  const { t } = useTranslation();
  const format = useCrimeFormat();
  const text = useMethodText(lines);
  const captionId = useId();
  const targetId = useId();
  const result = run.result!;
  const results = result.results;
  const coverages = results[0]?.atCoverage.map((c) => c.coverage) ?? [];
  const tested = run.params.lines ?? [];
  // A backtest of all lines supports a choice for all lines; one of some lines, a choice for each of them.
  const targets = tested.length === 0 ? ['*'] : tested;
  const [target, setTarget] = useState(targets[0]!);
  const [choosing, setChoosing] = useState<number | null>(null);
  const [chosen, setChosen] = useState<{ index: number; line: string } | null>(null);
  const [error, setError] = useState<ApiError>();

  const best = coverages.map((_, i) => ({
    hitRate: Math.max(...results.map((r) => shownHit(r.atCoverage[i]!.hitRate))),
    pai: Math.max(...results.map((r) => shownRatio(r.atCoverage[i]!.pai))),
    pei: Math.max(...results.map((r) => shownRatio(r.atCoverage[i]!.pei))),
  }));

  const choose = async (index: number, method: MethodResult) => {
    setChoosing(index);
    setError(undefined);
    try {
      const choices = await crimeAnalysisApi.chooseMethod(dataset.id, target, { method: method.method, params: method.params, backtestId: run.id });
      setChosen({ index, line: target });
      onChosen(choices);
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setChoosing(null);
    }
  };

  const cell = (isBest: boolean, shown: string, label: string, testId: string) => (
    <td className={`num${isBest ? ' is-best' : ''}`} data-label={label} data-testid={testId} data-best={isBest || undefined}>
      {isBest ? (
        <strong>
          {shown}{' '}
          <span aria-hidden="true" className="best-mark">
            ★
          </span>
          <span className="visually-hidden"> ({t('crimeAnalysis.backtest.best')})</span>
        </strong>
      ) : (
        shown
      )}
    </td>
  );

  const areaRule = result.areaRule === KNOWN_AREA_RULE ? t('crimeAnalysis.backtest.areaRuleLand') : result.areaRule;

  return (
    <div className="stack" data-testid="backtest-result">
      <p data-testid="backtest-summary">
        {t('crimeAnalysis.backtest.summary', {
          folds: format.integer(result.folds),
          incidents: format.integer(result.testIncidents),
          start: run.params.start,
          end: run.params.end,
          horizon: format.decimal(run.params.horizonDays ?? 7),
          lines: text.linesText(tested),
        })}
      </p>
      <p className="alert alert-info" data-testid="backtest-area">
        <strong>{t('crimeAnalysis.backtest.area')}</strong>{' '}
        {t('crimeAnalysis.backtest.areaText', { cells: format.integer(result.landCells), size: format.integer(result.cellSize), rule: areaRule })}
      </p>

      {targets.length > 1 ? (
        <Select id={targetId} label={t('crimeAnalysis.backtest.chooseFor')} value={target} onChange={(e) => setTarget(e.target.value)}>
          {targets.map((code) => (
            <option key={code} value={code}>
              {text.lineName(code)}
            </option>
          ))}
        </Select>
      ) : null}

      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table backtest-table" data-testid="backtest-table">
          <caption id={captionId}>{t('crimeAnalysis.backtest.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('crimeAnalysis.backtest.method')}
              </th>
              {coverages.map((coverage) => (
                <th key={coverage} scope="colgroup" colSpan={3} className="colgroup-head">
                  {t('crimeAnalysis.backtest.atArea', { share: format.share(coverage) })}
                </th>
              ))}
              <th scope="col" rowSpan={2}>
                {t('crimeAnalysis.backtest.choice')}
              </th>
            </tr>
            <tr>
              {coverages.map((coverage) => (
                <Fragment key={coverage}>
                  <th scope="col" className="num-col colgroup-start">
                    {t('crimeAnalysis.backtest.hitRate')}
                  </th>
                  <th scope="col" className="num-col">
                    PAI
                  </th>
                  <th scope="col" className="num-col">
                    PEI
                  </th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((method, index) => (
              <tr key={`${method.method}-${index}`} data-testid={`bt-row-${method.method}`}>
                <th scope="row" id={`${captionId}-m${index}`}>
                  {text.methodName(method.method)}
                  {text.paramsText(method.method, method.params) ? <span className="muted small block">{text.paramsText(method.method, method.params)}</span> : null}
                </th>
                {method.atCoverage.map((c, i) => (
                  <Fragment key={c.coverage}>
                    {cell(shownHit(c.hitRate) === best[i]!.hitRate, format.hitRate(c.hitRate), `${format.share(c.coverage)} · ${t('crimeAnalysis.backtest.hitRate')}`, `bt-${method.method}-${c.coverage}-hit`)}
                    {cell(shownRatio(c.pai) === best[i]!.pai, format.ratio(c.pai), `${format.share(c.coverage)} · PAI`, `bt-${method.method}-${c.coverage}-pai`)}
                    {cell(shownRatio(c.pei) === best[i]!.pei, format.ratio(c.pei), `${format.share(c.coverage)} · PEI`, `bt-${method.method}-${c.coverage}-pei`)}
                  </Fragment>
                ))}
                <td className="choice-cell">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => void choose(index, method)}
                    disabled={choosing !== null}
                    aria-describedby={`${captionId}-m${index}`}
                    data-testid={`choose-${method.method}`}
                  >
                    {t('crimeAnalysis.backtest.useFor', { line: text.lineName(target) })}
                  </button>
                  {chosen?.index === index ? (
                    <span className="small success-text block" role="status">
                      ✓ {t('crimeAnalysis.backtest.chosen', { line: text.lineName(chosen.line) })}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('crimeAnalysis.backtest.legend')}</p>
      {error ? <ProblemAlert error={error} /> : null}
      <HitRateChart results={results} label={t('crimeAnalysis.backtest.chartLabel')} caption={t('crimeAnalysis.backtest.chartCaption')} />
    </div>
  );
}
