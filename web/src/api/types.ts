// Types of the openbeat HTTP API (v1), as the web app consumes them.
// They mirror the server's response schemas; keep the two in step.

export type Lang = 'ru' | 'kk' | 'en';

/** Multilingual text: Russian is the default and always present. */
export interface LocalizedText {
  ru: string;
  kk: string;
  en: string;
}

/** RFC 9457 problem details, as every error of the API answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  requestId?: string;
}

// ---- auth ---------------------------------------------------------------

export const ROLES = [
  'council',
  'editor',
  'analyst',
  'dispatcher',
  'inspector',
  'tow_operator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type Scope = { kind: 'city' } | { kind: 'district'; districtId: string };

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

export interface MeResponse {
  user: SessionUser | null;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  user: SessionUser;
}

// ---- reference data -----------------------------------------------------

export interface District {
  id: string;
  code: string;
  name: LocalizedText;
  /** Boundaries are approximate (demo geography). */
  approximate: boolean;
}

export interface Commission {
  id: string;
  number: number;
  name: LocalizedText;
  council: LocalizedText;
}

export interface Period {
  /** e.g. "2021-Q1" */
  code: string;
  label: LocalizedText;
  commissionId: string;
}

export interface ListResponse<T> {
  items: T[];
}

// ---- oversight: recommendations, responses, assessments -----------------

export const RECOMMENDATION_STATUSES = [
  'implemented',
  'in_progress',
  'partially_implemented',
  'planned',
  'declined',
  'outside_competence',
  'requires_legislation',
  'no_response',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const VERDICTS = ['accepted', 'not_accepted', 'needs_info'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Source = 'imported' | 'manual';

export interface RecommendationSummary {
  number: number;
  title: string;
  status: RecommendationStatus;
  addressees: string[];
  topics: string[];
  latestPeriod: string | null;
  assessment: Verdict | null;
  source: Source;
}

export interface RecommendationListResponse {
  items: RecommendationSummary[];
  counts: Partial<Record<RecommendationStatus, number>>;
  facets: { addressees: string[]; topics: string[] };
}

export interface RecommendationFilters {
  status?: string;
  addressee?: string;
  topic?: string;
  q?: string;
  period?: string;
}

export interface SubItem {
  label: string;
  text: string;
}

/** A figure found in a response text, e.g. «37 модульных постов». */
export interface Figure {
  /** Present on saved responses (not in an import preview). */
  id?: string;
  value: number;
  unit: string;
  counts: string;
  sentence: string;
}

export interface StatusSuggestion {
  status: RecommendationStatus;
  /** 0..1 */
  confidence: number;
  /** The phrase of the response that decided the suggestion. */
  phrase: string;
}

export interface Actor {
  role: Role | 'public' | 'system' | string;
  unit: string | null;
}

export interface Assessment {
  id: string;
  verdict: Verdict;
  comment: string;
  createdAt: string;
  by: Actor;
}

export interface RecommendationResponse {
  id: string;
  period: { code: string; label: LocalizedText };
  text: string;
  status: RecommendationStatus;
  competence: string | null;
  suggestion: StatusSuggestion | null;
  figures: Figure[];
  source: Source;
  createdAt: string;
  updatedAt: string;
  assessments: Assessment[];
}

export interface HistoryEntry {
  seq: number;
  at: string;
  action: string;
  actor: Actor;
  before: unknown;
  after: unknown;
}

export interface RecommendationDetail {
  number: number;
  title: string;
  text: string;
  subItems: SubItem[];
  addressees: string[];
  topics: string[];
  status: RecommendationStatus;
  competence: string | null;
  synthetic: boolean;
  responses: RecommendationResponse[];
  history: HistoryEntry[];
}

export interface ResponseInput {
  periodCode: string;
  text: string;
  status: RecommendationStatus;
  competence?: string;
}

export interface AssessmentInput {
  verdict: Verdict;
  comment: string;
}

// ---- report import ------------------------------------------------------

export interface ImportSuggestedStatus {
  status: RecommendationStatus;
  confidence: number;
  phrase: string;
  competence: string | null;
}

export interface ImportPreviewItem {
  number: number;
  recommendation: string;
  response: string;
  subItems: SubItem[];
  addressees: string[];
  suggestedStatus: ImportSuggestedStatus;
  figures: Figure[];
}

export interface ImportPreview {
  title: string;
  items: ImportPreviewItem[];
  warnings: string[];
}

export interface ImportConfirmItem {
  number: number;
  recommendation: string;
  response: string;
  status: RecommendationStatus;
  competence: string | null;
  subItems: SubItem[];
  addressees: string[];
  figures: Figure[];
  suggestedStatus: ImportSuggestedStatus;
}

export interface ImportConfirmRequest {
  periodCode: string;
  commissionId: string;
  title: string;
  items: ImportConfirmItem[];
}

export interface ImportConfirmResponse {
  periodCode: string;
  created: number;
  updated: number;
}

// ---- audit log ----------------------------------------------------------

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  actor: Actor;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string | null;
}

export type AuditVerifyResult =
  | { valid: true; entries: number }
  | { valid: false; entries: number; firstBroken: { seq: number; reason: string } };

// ---- admin: users -------------------------------------------------------

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  active: boolean;
  createdAt: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  password?: string;
}

export interface CreateUserResponse {
  user: AdminUser;
  oneTimePassword?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  scope?: Scope;
  active?: boolean;
}

export interface ResetPasswordResponse {
  oneTimePassword: string;
}
