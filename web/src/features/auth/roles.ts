import type { Role, SessionUser } from '../../api/types';

/** Who may write a department response (DESIGN.md: editor within scope, admin). */
export const RESPONSE_WRITERS: readonly Role[] = ['editor', 'admin'];
/** Who may assess a response: council members and admins. */
export const ASSESSORS: readonly Role[] = ['council', 'admin'];
/** Who may download the generated report (DOCX/PDF). */
export const REPORT_EXPORTERS: readonly Role[] = ['council', 'editor', 'admin'];
/** Who may import a report. */
export const IMPORTERS: readonly Role[] = ['editor', 'admin'];
/** Who may enter indicator values, budget lines and measure progress (within their scope). */
export const VALUE_EDITORS: readonly Role[] = ['editor', 'admin'];
/** Who may define indicators and their thresholds. */
export const INDICATOR_DEFINERS: readonly Role[] = ['analyst', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];

export function hasRole(user: SessionUser | null | undefined, roles: readonly Role[]): user is SessionUser {
  return !!user && roles.includes(user.role);
}
/** Who works on appeals: inspectors (own precinct), editors (their scope), admins. */
export const APPEAL_HANDLERS: readonly Role[] = ['inspector', 'editor', 'admin'];
/** Who maintains precincts, inspectors and the address register (imports). */
export const PRECINCT_EDITORS: readonly Role[] = ['editor', 'admin'];
/** Who reads the staff crime map and CompStat (the server's crime `readers`). */
export const CRIME_MAP_READERS: readonly Role[] = ['analyst', 'dispatcher', 'council', 'admin'];
/** Who imports incidents and runs forecasts and backtests (the server's crime `analysts`). */
export const CRIME_ANALYSTS: readonly Role[] = ['analyst', 'admin'];
