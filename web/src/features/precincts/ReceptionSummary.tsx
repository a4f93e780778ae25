import { useTranslation } from 'react-i18next';
import type { ReceptionPoint } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { OpenNowBadge } from './OpenNowBadge';
import { formatPhone, telHref } from './precincts.format';
import { usePrecinctFormat } from './usePrecinctFormat';

export interface ReceptionSummaryProps {
  point: ReceptionPoint;
  /** Show the point's own phone (front offices, posts); an inspector's card shows the inspector's. */
  withPhone?: boolean;
}

/** Where residents are received: name, address, today's hours and whether it is open now. */
export function ReceptionSummary({ point, withPhone = false }: ReceptionSummaryProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = usePrecinctFormat();
  return (
    <div className="reception" data-testid="reception">
      <p className="reception-name">
        <strong>{localized(point.name)}</strong>
      </p>
      <p className="reception-address">{localized(point.address)}</p>
      <p className="reception-hours">
        {/* Around the clock needs no hours: the badge says it. */}
        {point.allDay ? null : <span data-testid="today-hours">{format.todayHours(point)}</span>} <OpenNowBadge point={point} />
      </p>
      {withPhone && point.phone ? (
        <p>
          <a href={telHref(point.phone)} className="reception-phone">
            <span className="visually-hidden">{t('precincts.card.callPoint')} </span>
            {formatPhone(point.phone)}
          </a>
        </p>
      ) : null}
    </div>
  );
}
