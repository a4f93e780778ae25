import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TEMPLATE_LANGS, TEMPLATE_PURPOSES, type TowTemplate } from '../api/towing.contract';
import { useQuery } from '../api/useQuery';
import { RegistryUpload } from '../features/towing/RegistryUpload';
import { TemplateEditor } from '../features/towing/TemplateEditor';
import { towingApi, towingPaths } from '../features/towing/towing.api';
import { DemoNotice } from '../ui/DemoNotice';
import { QueryBlock } from '../ui/QueryBlock';
import { usePageTitle } from '../ui/usePageTitle';

const order = (t: TowTemplate) => TEMPLATE_PURPOSES.indexOf(t.purpose) * 10 + TEMPLATE_LANGS.indexOf(t.lang);

/** п.24, the administrator: the SMS texts (notice and release, Russian and Kazakh) and the owners' registry. */
export function StaffTowingSettingsPage() {
  const { t } = useTranslation();
  const templates = useQuery((signal) => towingApi.templates(signal), []);
  const lots = useQuery(() => towingApi.lots(), []);
  const demo = lots.data?.some((l) => l.synthetic && l.active) ?? false;
  usePageTitle(t('towing.settings.title'));

  return (
    <div className="page tow-settings-page">
      <p className="breadcrumbs">
        <Link to={towingPaths.workspace}>← {t('towing.workspace.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('towing.settings.title')}</h1>
        <p className="lead">{t('towing.settings.lead')}</p>
      </header>
      {demo ? <DemoNotice>{t('towing.settings.demo')}</DemoNotice> : null}

      <section className="section" aria-labelledby="templates-title">
        <h2 id="templates-title">{t('towing.templates.sectionTitle')}</h2>
        <p className="muted">{t('towing.templates.sectionLead')}</p>
        <QueryBlock query={templates}>
          {(list) => (
            <div className="tow-templates">
              {[...list]
                .sort((a, b) => order(a) - order(b))
                .map((template) => (
                  <TemplateEditor key={`${template.purpose}-${template.lang}`} template={template} onSaved={() => templates.reload()} />
                ))}
            </div>
          )}
        </QueryBlock>
      </section>

      <section className="section" aria-labelledby="registry-title">
        <h2 id="registry-title">{t('towing.registry.title')}</h2>
        <p className="muted">{t('towing.registry.lead')}</p>
        <div className="card">
          <RegistryUpload />
        </div>
      </section>
    </div>
  );
}
