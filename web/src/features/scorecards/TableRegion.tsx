import type { ReactNode } from 'react';

export interface TableRegionProps {
  /** The caption, also the region's name. */
  caption: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A table in a focusable, labelled region that scrolls sideways on its own (a phone never scrolls
 * the whole page), with the caption inside the table (kept in view while the table scrolls).
 */
export function TableRegion({ caption, children, className, testId }: TableRegionProps) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption} data-testid={testId}>
      <table className={`table${className ? ` ${className}` : ''}`}>
        <caption>
          <span className="caption-text">{caption}</span>
        </caption>
        {children}
      </table>
    </div>
  );
}
