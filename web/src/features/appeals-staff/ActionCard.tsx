import { useEffect, useRef, type ReactNode } from 'react';
import type { StaffAppeal } from './appeals-staff.types';

export interface ActionFormProps {
  appeal: StaffAppeal;
  /** The server's updated appeal, and what to tell the user. */
  onDone: (updated: StaffAppeal, message: string) => void;
}

export interface ActionCardProps {
  id: string;
  title: string;
  intro?: ReactNode;
  /** The account may take this action now. */
  available: boolean;
  /** The action just succeeded: its message stays here even when the action is no longer available. */
  done: string | undefined;
  children: ReactNode;
}

/** One action on the appeal: its form while allowed, and the success message where the user acted. */
export function ActionCard({ id, title, intro, available, done, children }: ActionCardProps) {
  const message = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: the message takes it, so keyboard and screen-reader users stay here.
  useEffect(() => {
    if (done && !available) message.current?.focus();
  }, [done, available]);
  if (!available && !done) return null;
  return (
    <section className="card sa-action" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {done ? (
        <div ref={message} className="alert alert-success" role="status" tabIndex={-1} data-testid={`${id}-done`}>
          <p className="alert-title">{done}</p>
        </div>
      ) : null}
      {available ? (
        <>
          {intro ? <p className="muted small">{intro}</p> : null}
          {children}
        </>
      ) : null}
    </section>
  );
}
