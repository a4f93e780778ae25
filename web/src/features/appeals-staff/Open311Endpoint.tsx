import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';
import { OPEN311_BASE_PATH, OPEN311_DISCOVERY_PATH } from './appeals-staff.api';

/** Where integrators start: the GeoReport v2 discovery document and the endpoint base. */
export function Open311Endpoint() {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const rows = [
    { id: 'discovery', label: t('appealsStaff.open311.discovery'), value: `${origin}${OPEN311_DISCOVERY_PATH}` },
    { id: 'base', label: t('appealsStaff.open311.base'), value: `${origin}${OPEN311_BASE_PATH}` },
  ];
  return (
    <section className="card section" aria-labelledby="open311-endpoint-title">
      <h2 id="open311-endpoint-title">{t('appealsStaff.open311.endpointTitle')}</h2>
      <p>{t('appealsStaff.open311.endpointText')}</p>
      <dl className="meta sa-open311-endpoints" data-testid="open311-endpoints">
        {rows.map((row) => (
          <div key={row.id}>
            <dt>{row.label}</dt>
            <dd className="sa-open311-endpoint">
              <code>{row.value}</code> <CopyButton value={row.value} label={t('appealsStaff.open311.copyUrl')} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('appealsStaff.open311.keyUsage')}</p>
      <p className="small">
        <a href={OPEN311_DISCOVERY_PATH}>{t('appealsStaff.open311.openDiscovery')}</a> · <a href="/api/docs">{t('appealsStaff.open311.apiDocs')}</a>
      </p>
    </section>
  );
}
