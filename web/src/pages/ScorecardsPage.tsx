import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { CompstatFamilies } from '../features/scorecards/CompstatFamilies';
import { DistrictList } from '../features/scorecards/DistrictList';
import { ExportLinks } from '../features/scorecards/ExportLinks';
import { LightsExplainer } from '../features/scorecards/LightsExplainer';
import { OfficialList } from '../features/scorecards/OfficialList';
import { OpenDataLinks } from '../features/scorecards/OpenDataLinks';
import { ProgrammeCard } from '../features/scorecards/ProgrammeCard';
import { QueryBlock } from '../ui/QueryBlock';
import { RankingTable } from '../features/scorecards/RankingTable';
import { scorecardsApi } from '../features/scorecards/scorecards.api';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { usePageTitle } from '../ui/usePageTitle';

export function ScorecardsPage() {
  const { t } = useTranslation();
  usePageTitle(t('scorecards.title'));
  const programmes = useQuery((signal) => scorecardsApi.programmes(signal), []);
  const districts = useQuery((signal) => scorecardsApi.districts(signal), []);
  const officials = useQuery((signal) => scorecardsApi.officials(signal), []);
  const compstat = useQuery((signal) => scorecardsApi.compstat({}, signal), []);

  const synthetic =
    programmes.data?.items.some((p) => p.budget.synthetic || p.official?.synthetic) ||
    officials.data?.items.some((o) => o.official.synthetic) ||
    compstat.data?.families.some((f) => f.rows.some((r) => r.synthetic));

  const sections = [
    { id: 'programmes', label: t('scorecards.sections.programmes') },
    { id: 'districts', label: t('scorecards.sections.districts') },
    { id: 'leaders', label: t('scorecards.sections.leaders') },
    { id: 'compstat', label: t('scorecards.sections.compstat') },
    { id: 'open-data', label: t('scorecards.sections.openData') },
  ];

  return (
    <div className="page scorecards">
      <header className="page-header">
        <h1>{t('scorecards.title')}</h1>
        <p className="lead">{t('scorecards.lead')}</p>
      </header>
      {synthetic ? <DemoNotice>{t('scorecards.demo.overview')}</DemoNotice> : null}
      <nav className="toc" aria-label={t('scorecards.sections.label')}>
        <ul className="toc-list">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="chip">
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <LightsExplainer />

      <section className="section" id="programmes" aria-labelledby="programmes-title">
        <h2 id="programmes-title">{t('scorecards.sections.programmes')}</h2>
        <p className="muted">{t('scorecards.programmes.lead')}</p>
        <QueryBlock query={programmes}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t('scorecards.programmes.empty')}</EmptyState>
            ) : (
              <div className="card-grid" data-testid="programme-list">
                {data.items.map((programme) => (
                  <ProgrammeCard key={programme.code} programme={programme} />
                ))}
              </div>
            )
          }
        </QueryBlock>
        <ExportLinks table="programmes" what={t('scorecards.sections.programmes')} />
      </section>

      <section className="section" id="districts" aria-labelledby="districts-title">
        <h2 id="districts-title">{t('scorecards.sections.districts')}</h2>
        <p className="muted">{t('scorecards.districts.lead')}</p>
        <QueryBlock query={districts}>
          {(data) => (
            <div className="stack">
              {data.items.length ? <DistrictList items={data.items} /> : <EmptyState>{t('scorecards.districts.empty')}</EmptyState>}
              {data.rankings.length ? (
                <>
                  <h3>{t('scorecards.ranking.title')}</h3>
                  {data.rankings.map((ranking) => (
                    <RankingTable key={`${ranking.code}-${ranking.window}`} ranking={ranking} />
                  ))}
                </>
              ) : null}
            </div>
          )}
        </QueryBlock>
      </section>

      <section className="section" id="leaders" aria-labelledby="leaders-title">
        <h2 id="leaders-title">{t('scorecards.sections.leaders')}</h2>
        <p className="muted">{t('scorecards.leaders.lead')}</p>
        <QueryBlock query={officials}>
          {(data) => (data.items.length ? <OfficialList items={data.items} /> : <EmptyState>{t('scorecards.leaders.empty')}</EmptyState>)}
        </QueryBlock>
      </section>

      <section className="section" id="compstat" aria-labelledby="compstat-title">
        <h2 id="compstat-title">{t('scorecards.sections.compstat')}</h2>
        <p className="muted">{t('scorecards.compstat.method')}</p>
        <QueryBlock query={compstat}>{(data) => <CompstatFamilies families={data.families} asOf={data.asOf} idPrefix="overview" />}</QueryBlock>
      </section>

      <section className="section" id="open-data" aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('scorecards.sections.openData')}</h2>
        <p className="muted">{t('scorecards.openData.lead')}</p>
        <OpenDataLinks />
      </section>
    </div>
  );
}
