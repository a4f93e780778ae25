import { useTranslation } from 'react-i18next';
import type { InspectorCard, MessengerKind } from '../../api/precincts.contract';
import { formatPhone, telHref } from './precincts.format';

const MESSENGER_NAMES: Record<Exclude<MessengerKind, 'other'>, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  instagram: 'Instagram',
  facebook: 'Facebook',
  vk: 'VK',
};

/** The big tap-to-call link and the official messengers. */
export function InspectorContacts({ inspector }: { inspector: InspectorCard }) {
  const { t } = useTranslation();
  return (
    <div className="inspector-contacts">
      <a className="phone-link" href={telHref(inspector.phone)} data-testid="inspector-phone">
        <span className="phone-link-icon" aria-hidden="true">
          ☎
        </span>
        <span className="phone-link-text">
          <span className="phone-link-label">{t('precincts.card.call')}</span>
          <span className="phone-link-number">{formatPhone(inspector.phone)}</span>
        </span>
      </a>
      {inspector.messengers.length ? (
        <ul className="messenger-list" aria-label={t('precincts.card.messengers')}>
          {inspector.messengers.map((m) => (
            <li key={`${m.kind}-${m.url}`}>
              <a className={`messenger messenger-${m.kind}`} href={m.url} rel="noopener noreferrer" data-testid="messenger">
                {m.kind === 'other' ? t('precincts.card.otherMessenger') : MESSENGER_NAMES[m.kind]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
