import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { CITY_ID, scorecardPaths } from './scorecards.api';
import type { Department } from './scorecards.types';

export interface DepartmentLinkProps {
  department: Department;
  testId?: string;
}

/** A department's name, linked to its district scorecard; the city has no such page, so it stays text. */
export function DepartmentLink({ department, testId }: DepartmentLinkProps) {
  const { localized } = useLocale();
  const name = localized(department.name);
  if (department.id === CITY_ID) return name;
  return (
    <Link to={scorecardPaths.district(department.id)} data-testid={testId}>
      {name}
    </Link>
  );
}
