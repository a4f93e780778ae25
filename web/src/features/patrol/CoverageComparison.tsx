import { useTranslation } from 'react-i18next';
import { PLAN_METHODS, type PlanResult } from '../../api/patrol.contract';
import { CoverageChart } from './CoverageChart';
import { usePatrolFormat } from './usePatrolFormat';

/**
 * The share of the shift's forecast risk the optimised plan covers, against today's plan (crews as
 * today's routes), an even spread and the greedy — as figures and as a small bar chart.
 */
export function CoverageComparison({ result }: { result: PlanResult }) {
  const { t, i18n } = useTranslation();
  const format = usePatrolFormat();
  const share = (method: (typeof PLAN_METHODS)[number]) => result.coverage.find((c) => c.method === method)?.share ?? 0;
  const optimised = share('optimised');
  const current = share('current');
  return (
    <div className="patrol-coverage" data-testid="coverage">
      <p>{t('patrol.coverage.intro')}</p>
      <ul className="figures patrol-figures">
        {PLAN_METHODS.map((method) => (
          <li key={method} className={`figure patrol-figure patrol-figure-${method}`} data-testid={`coverage-${method}`} data-share={share(method)}>
            <span className="figure-value">{format.share(share(method))}</span>
            <span className="figure-label">{t(`patrol.coverage.methods.${method}`)}</span>
            {method === 'optimised' && optimised > current ? <span className="figure-compare small">{t('patrol.coverage.gain', { points: format.points(optimised, current) })}</span> : null}
          </li>
        ))}
      </ul>
      <CoverageChart
        data={PLAN_METHODS.map((method) => ({ method, name: t(`patrol.coverage.short.${method}`), share: share(method) }))}
        label={t('patrol.coverage.chart', { optimised: format.share(optimised), current: format.share(current), uniform: format.share(share('uniform')), greedy: format.share(share('greedy')) })}
      />
      <p className="small muted" data-testid="solver">
        {t('patrol.coverage.solver', {
          method: result.solver.method === 'exact' || result.solver.method === 'highs' ? t(`patrol.coverage.solverMethods.${result.solver.method}`) : result.solver.method,
          status: i18n.exists(`patrol.coverage.solverStatus.${result.solver.status}`) ? t(`patrol.coverage.solverStatus.${result.solver.status as 'optimal'}`) : result.solver.status,
          seconds: format.decimal(result.solver.seconds),
          forecast: result.forecast.method,
          cells: format.integer(result.forecast.cellsInSectors),
          crews: format.integer(result.totals.mobileCrews),
          stops: format.integer(result.totals.stops),
        })}
      </p>
    </div>
  );
}
