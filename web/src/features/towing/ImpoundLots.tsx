import { useTranslation } from 'react-i18next';
import type { ImpoundLot } from '../../api/towing.contract';
import { useTowFormat } from './useTowFormat';

/** The city's impound lots with their hours and phones: for an owner who has no SMS. */
export function ImpoundLots({ lots }: { lots: readonly ImpoundLot[] }) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const active = lots.filter((lot) => lot.active);
  if (active.length === 0) return null;
  return (
    <ul className="tow-lots" data-testid="impound-lots">
      {active.map((lot) => (
        <li key={lot.id} className="card tow-lot">
          <p className="tow-lot-name">{format.localized(lot.name)}</p>
          <p>{format.localized(lot.address)}</p>
          <p className="small">
            {t('towing.lot.hours')}: {format.localized(lot.hours)}
          </p>
          <p>
            <a href={`tel:${lot.phone}`} className="tow-phone">
              {format.phone(lot.phone)}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
