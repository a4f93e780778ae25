import type { RecommendationStatus, Verdict } from '../../api/types';
import type { BadgeTone } from '../../ui/Badge';

/** Colour and glyph per status; the text label always shows too. */
export const STATUS_META: Record<RecommendationStatus, { tone: BadgeTone; icon: string }> = {
  implemented: { tone: 'success', icon: '✓' },
  in_progress: { tone: 'info', icon: '↻' },
  partially_implemented: { tone: 'teal', icon: '◐' },
  planned: { tone: 'accent', icon: '◷' },
  declined: { tone: 'danger', icon: '✕' },
  outside_competence: { tone: 'muted', icon: '⇢' },
  requires_legislation: { tone: 'orange', icon: '§' },
  no_response: { tone: 'neutral', icon: '–' },
};

export const VERDICT_META: Record<Verdict, { tone: BadgeTone; icon: string }> = {
  accepted: { tone: 'success', icon: '✓' },
  not_accepted: { tone: 'danger', icon: '✕' },
  needs_info: { tone: 'warning', icon: '?' },
};
