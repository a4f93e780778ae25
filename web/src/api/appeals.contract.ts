// The appeals API as the server defines it (STYLE §2: one schema for validation, types, OpenAPI and
// the web client). Types only: the server's domain module uses node:crypto, so the few enumerations
// the web needs are repeated here and checked against the server's types at compile time.
import type { z } from 'zod';
import type * as s from '../../../server/src/appeals/appeals.schema';
import type { AppealKind, AppealStatus, ResponsibleUnit } from '../../../server/src/appeals/appeals.domain';
import type * as p from '../../../server/src/precincts/precincts.schema';

export type { AppealKind, AppealStatus, ResponsibleUnit };

/** Every status in the order of an appeal's life (the server's `appealStatuses`). */
export const APPEAL_STATUSES = ['received', 'routed', 'in_progress', 'answered', 'closed', 'declined', 'not_competent', 'duplicate'] as const satisfies readonly AppealStatus[];
export const APPEAL_KINDS = ['appeal', 'proposal', 'drug_advert'] as const satisfies readonly AppealKind[];
/** Statuses after which staff do no more work unless the resident contests (the server's `finalStatuses`). */
export const FINAL_STATUSES: readonly AppealStatus[] = ['answered', 'closed', 'declined', 'not_competent', 'duplicate'];
/** City units that may own an appeal: `city:<unit>`. */
export const CITY_UNITS = ['internal_security', 'anti_drug', 'road_police', 'public_relations'] as const satisfies readonly ResponsibleUnit[];
export type CityUnit = (typeof CITY_UNITS)[number];

export const MAX_DESCRIPTION_CHARS = 4000;
export const MAX_PHOTOS = 4;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

// ---- Public --------------------------------------------------------------------------------------

export type AppealCategory = z.infer<typeof s.appealCategorySchema>;
/** What the resident sends (the JSON part of the multipart form). */
export type AppealSubmission = z.input<typeof s.appealSubmitBody>;
export type AppealContact = NonNullable<AppealSubmission['contact']>;
export type AdvertKind = NonNullable<AppealSubmission['advert']>['kind'];
export type AppealReceipt = z.infer<typeof s.submitResponseSchema>;
export type AppealEvent = z.infer<typeof s.timelineEventSchema>;
export type PublicAppeal = z.infer<typeof s.publicAppealSchema>;
export type AppealPhoto = PublicAppeal['photos'][number];
export type AppealAdvert = NonNullable<PublicAppeal['advert']>;
export type AppealAdoption = NonNullable<PublicAppeal['adopted']>;
/** The list's query as the web sends it (the server fills the defaults). */
export type PublicAppealListQuery = Partial<z.infer<typeof s.publicAppealListQuery>>;
export type PublicAppealSummary = z.infer<typeof s.publicAppealSummarySchema>;
export type PublicAppealList = z.infer<typeof s.publicAppealListSchema>;
export type RatingInput = z.input<typeof s.ratingBody>;
export type RatingResult = z.infer<typeof s.ratingResponseSchema>;
export type ContestInput = z.input<typeof s.contestBody>;
export type SupportInput = z.input<typeof s.supportBody>;
export type SupportChallenge = z.infer<typeof s.supportChallengeSchema>;
export type SupportConfirmInput = z.input<typeof s.supportConfirmBody>;
export type DrugAdvertStats = z.infer<typeof s.drugAdvertStatsSchema>;

/** Places: picking a point by address, and which precinct a point is in. */
export type AddressMatch = z.infer<typeof p.addressMatchSchema>;
export type LocateResult = z.infer<typeof p.locateResponseSchema>;

// ---- Staff ---------------------------------------------------------------------------------------

export type StaffQueue = NonNullable<z.input<typeof s.staffQueueQuery>['queue']>;
export type StaffQueueQuery = Partial<z.infer<typeof s.staffQueueQuery>>;
export type StaffAppealSummary = z.infer<typeof s.staffAppealSummarySchema>;
export type StaffQueueResponse = z.infer<typeof s.staffQueueSchema>;
export type StaffAppeal = z.infer<typeof s.staffAppealSchema>;
export type StaffAppealDuplicate = StaffAppeal['duplicates'][number];
export type RouteInput = z.input<typeof s.routeBody>;
export type StatusChangeInput = z.input<typeof s.statusBody>;
export type AnswerInput = z.input<typeof s.answerBody>;
export type VisibilityInput = z.input<typeof s.visibilityBody>;
export type RemovalInput = z.input<typeof s.removalBody>;
export type AdoptInput = z.input<typeof s.adoptBody>;
export type CategoryPatchInput = z.input<typeof s.categoryPatchBody>;
export type Open311Key = z.infer<typeof s.apiKeySchema>;
export type Open311KeyCreateInput = z.input<typeof s.apiKeyCreateBody>;
export type Open311KeyCreated = z.infer<typeof s.apiKeyCreatedSchema>;

// Compile-time checks that the lists above name every value of the server's unions.
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type ContractListsComplete = Assert<
  Covers<AppealStatus, (typeof APPEAL_STATUSES)[number]> & Covers<AppealKind, (typeof APPEAL_KINDS)[number]> & Covers<Exclude<ResponsibleUnit, 'precinct' | 'district'>, CityUnit>
>;
