import type { LocalizedText } from '../platform/db/columns.js';
import { presentAuditEntry, type AuditRow } from '../platform/audit/audit.service.js';
import { periodBounds } from './oversight.domain.js';
import type { RecommendationView } from './oversight.service.js';
import type { PeriodRow } from './oversight.repository.js';

export function presentPeriod(p: PeriodRow): { code: string; label: LocalizedText; commissionId: string; startsOn: string; endsOn: string } {
  return { code: p.code, label: periodBounds(p.code).label, commissionId: p.commissionId, startsOn: p.startsOn, endsOn: p.endsOn };
}

/** Row of the public list. */
export function presentRecommendationSummary(v: RecommendationView) {
  return {
    number: v.row.number,
    title: v.row.title,
    status: v.status,
    competence: v.competence,
    addressees: v.row.addressees,
    topics: v.row.topics,
    latestPeriod: v.latestPeriod,
    assessment: v.latestAssessment,
    source: v.row.source as 'imported' | 'manual',
  };
}

/** One recommendation with its response history. Assessors are shown by role and unit only. */
export function presentRecommendation(v: RecommendationView, history: AuditRow[]) {
  return {
    ...presentRecommendationSummary(v),
    text: v.row.text,
    subItems: v.row.subItems,
    responses: v.responses.map((r) => ({
      id: r.row.id,
      period: { code: r.period.code, label: periodBounds(r.period.code).label },
      text: r.row.text,
      status: r.row.status,
      competence: r.row.competence,
      suggestion: r.row.suggestion ? { status: r.row.suggestion.status, confidence: r.row.suggestion.confidence, phrase: r.row.suggestion.phrase } : null,
      figures: r.figures.map((f) => ({ id: f.id, value: Number(f.value), unit: f.unit, counts: f.counts, sentence: f.sentence })),
      attachments: r.row.attachments,
      source: r.row.source as 'imported' | 'manual',
      createdAt: r.row.createdAt.toISOString(),
      updatedAt: r.row.updatedAt.toISOString(),
      assessments: r.assessments.map((a) => ({
        id: a.id,
        verdict: a.verdict,
        comment: a.comment,
        createdAt: a.createdAt.toISOString(),
        by: { role: a.actorRole, unit: a.actorUnit },
      })),
    })),
    history: history.map(presentAuditEntry),
  };
}

/** Open-data record: flat, one per recommendation, latest response included. */
export function presentOpenDataRecord(v: RecommendationView) {
  const latest = v.responses.at(-1);
  return {
    number: v.row.number,
    title: v.row.title,
    recommendation: v.row.text,
    addressees: v.row.addressees,
    topics: v.row.topics,
    status: v.status,
    competence: v.competence,
    period: v.latestPeriod,
    response: latest?.row.text ?? null,
    assessment: v.latestAssessment,
    source: v.row.source,
  };
}

