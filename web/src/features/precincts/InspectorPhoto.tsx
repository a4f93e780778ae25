import { useTranslation } from 'react-i18next';
import type { InspectorCard } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';

/** The inspector's official portrait, or a neutral silhouette when there is none. */
export function InspectorPhoto({ inspector, large = false }: { inspector: InspectorCard; large?: boolean }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const className = `inspector-photo${large ? ' inspector-photo-large' : ''}`;
  if (inspector.photoUrl) {
    return <img className={className} src={inspector.photoUrl} alt={t('precincts.card.photoAlt', { name: localized(inspector.name) })} loading="lazy" data-testid="inspector-photo" />;
  }
  return (
    <span className={`${className} inspector-photo-none`} aria-hidden="true" data-testid="inspector-photo-none">
      <svg viewBox="0 0 48 60" focusable="false">
        <circle cx="24" cy="21" r="11" />
        <path d="M4 60c0-13 9-21 20-21s20 8 20 21z" />
      </svg>
    </span>
  );
}
