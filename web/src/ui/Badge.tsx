import type { ReactNode } from 'react';

export type BadgeTone =
  | 'neutral'
  | 'info'
  | 'success'
  | 'warning'
  | 'danger'
  | 'accent'
  | 'muted'
  | 'orange'
  | 'teal';

export interface BadgeProps {
  tone?: BadgeTone;
  /** A glyph shown before the text, so the meaning never rests on colour alone. */
  icon?: string;
  children: ReactNode;
  testId?: string;
}

export function Badge({ tone = 'neutral', icon, children, testId }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      {icon ? (
        <span className="badge-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </span>
  );
}
