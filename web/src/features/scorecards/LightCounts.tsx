import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { LIGHT_META } from './light';
import { LIGHTS, type LightCounts as Counts } from './scorecards.types';

/** How many indicators show each light: "✓ 3 зелёных · ! 1 жёлтый …", as a list. */
export function LightCounts({ counts, label }: { counts: Counts; label?: string }) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const shown = LIGHTS.filter((light) => (counts[light] ?? 0) > 0);
  if (shown.length === 0) return <p className="muted small">{t('scorecards.lights.none')}</p>;
  return (
    <ul className="light-counts" aria-label={label ?? t('scorecards.lights.label')} data-testid="light-counts">
      {shown.map((light) => (
        <li key={light} className={`light-count badge badge-${LIGHT_META[light].tone}`}>
          <span aria-hidden="true" className="badge-icon">
            {LIGHT_META[light].icon}
          </span>
          <span className="light-count-value">{formatNumber(counts[light])}</span> {t(`scorecards.lights.${light}`)}
        </li>
      ))}
    </ul>
  );
}
