/** Staff roles (DESIGN.md "Roles"); the public needs no account. */
export const staffRoles = ['council', 'editor', 'analyst', 'dispatcher', 'inspector', 'tow_operator', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A staff account serves the whole city or one district police department. */
export type Scope = { kind: 'city' } | { kind: 'district'; districtId: string };

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  scope: Scope;
}

/**
 * What a route requires. `public` opts in explicitly; otherwise the roles allowed and the scope:
 * `city` = only city-wide accounts, `any` = district accounts too (the service then checks the district).
 */
export type Access = 'public' | { roles: readonly StaffRole[]; scope: 'city' | 'any' };

export const councilRoles = ['council', 'admin'] as const satisfies readonly StaffRole[];
export const editorRoles = ['editor', 'admin'] as const satisfies readonly StaffRole[];
export const allStaff = staffRoles;

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

/** Why a principal may not pass, or null when it may. */
export function denyReason(access: Access, principal: Principal | null): 'unauthenticated' | 'forbidden' | null {
  if (access === 'public') return null;
  if (!principal) return 'unauthenticated';
  if (!access.roles.includes(principal.role)) return 'forbidden';
  if (access.scope === 'city' && principal.scope.kind !== 'city') return 'forbidden';
  return null;
}

/** Public description of who acted: role and unit, never the person. */
export function unitOf(scope: Scope): string {
  return scope.kind === 'city' ? 'city' : `district:${scope.districtId}`;
}
