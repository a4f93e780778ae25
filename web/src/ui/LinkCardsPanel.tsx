import type { ReactNode } from 'react';

export interface LinkCardsPanelProps {
  /** The heading's id, which names the section. */
  titleId: string;
  title: string;
  testId: string;
  /** The panel's link cards. */
  children: ReactNode;
}

/** A staff workspace panel that is only a way elsewhere: a heading over a compact row of link cards. */
export function LinkCardsPanel({ titleId, title, testId, children }: LinkCardsPanelProps) {
  return (
    <section className="panel" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      <div className="link-cards compact">{children}</div>
    </section>
  );
}
