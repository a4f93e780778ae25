import { useTranslation } from 'react-i18next';
import { planFiles } from './patrol.api';

/** The plan as files: CSV and GeoJSON for systems, PDF to print in Russian or Kazakh. */
export function PlanFiles({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const links = [
    { id: 'csv', href: planFiles.csv(planId), label: t('patrol.files.csv'), download: true },
    { id: 'geojson', href: planFiles.geojson(planId), label: t('patrol.files.geojson'), download: true },
    { id: 'pdf-ru', href: planFiles.pdf(planId, 'ru'), label: t('patrol.files.pdfRu'), download: false },
    { id: 'pdf-kk', href: planFiles.pdf(planId, 'kk'), label: t('patrol.files.pdfKk'), download: false },
  ];
  return (
    <ul className="plain-list export-links patrol-files" data-testid="plan-files">
      {links.map((link) => (
        <li key={link.id}>
          <a className="export-link" href={link.href} data-testid={`plan-file-${link.id}`} {...(link.download ? { download: '' } : { target: '_blank', rel: 'noopener' })}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
