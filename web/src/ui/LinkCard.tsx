import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface LinkCardProps {
  to: string;
  title: string;
  children?: ReactNode;
  icon?: string;
}

/** A card whose whole surface is one link (title is the accessible name). */
export function LinkCard({ to, title, children, icon }: LinkCardProps) {
  return (
    <Link to={to} className="card link-card">
      {icon ? (
        <span className="link-card-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="link-card-title">{title}</span>
      {children ? <span className="link-card-text">{children}</span> : null}
    </Link>
  );
}
