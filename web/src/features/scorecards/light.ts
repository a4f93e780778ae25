import type { BadgeTone } from '../../ui/Badge';
import type { CompstatWindow, Light, MeasureStatus } from './scorecards.types';

/** Colour and glyph per traffic light; the text label always shows too (never colour alone). */
export const LIGHT_META: Record<Light, { tone: BadgeTone; icon: string }> = {
  green: { tone: 'success', icon: '✓' },
  amber: { tone: 'warning', icon: '!' },
  red: { tone: 'danger', icon: '✕' },
  no_target: { tone: 'muted', icon: '–' },
  no_data: { tone: 'neutral', icon: '?' },
};

export const MEASURE_STATUS_META: Record<MeasureStatus, { tone: BadgeTone; icon: string }> = {
  planned: { tone: 'accent', icon: '◷' },
  in_progress: { tone: 'info', icon: '↻' },
  done: { tone: 'success', icon: '✓' },
  overdue: { tone: 'danger', icon: '!' },
  cancelled: { tone: 'muted', icon: '✕' },
};

export const WINDOW_ORDER: readonly CompstatWindow[] = ['week_to_date', 'days_28', 'year_to_date'];
