import { useTranslation } from 'react-i18next';
import { WITHHELD, type CountClass } from './crime-map.colours';
import { useCrimeMapFormat } from './useCrimeMapFormat';

export interface CountLegendProps {
  classes: readonly CountClass[];
  /** What is counted ("incidents in a cell", "incidents in a district"). */
  title: string;
  /** Add the swatch of districts whose count is withheld (under k). */
  withheldUnder?: number;
  /** `count`: whole numbers, each class inclusive; `density`: per km², classes from one bound to the next. */
  kind?: 'count' | 'density';
}

/** The sequential scale's classes in numbers: what each shade of the map means. */
export function CountLegend({ classes, title, withheldUnder, kind = 'count' }: CountLegendProps) {
  const { t } = useTranslation();
  const format = useCrimeMapFormat();
  const text = (c: CountClass, i: number) => {
    if (kind === 'density') {
      if (i === 0) return t('crimeMap.legend.below', { value: format.decimal(c.max) });
      if (c.max === Infinity) return t('crimeMap.legend.atLeast', { value: format.decimal(c.min) });
      return t('crimeMap.legend.range', { from: format.decimal(c.min), to: format.decimal(c.max) });
    }
    return c.min === c.max ? format.integer(c.min) : t('crimeMap.legend.range', { from: format.integer(c.min), to: format.integer(c.max) });
  };
  return (
    <div className="count-legend" data-testid="count-legend">
      <p className="count-legend-title small" id="count-legend-title">
        {title}
      </p>
      <ul className="count-legend-items" aria-labelledby="count-legend-title">
        {classes.map((c, i) => (
          <li key={c.min} className="count-legend-item">
            <span className="count-swatch" style={{ background: c.colour }} aria-hidden="true" />
            <span className="small">{text(c, i)}</span>
          </li>
        ))}
        {withheldUnder !== undefined ? (
          <li className="count-legend-item">
            <span className="count-swatch count-swatch-withheld" style={{ background: WITHHELD }} aria-hidden="true" />
            <span className="small">{t('crimeMap.legend.withheld', { k: format.integer(withheldUnder) })}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
