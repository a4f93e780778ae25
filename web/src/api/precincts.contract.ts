// The precincts API as the server defines it (STYLE §2: one schema for validation, types, OpenAPI
// and the web client). Types come from the server's Zod schemas; the enumerations are the server's
// own constants, bundled, so the web can never list a kind the server does not know.
import type { z } from 'zod';
import type * as s from '../../../server/src/precincts/precincts.schema';
import type { LocalizedText } from './types';

export { messengerKinds, receptionKinds } from '../../../server/src/precincts/precincts.domain';
export type { LoadLevel, MessengerKind, ReceptionKind } from '../../../server/src/precincts/precincts.domain';

export type Workload = z.infer<typeof s.workloadSchema>;
export type WorkloadNorms = z.infer<typeof s.normsSchema>;
export type WorkloadReport = z.infer<typeof s.workloadResponseSchema>;
export type DistrictWorkload = WorkloadReport['districts'][number];
export type ReceptionPoint = z.infer<typeof s.receptionPointSchema>;
export type WeeklyHours = z.infer<typeof s.weeklyHoursSchema>;
export type HoursException = z.infer<typeof s.hoursExceptionSchema>;
export type MessengerLink = z.infer<typeof s.messengerSchema>;
export type DistrictRef = z.infer<typeof s.districtRefSchema>;
export type PrecinctSummary = z.infer<typeof s.precinctSummarySchema>;
export type PrecinctDetail = z.infer<typeof s.precinctDetailSchema>;
export type InspectorCard = z.infer<typeof s.inspectorCardSchema>;
export type LocateResult = z.infer<typeof s.locateResponseSchema>;
export type AddressMatch = z.infer<typeof s.addressMatchSchema>;
export type InspectorPatchInput = z.input<typeof s.inspectorPatchBody>;
export type ImportRow = z.infer<typeof s.importRowSchema>;
export type ImportPreview = z.infer<typeof s.importPreviewSchema>;
export type ImportResult = z.infer<typeof s.importConfirmSchema>;

/**
 * The properties of one feature of `/api/v1/precincts.geojson` (the route answers GeoJSON, which has
 * no Zod schema of its own): enough to draw and colour the precinct without another request.
 */
export interface PrecinctFeatureProperties {
  id: string;
  code: string;
  name: LocalizedText;
  districtId: string;
  population: number | null;
  perInspector: number | null;
  level: z.infer<typeof s.loadLevelSchema>;
  inspectors: number;
  synthetic: boolean;
}

/** The properties of one feature of `/api/v1/districts.geojson`. */
export interface DistrictFeatureProperties {
  id: string;
  code: string;
  name: LocalizedText;
  approximate: boolean;
}
