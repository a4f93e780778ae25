import { Link } from 'react-router';
import { filterHref } from './useRecommendationFilters';

export interface FilterChipsProps {
  /** The list filter each chip links to. */
  param: 'addressee' | 'topic';
  values: string[];
  label?: (value: string) => string;
}

/** Values shown as chips, each linking to the list filtered by it; a dash when there are none. */
export function FilterChips({ param, values, label = (v) => v }: FilterChipsProps) {
  if (values.length === 0) return <>—</>;
  return (
    <ul className="chips">
      {values.map((value) => (
        <li key={value}>
          <Link className="chip" to={filterHref(param, value)}>
            {label(value)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
