import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegisteredTow } from '../../api/towing.contract';
import { towingPaths } from './towing.api';
import { useTowFormat } from './useTowFormat';

export interface TowRegisteredProps {
  tow: RegisteredTow;
  onAnother: () => void;
}

/** After registration: whether the owner's SMS is on its way, or — no contact — that the duty officer must call. */
export function TowRegistered({ tow, onAnother }: TowRegisteredProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card stack tow-registered" aria-labelledby="tow-registered-title" data-testid="tow-registered">
      <h2 id="tow-registered-title" ref={headingRef} tabIndex={-1}>
        {t('towing.registered.title')}
      </h2>
      <p>
        <span className="tow-plate" data-testid="registered-plate">
          {tow.plate}
        </span>{' '}
        · {tow.make}, {tow.colour} · {format.formatDate(tow.towedAt, true)}
        {tow.lot ? ` · ${format.localized(tow.lot.name)}` : ''}
      </p>
      {tow.smsQueued ? (
        <p className="alert alert-success" role="status" data-testid="sms-queued">
          {t('towing.registered.smsQueued')}
        </p>
      ) : (
        <div className="alert alert-warning" role="alert" data-testid="sms-no-contact">
          <p className="alert-title">{t('towing.registered.noContactTitle')}</p>
          <p>
            {t('towing.registered.noContact')} <Link to={towingPaths.tow(tow.id)}>{t('towing.registered.openTow', { plate: tow.plate })}</Link>
          </p>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onAnother} data-testid="tow-another">
          {t('towing.registered.another')}
        </button>
        <Link to={towingPaths.tow(tow.id)} className="button button-secondary" data-testid="registered-open">
          {t('towing.registered.open')}
        </Link>
        <Link to={towingPaths.workspace} className="button button-secondary">
          {t('towing.registered.today')}
        </Link>
      </div>
    </section>
  );
}
