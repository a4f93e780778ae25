import type { LoadLevel } from '../../api/precincts.contract';
import type { BadgeTone } from '../../ui/Badge';

/** How each load level shows: a map fill, a badge tone and a glyph, so colour never carries the meaning alone. */
export const LOAD_LEVEL_META: Record<LoadLevel, { fill: string; tone: BadgeTone; icon: string }> = {
  within_target: { fill: '#1a9850', tone: 'success', icon: '✓' },
  within_norm: { fill: '#91cf60', tone: 'teal', icon: '≈' },
  over_norm: { fill: '#fc8d59', tone: 'orange', icon: '▲' },
  severe: { fill: '#c0262c', tone: 'danger', icon: '▲▲' },
  vacant: { fill: '#6b46c1', tone: 'accent', icon: '∅' },
  unknown: { fill: '#a0aec0', tone: 'muted', icon: '?' },
};

/** Levels in the legend's order, from the lightest load to none at all. */
export const LOAD_LEVELS: readonly LoadLevel[] = ['within_target', 'within_norm', 'over_norm', 'severe', 'vacant', 'unknown'];

const ORDER = new Map(LOAD_LEVELS.map((level, i) => [level, i]));
/** Sorts levels from the heaviest (severe) to the lightest; vacant and unknown last. */
export function levelRank(level: LoadLevel): number {
  const i = ORDER.get(level) ?? 0;
  return level === 'vacant' || level === 'unknown' ? 10 + i : 10 - i;
}
