import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../api/towing.contract';
import { DemoNotice } from '../../ui/DemoNotice';
import { LotMap } from './LotMap';
import { TowStatusBadge } from './TowBadges';
import { useTowFormat } from './useTowFormat';

/** What to bring to collect the car (the keys of towing.lookup.bring). */
const TO_BRING = ['id', 'registration', 'proxy', 'finePaid'] as const;

export interface CarLookupResultProps {
  result: LookupResult;
  onAnother: () => void;
}

/** Where the car is: its status, the lot (address, hours, phone, map), why it was towed, the fine, what to bring. */
export function CarLookupResult({ result, onAnother }: CarLookupResultProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { lot, reason } = result;
  const released = result.status === 'released';
  const lotName = lot ? format.localized(lot.name) : '';

  return (
    <section className="stack tow-result" aria-labelledby="lookup-result-title" data-testid="lookup-result">
      {result.synthetic ? <DemoNotice>{t('towing.lookup.demo')}</DemoNotice> : null}
      <div className="card stack">
        <h2 id="lookup-result-title" ref={headingRef} tabIndex={-1} className="tow-result-title">
          <span className="tow-plate" data-testid="lookup-plate-result">
            {result.plate}
          </span>{' '}
          <span className="tow-result-car">
            {result.make}, {result.colour}
          </span>
        </h2>
        <div className="tow-result-status">
          <TowStatusBadge status={result.status} />
          <p data-testid="lookup-status">
            {released && result.releasedAt
              ? t('towing.lookup.statusText.released', { at: format.formatDate(result.releasedAt, true) })
              : t(`towing.lookup.statusText.${result.status}`)}
          </p>
        </div>
        {released ? (
          <p className="alert alert-success" data-testid="lookup-released">
            {t('towing.lookup.releasedNote')}
          </p>
        ) : null}
        <dl className="meta tow-facts">
          <div>
            <dt>{t('towing.lookup.towedAt')}</dt>
            <dd>{format.formatDate(result.towedAt, true)}</dd>
          </div>
          {result.atLotAt ? (
            <div>
              <dt>{t('towing.lookup.atLotAt')}</dt>
              <dd>{format.formatDate(result.atLotAt, true)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('towing.lookup.reason')}</dt>
            <dd data-testid="lookup-reason">
              {reason ? (
                <>
                  <strong>{format.localized(reason.article)}</strong> — {format.localized(reason.text)}
                </>
              ) : (
                '—'
              )}
            </dd>
          </div>
          <div>
            <dt>{t('towing.lookup.fine')}</dt>
            <dd data-testid="lookup-fine" className="tow-fine">
              {format.tenge(result.fine)}
            </dd>
          </div>
        </dl>
      </div>

      {lot ? (
        <section className="card stack" aria-labelledby="lookup-lot-title" data-testid="lookup-lot">
          <h2 id="lookup-lot-title" className="h3">
            {released ? t('towing.lookup.lotWasTitle') : t('towing.lookup.lotTitle')}
          </h2>
          <dl className="meta tow-facts">
            <div>
              <dt>{t('towing.lot.name')}</dt>
              <dd>{lotName}</dd>
            </div>
            <div>
              <dt>{t('towing.lot.address')}</dt>
              <dd data-testid="lookup-lot-address">{format.localized(lot.address)}</dd>
            </div>
            <div>
              <dt>{t('towing.lot.hours')}</dt>
              <dd>{format.localized(lot.hours)}</dd>
            </div>
            <div>
              <dt>{t('towing.lot.phone')}</dt>
              <dd>
                <a href={`tel:${lot.phone}`} className="tow-phone" data-testid="lookup-lot-phone">
                  {format.phone(lot.phone)}
                </a>
              </dd>
            </div>
          </dl>
          <LotMap name={lotName} lon={lot.lon} lat={lot.lat} />
        </section>
      ) : null}

      {released ? null : (
        <section className="card" aria-labelledby="lookup-bring-title" data-testid="lookup-bring">
          <h2 id="lookup-bring-title" className="h3">
            {t('towing.lookup.bringTitle')}
          </h2>
          <ul className="tow-bring">
            {TO_BRING.map((item) => (
              <li key={item}>{t(`towing.lookup.bring.${item}`)}</li>
            ))}
          </ul>
          <p className="small muted">{t('towing.lookup.bringNote')}</p>
        </section>
      )}

      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onAnother} data-testid="lookup-another">
          {t('towing.lookup.another')}
        </button>
      </div>
    </section>
  );
}
