import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { HEADLINE_FIGURES } from './headline-figures';

/** Real figures from the report, each with the item it comes from. */
export function HeadlineFigures() {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  return (
    <ul className="figures" data-testid="headline-figures">
      {HEADLINE_FIGURES.map((figure) => (
        <li key={figure.key} className="figure card">
          <span className="figure-value">
            {formatNumber(figure.value)}
            {figure.compare !== undefined ? (
              <span className="figure-compare">
                {' '}
                / {formatNumber(figure.compare)}
              </span>
            ) : null}
          </span>
          <span className="figure-label">
            {t(`home.figures.${figure.key}`, { value: formatNumber(figure.value), compare: formatNumber(figure.compare ?? 0) })}
          </span>
          <span className="figure-source">
            <abbr title={t('home.itemTitle', { item: figure.item })}>{t('home.item', { item: figure.item })}</abbr>
          </span>
        </li>
      ))}
    </ul>
  );
}
