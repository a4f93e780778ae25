import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { AppealStatusBadge } from './AppealBadges';
import { ADOPTION_KINDS, type StaffTimelineEvent } from './appeals-staff.types';

/** The event kinds the timeline names; any other kind is shown as the server wrote it. */
const EVENT_KINDS = [
  'submitted',
  'received',
  'routed',
  'rerouted',
  'status',
  'answered',
  'rated',
  'contested',
  'hidden',
  'shown',
  'visibility',
  'removed',
  'removal',
  'adopted',
  'supported',
  'duplicate',
  'note',
] as const;
type EventKind = (typeof EVENT_KINDS)[number];
const isEventKind = (kind: string): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind);

export interface AppealTimelineProps {
  events: readonly StaffTimelineEvent[];
  unit: (value: string | null) => string;
}

/** Everything that happened to the appeal, newest last, with staff-only notes marked as such. */
export function AppealTimeline({ events, unit }: AppealTimelineProps) {
  const { t, i18n } = useTranslation();
  const { formatDate } = useLocale();
  if (events.length === 0) return <p className="muted">{t('appealsStaff.timeline.empty')}</p>;
  // An adoption's note is `<kind>:<ref>` (e.g. `programme:stop-drugs`): shown in words.
  const noteText = (event: StaffTimelineEvent): string => {
    const adopted = event.kind === 'adopted' ? /^(recommendation|programme|measure):(.+)$/.exec(event.note ?? '') : null;
    if (adopted) {
      const kind = ADOPTION_KINDS.find((k) => k === adopted[1]);
      if (kind) return `${t(`appealsStaff.adopt.kinds.${kind}`)}: ${adopted[2]}`;
    }
    return event.note ?? '';
  };
  const role = (value: string) => (i18n.exists(`roles.${value}`) ? t(`roles.${value}` as 'roles.editor') : value);
  return (
    <ol className="timeline sa-timeline" data-testid="appeal-timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className="timeline-item" data-kind={event.kind}>
          <p className="timeline-head">
            <strong>{isEventKind(event.kind) ? t(`appealsStaff.timeline.kinds.${event.kind}`) : event.kind}</strong>{' '}
            <span className="muted small">
              · <time dateTime={event.at}>{formatDate(event.at, true)}</time> · {role(event.actorRole)}
            </span>
          </p>
          {event.status || event.unit ? (
            <p className="badges">
              {event.status ? <AppealStatusBadge status={event.status} /> : null}
              {event.unit ? <span className="small">{t('appealsStaff.timeline.unit', { unit: unit(event.unit) })}</span> : null}
            </p>
          ) : null}
          {event.note ? <p className="prewrap">{noteText(event)}</p> : null}
          {event.internalNote ? (
            <div className="sa-internal-note">
              <p className="small sa-internal-label">{t('appealsStaff.timeline.internal')}</p>
              <p className="prewrap">{event.internalNote}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
