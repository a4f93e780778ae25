// The staff side of the appeals API: the server's own types, through the web's contract file
// (web/src/api/appeals.contract.ts: type-only `z.infer` of server/src/appeals/appeals.schema.ts),
// under the names these pages use, plus the lists and limits the staff forms need.
import type { AdoptInput, AppealStatus, ResponsibleUnit, StaffAppeal, StaffQueue, StatusChangeInput } from '../../api/appeals.contract';
import type { LocalizedText } from '../../api/types';

export { APPEAL_STATUSES, CITY_UNITS } from '../../api/appeals.contract';
export type {
  AdoptInput,
  AnswerInput,
  AppealCategory,
  AppealKind,
  AppealPhoto,
  AppealStatus,
  CategoryPatchInput,
  Open311Key,
  Open311KeyCreated,
  RemovalInput,
  ResponsibleUnit,
  RouteInput,
  StaffAppeal,
  StaffAppealSummary,
  StatusChangeInput,
  VisibilityInput,
} from '../../api/appeals.contract';

/** A queue's name (`mine`, `overdue`, …). */
export type QueueName = StaffQueue;
/** The queue list's answer: a page of appeals and the count of every queue. */
export type { StaffQueueResponse as StaffQueuePage } from '../../api/appeals.contract';
/** The queue's query string (the server coerces `page`; here it is a number). */
export interface StaffQueueQuery {
  queue?: QueueName;
  status?: AppealStatus;
  category?: string;
  page?: number;
}
export type StaffTimelineEvent = StaffAppeal['internalTimeline'][number];
export type DuplicateSuggestion = StaffAppeal['duplicates'][number];
export type StaffSettableStatus = StatusChangeInput['status'];
export type AdoptionKind = AdoptInput['kind'];

/**
 * One unit an appeal may be routed to (GET /api/v1/appeal-units). The server's schema module has no
 * schema for this answer yet, so it is written out here: `precinct:<id>`, `district:<id>` or `city:<unit>`.
 */
export interface AppealUnit {
  unit: string;
  name: LocalizedText;
  districtId: string | null;
}

// A Record over the server's union makes a new queue or status fail the build here.
const every = <K extends string>(members: Record<K, true>): readonly K[] => Object.keys(members) as K[];

/** In the order the queue page shows them: the account's own queue first. */
export const QUEUES = every<QueueName>({ mine: true, overdue: true, unrouted: true, contested: true, drug_adverts: true, proposals: true, all: true });
/** The statuses staff set through the status form (routing and answering have their own actions). */
export const STAFF_STATUSES = every<StaffSettableStatus>({ in_progress: true, declined: true, not_competent: true, duplicate: true, closed: true });
export const ADOPTION_KINDS = every<AdoptionKind>({ recommendation: true, programme: true, measure: true });
export type CityUnitName = Exclude<ResponsibleUnit, 'precinct' | 'district'>;

/** The server's limits (appeals.schema.ts), repeated for counters and client-side checks. */
export const LIMITS = {
  answerMin: 20,
  answerMax: 8000,
  routeReasonMin: 3,
  routeReasonMax: 500,
  visibilityReasonMin: 3,
  visibilityReasonMax: 500,
  evidenceMin: 3,
  evidenceMax: 500,
  reasonMax: 1000,
  competentBodyMax: 300,
  noteMax: 2000,
  refMax: 100,
  keyNameMin: 3,
  keyNameMax: 100,
  deadlineMin: 1,
  deadlineMax: 60,
} as const;

export function isStaffSettable(status: AppealStatus): status is StaffSettableStatus {
  return (STAFF_STATUSES as readonly string[]).includes(status);
}
