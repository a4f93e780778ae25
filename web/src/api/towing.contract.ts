// The tow service's API (п.24) as the server defines it (STYLE §2): requests and answers come from the
// server's Zod schemas.
//
// The plate rules are the server's own module (server/src/towing/plates.ts, no imports), bundled: the form's
// "fits a known format" is the very check the server applies on registration.
import type { z } from 'zod';
import type * as s from '../../../server/src/towing/towing.schema';
import type { MAX_FINE_TENGE as ServerMaxFine, MAX_TOW_PHOTOS as ServerMaxPhotos, TemplateLang, TemplatePurpose, TowStatus } from '../../../server/src/towing/towing.domain';
import type { RegistryRejectReason } from '../../../server/src/towing/towing.registry';

export { displayPlate, normalizePlate, plateCharactersValid } from '../../../server/src/towing/plates';
export type { PlateFormat } from '../../../server/src/towing/plates';
export type { RegistryRejectReason, TemplateLang, TemplatePurpose, TowStatus };

/** Every status of a tow in the order of its life (the server's `towStatuses`). */
export const TOW_STATUSES = ['towed', 'at_lot', 'released', 'cancelled'] as const satisfies readonly TowStatus[];
/** The states of an outbox message (the server's messages.status). */
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'expired'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** Why the registry import refuses a row. */
export const REGISTRY_REJECT_REASONS = ['bad_plate', 'bad_phone', 'not_mobile', 'bad_lang', 'duplicate_in_file'] as const satisfies readonly RegistryRejectReason[];
export const TEMPLATE_PURPOSES = ['notice', 'released'] as const satisfies readonly TemplatePurpose[];
export const TEMPLATE_LANGS = ['ru', 'kk'] as const satisfies readonly TemplateLang[];

// The server's limits (towing.domain.ts imports node:crypto, so the values are repeated and checked here).
export const MAX_TOW_PHOTOS = 4 satisfies typeof ServerMaxPhotos;
export const MAX_FINE_TENGE = 5_000_000 satisfies typeof ServerMaxFine;
/** The photo limit of platform/images/photos.ts. */
export const MAX_TOW_PHOTO_BYTES = 10 * 1024 * 1024;

// ---- Public --------------------------------------------------------------------------------------

export type ImpoundLot = z.infer<typeof s.lotSchema>;
export type LookupInput = z.input<typeof s.lookupBody>;
export type LookupResult = z.infer<typeof s.lookupResultSchema>;

// ---- Staff ---------------------------------------------------------------------------------------

export type TowReason = z.infer<typeof s.reasonSchema>;
/** What the operator's form sends (the `tow` JSON of the multipart form). */
export type TowRegistration = z.input<typeof s.registerTowBody>;
export type ReleaseInput = z.input<typeof s.releaseBody>;
export type CancelInput = z.input<typeof s.cancelBody>;
export type CallInput = z.input<typeof s.callBody>;

export type TowSummary = z.infer<typeof s.towSummarySchema>;
export type TowDetail = z.infer<typeof s.towDetailSchema>;
export type MessageEvent = TowDetail['messageEvents'][number];
/** POST /tows answers the tow's detail and whether the owner's SMS was queued. */
export type RegisteredTow = TowDetail & { smsQueued: boolean };
export type TowList = z.infer<typeof s.towListSchema>;
export type DayFigures = z.infer<typeof s.figuresSchema>['days'][number];

export type TowTemplate = z.infer<typeof s.templateSchema>;
export type TemplatePreview = z.infer<typeof s.templatePreviewSchema>;
export type RegistryImport = z.infer<typeof s.registryImportSchema>;
