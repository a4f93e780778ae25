import { useTranslation } from 'react-i18next';
import type { AppealEvent, PublicAppeal } from '../../api/appeals.contract';
import { useLocale } from '../../i18n/useLocale';
import { MaskedText } from './MaskedText';
import { useAppealLabels } from './useAppealLabels';

/** An adoption event's note is `kind:ref`; it reads as the sentence the proposal page uses. */
function AdoptionText({ note }: { note: string }) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  const [kind, ...rest] = note.split(':') as ['recommendation' | 'programme' | 'measure', ...string[]];
  const ref = rest.join(':');
  return <>{t(`appeals.adopted.${kind}`, { ref: kind === 'recommendation' ? labels.sourceItem(ref) : ref })}</>;
}

/** The public history of an appeal: who did what and when; a re-routing shows its reason. */
export function AppealTimeline({ events, precinct }: { events: readonly AppealEvent[]; precinct: PublicAppeal['precinct'] }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const labels = useAppealLabels();
  if (events.length === 0) return <p className="muted">{t('appeals.track.noEvents')}</p>;
  return (
    <ol className="timeline appeal-timeline" data-testid="appeal-timeline">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="timeline-item" data-kind={e.kind}>
          <p className="timeline-head">
            <strong>{labels.event(e.kind, e.status)}</strong>
            <br />
            <span className="muted small">
              <time dateTime={e.at}>{formatDate(e.at, true)}</time> · {labels.actor(e.actorRole)}
            </span>
          </p>
          {e.unit ? <p className="small">{t('appeals.track.eventUnit', { unit: labels.unit(e.unit, precinct) })}</p> : null}
          {e.kind === 'adopted' && e.note && /^(recommendation|programme|measure):/.test(e.note) ? (
            <p className="small">
              <AdoptionText note={e.note} />
            </p>
          ) : e.note ? (
            <div className="timeline-note small">
              <span className="visually-hidden">{t('appeals.track.eventNote')}: </span>
              <MaskedText text={e.note} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
