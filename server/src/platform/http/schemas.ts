import { z } from 'zod';
import { staffRoles } from '../auth/roles.js';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    field: z.string().optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const localizedTextSchema = z.object({ ru: z.string(), kk: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });

export const scopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('city') }),
    z.object({ kind: z.literal('district'), districtId: z.string().min(1).max(64) }),
  ])
  .meta({ id: 'Scope' });

export const staffRoleSchema = z.enum(staffRoles);

/** Standard error answers declared on every route (for OpenAPI). */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;
