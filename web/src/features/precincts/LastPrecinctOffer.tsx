import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { LastPrecinct } from './lastPrecinct';

export interface LastPrecinctOfferProps {
  last: LastPrecinct;
  onShow: () => void;
  onForget: () => void;
}

/** On return: "last time you found precinct X — show it again?" (kept on this device only). */
export function LastPrecinctOffer({ last, onShow, onForget }: LastPrecinctOfferProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  return (
    <div className="card last-precinct" data-testid="last-precinct">
      <p>
        {t('precincts.last.text', { code: last.code, name: localized(last.name), district: localized(last.district) })}
        <span className="block small muted">{t('precincts.last.deviceOnly')}</span>
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onShow}>
          {t('precincts.last.show')}
        </button>
        <button type="button" className="button button-link" onClick={onForget}>
          {t('precincts.last.forget')}
        </button>
      </div>
    </div>
  );
}
