import { useTranslation } from 'react-i18next';
import type { InspectorCard } from '../../api/precincts.contract';

/** The printable A4 info sheets (PDF) in Russian and Kazakh; their QR code leads to the inspector's page. */
export function SheetLinks({ inspector }: { inspector: InspectorCard }) {
  const { t } = useTranslation();
  return (
    <ul className="sheet-links" aria-label={t('precincts.card.sheets')}>
      <li>
        <a href={inspector.sheetUrls.ru} hrefLang="ru" type="application/pdf" data-testid="sheet-ru">
          {t('precincts.card.sheetRu')}
        </a>
      </li>
      <li>
        <a href={inspector.sheetUrls.kk} hrefLang="kk" type="application/pdf" data-testid="sheet-kk">
          {t('precincts.card.sheetKk')}
        </a>
      </li>
    </ul>
  );
}
