import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { AnswerSurveyButton } from '../features/scorecards/AnswerSurveyButton';
import { ExportLinks } from '../features/scorecards/ExportLinks';
import { QueryBlock } from '../ui/QueryBlock';
import { scorecardsApi } from '../features/scorecards/scorecards.api';
import { TrustTable } from '../features/scorecards/TrustTables';
import { useScorecardFormat } from '../features/scorecards/useScorecardFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { Select } from '../ui/fields';
import { usePageTitle } from '../ui/usePageTitle';

const MONTHS = 12;

export function TrustPage() {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const [params, setParams] = useSearchParams();
  usePageTitle(t('scorecards.trust.title'));
  const trust = useQuery((signal) => scorecardsApi.trust(MONTHS, signal), []);

  return (
    <div className="page trust">
      <header className="page-header">
        <h1>{t('scorecards.trust.title')}</h1>
        <p className="lead">{t('scorecards.trust.lead')}</p>
      </header>
      {trust.data?.synthetic ? <DemoNotice>{t('scorecards.demo.trust')}</DemoNotice> : null}

      <section className="card survey-invite" aria-labelledby="invite-title">
        <h2 id="invite-title" className="h3">
          {t('scorecards.trust.inviteTitle')}
        </h2>
        <p>{t('scorecards.trust.inviteText')}</p>
        <AnswerSurveyButton />
      </section>

      <section className="section" aria-labelledby="results-title">
        <h2 id="results-title">{t('scorecards.trust.results')}</h2>
        <QueryBlock query={trust}>
          {(data) => {
            const months = [...new Set(data.rows.map((r) => r.month))].sort().reverse();
            if (months.length === 0) return <EmptyState>{t('scorecards.trust.empty')}</EmptyState>;
            const requested = params.get('month');
            const month = requested && months.includes(requested) ? requested : months[0]!;
            const rows = data.rows
              .filter((r) => r.month === month)
              .sort((a, b) => Number(b.department.id === 'city') - Number(a.department.id === 'city'));
            const monthLabel = format.period(month);
            return (
              <div className="stack">
                <p className="muted">{t('scorecards.trust.method', { min: data.minAnswers })}</p>
                <div className="trust-controls">
                  <Select
                    id="trust-month"
                    label={t('scorecards.trust.month')}
                    value={month}
                    onChange={(event) => {
                      const next = new URLSearchParams(params);
                      next.set('month', event.target.value);
                      setParams(next, { replace: true });
                    }}
                  >
                    {months.map((m) => (
                      <option key={m} value={m}>
                        {format.period(m)}
                      </option>
                    ))}
                  </Select>
                </div>
                <TrustTable rows={rows} item="overall" minAnswers={data.minAnswers} caption={t('scorecards.trust.tableCaption', { item: t('scorecards.trust.overall'), month: monthLabel })} />
                {data.items.map((item) => (
                  <TrustTable
                    key={item}
                    rows={rows}
                    item={item}
                    minAnswers={data.minAnswers}
                    caption={t('scorecards.trust.tableCaption', { item: t(`scorecards.trust.items.${item}.short`), month: monthLabel })}
                  />
                ))}
              </div>
            );
          }}
        </QueryBlock>
        <ExportLinks table="trust" what={t('scorecards.trust.title')} />
      </section>
    </div>
  );
}
