import { useTranslation } from 'react-i18next';
import { openDataUrls } from '../features/recommendations/recommendations.api';
import { usePageTitle } from '../ui/usePageTitle';

export function OpenDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('openData.title'));
  const datasets = [
    { href: openDataUrls.json, title: t('openData.json'), text: t('openData.jsonText'), format: 'JSON' },
    { href: openDataUrls.csv, title: t('openData.csv'), text: t('openData.csvText'), format: 'CSV' },
    { href: '/api/v1/audit', title: t('openData.audit'), text: t('openData.auditText'), format: 'JSON' },
    { href: '/api/v1/audit/verify', title: t('openData.verify'), text: t('openData.verifyText'), format: 'JSON' },
  ];
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('openData.title')}</h1>
        <p className="lead">{t('openData.lead')}</p>
      </header>
      <section className="section" aria-labelledby="datasets-title">
        <h2 id="datasets-title">{t('openData.datasets')}</h2>
        <ul className="dataset-list">
          {datasets.map((dataset) => (
            <li key={dataset.href} className="card dataset">
              <h3>
                <a href={dataset.href}>{dataset.title}</a>
              </h3>
              <p>{dataset.text}</p>
              <p className="small">
                <span className="badge badge-neutral">{dataset.format}</span> <code className="url">{dataset.href}</code>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="api-title">
        <h2 id="api-title">{t('openData.apiTitle')}</h2>
        <p>{t('openData.apiText')}</p>
        <p>
          <a className="button button-primary" href={openDataUrls.docs}>
            {t('openData.apiDocs')}
          </a>
        </p>
        <p className="muted small">{t('openData.license')}</p>
      </section>
    </div>
  );
}
