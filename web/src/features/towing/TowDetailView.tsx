import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageEvent, TowDetail } from '../../api/towing.contract';
import { PlaceMap } from './LotMap';
import { SmsBadge, ToCallBadge, TowStatusBadge } from './TowBadges';
import { towingApi } from './towing.api';
import { useTowFormat } from './useTowFormat';

const PLATE_FORMATS = ['kz2012', 'kz2012_legal', 'kz1993', 'override'] as const;

export interface TowFactsProps {
  tow: TowDetail;
  districtName: (id: string) => string;
  reasonText: string | null;
}

/** Every field of a tow: the car, the place and time, the reason and fine, the lot, the owner's contact, the steps. */
export function TowFacts({ tow, districtName, reasonText }: TowFactsProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const row = (key: string, label: string, value: ReactNode, testId?: string) => (
    <div key={key}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <dl className="meta tow-facts" data-testid="tow-facts">
      {row('status', t('towing.detail.status'), (
        <span className="badges">
          <TowStatusBadge status={tow.status} />
          {tow.toCall ? <ToCallBadge /> : null}
        </span>
      ))}
      {row('car', t('towing.detail.car'), `${tow.make}, ${tow.colour}`)}
      {row('plate', t('towing.detail.plateAsWritten'), (
        <>
          {tow.plateAsWritten}
          <span className="muted small"> · {(PLATE_FORMATS as readonly string[]).includes(tow.plateFormat) ? t(`towing.detail.plateFormat.${tow.plateFormat as (typeof PLATE_FORMATS)[number]}`) : tow.plateFormat}</span>
          {tow.plateOverrideReason ? <span className="small tow-override-reason"> · {t('towing.detail.overrideReason', { reason: tow.plateOverrideReason })}</span> : null}
        </>
      ))}
      {row('towedAt', t('towing.detail.towedAt'), format.formatDate(tow.towedAt, true))}
      {row('from', t('towing.detail.from'), (
        <>
          {tow.towedFromAddress ?? <span className="muted">{t('towing.detail.noAddress')}</span>}
          {tow.place ? (
            <span className="muted small">
              {' '}
              · {tow.place.lat.toFixed(5)}, {tow.place.lon.toFixed(5)}
            </span>
          ) : null}
        </>
      ))}
      {row('district', t('towing.detail.district'), districtName(tow.districtId))}
      {row('reason', t('towing.detail.reason'), (
        <>
          <strong>{tow.reasonArticle ? format.localized(tow.reasonArticle) : tow.reasonCode}</strong>
          {reasonText ? ` — ${reasonText}` : ''}
        </>
      ))}
      {row('fine', t('towing.detail.fine'), format.tenge(tow.fine))}
      {row('lot', t('towing.detail.lot'), tow.lot ? format.localized(tow.lot.name) : '—')}
      {row('truck', t('towing.detail.truck'), tow.truck)}
      {row('contact', t('towing.detail.contact'), tow.ownerContact === 'registry' ? t('towing.detail.contactRegistry') : t('towing.detail.contactNone'))}
      {row('sms', t('towing.detail.sms'), (
        <>
          <SmsBadge tow={tow} />
          {tow.message?.failureReason ? <span className="small"> · {tow.message.failureReason}</span> : null}
          {tow.message?.deliveredAt ? <span className="small muted"> · {t('towing.detail.deliveredAt', { at: format.formatDate(tow.message.deliveredAt, true) })}</span> : null}
        </>
      ), 'tow-sms')}
      {tow.calledAt ? row('called', t('towing.detail.called'), `${format.formatDate(tow.calledAt, true)}${tow.callNote ? ` — ${tow.callNote}` : ''}`) : null}
      {tow.atLotAt ? row('atLot', t('towing.detail.atLotAt'), format.formatDate(tow.atLotAt, true)) : null}
      {tow.releasedAt ? row('released', t('towing.detail.releasedAt'), format.formatDate(tow.releasedAt, true), 'tow-released') : null}
      {tow.releasedTo ? row('releasedTo', t('towing.detail.releasedTo'), tow.releasedTo) : null}
      {tow.releaseDocuments ? row('documents', t('towing.detail.documents'), tow.releaseDocuments) : null}
      {tow.cancelledAt ? row('cancelled', t('towing.detail.cancelledAt'), `${format.formatDate(tow.cancelledAt, true)}${tow.cancelReason ? ` — ${tow.cancelReason}` : ''}`) : null}
    </dl>
  );
}

/** The operator's photos of the car (metadata stripped by the server), each opening at full size. */
export function TowPhotos({ tow }: { tow: TowDetail }) {
  const { t } = useTranslation();
  if (tow.photos === 0) return <p className="muted">{t('towing.detail.noPhotos')}</p>;
  const positions = Array.from({ length: tow.photos }, (_, i) => i + 1);
  return (
    <ul className="sa-photos tow-photos" data-testid="tow-photos">
      {positions.map((n) => {
        const url = towingApi.photoUrl(tow.id, n);
        return (
          <li key={n}>
            <a href={url} target="_blank" rel="noreferrer">
              <img src={url} alt={t('towing.detail.photoAlt', { n, total: tow.photos, plate: tow.plate })} loading="lazy" />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** Where the car stood and the lot it went to. */
export function TowPlaceMap({ tow, lot }: { tow: TowDetail; lot: { lon: number; lat: number; name: string } | null }) {
  const { t } = useTranslation();
  const points = useMemo(
    () => [
      ...(tow.place ? [{ id: 'from', lon: tow.place.lon, lat: tow.place.lat, label: t('towing.detail.mapFrom'), tone: 'primary' as const }] : []),
      ...(lot ? [{ id: 'lot', lon: lot.lon, lat: lot.lat, label: lot.name, tone: 'secondary' as const }] : []),
    ],
    [tow.place, lot, t],
  );
  if (points.length === 0) return null;
  return (
    <div className="tow-map" data-testid="tow-map">
      <PlaceMap label={t('towing.detail.mapLabel', { plate: tow.plate })} points={points} height={260} />
      <p className="small muted">{tow.place && lot ? t('towing.detail.mapLegend') : tow.place ? t('towing.detail.mapLegendFrom') : t('towing.detail.mapLegendLot')}</p>
    </div>
  );
}

const EVENT_KINDS = ['accepted', 'reconciled', 'retry', 'failed', 'expired', 'receipt'] as const;

/** Every step of the tow's messages: each provider answer and receipt, in the order they were recorded. */
export function MessageTimeline({ events }: { events: readonly MessageEvent[] }) {
  const { t } = useTranslation();
  const format = useTowFormat();
  if (events.length === 0) return <p className="muted">{t('towing.timeline.empty')}</p>;
  const kindText = (kind: string) => ((EVENT_KINDS as readonly string[]).includes(kind) ? t(`towing.timeline.kind.${kind as (typeof EVENT_KINDS)[number]}`) : kind);
  return (
    <ol className="timeline tow-timeline" data-testid="message-timeline">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="timeline-item" data-testid="message-event" data-kind={e.kind}>
          <p className="timeline-head">
            <strong>{kindText(e.kind)}</strong> · <span className="small">{t(`towing.timeline.purpose.${e.purpose === 'tow.released' ? 'released' : 'notice'}`)}</span>
          </p>
          <p className="small muted">
            {format.formatDate(e.at, true)}
            {e.attempt ? ` · ${t('towing.timeline.attempt', { n: e.attempt })}` : ''}
            {e.providerStatus ? ` · ${e.providerStatus}` : ''}
            {e.detail ? ` · ${e.detail}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
