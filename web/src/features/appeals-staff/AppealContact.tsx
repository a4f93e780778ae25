import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n';
import { Badge } from '../../ui/Badge';
import type { StaffAppeal } from './appeals-staff.types';

/** A Kazakhstan number as people read it (+7 701 555 12 34); any other number as given. */
function formatPhone(phone: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

/** The resident's contact: shown to staff only, never published. */
export function AppealContact({ contact }: { contact: StaffAppeal['contact'] }) {
  const { t } = useTranslation();
  const none = !contact.name && !contact.phone && !contact.email;
  return (
    <section className="card sa-private" aria-labelledby="appeal-contact-title" data-testid="appeal-contact">
      <h2 id="appeal-contact-title" className="h3">
        {t('appealsStaff.contact.title')}
      </h2>
      <p>
        <Badge tone="danger">
          {t('appealsStaff.private')}
        </Badge>
      </p>
      {none ? (
        <p className="muted">{t('appealsStaff.contact.none')}</p>
      ) : (
        <dl className="meta">
          {contact.name ? (
            <div>
              <dt>{t('appealsStaff.contact.name')}</dt>
              <dd>{contact.name}</dd>
            </div>
          ) : null}
          {contact.phone ? (
            <div>
              <dt>{t('appealsStaff.contact.phone')}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{formatPhone(contact.phone)}</a>
              </dd>
            </div>
          ) : null}
          {contact.email ? (
            <div>
              <dt>{t('appealsStaff.contact.email')}</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('appealsStaff.contact.lang')}</dt>
            <dd>{LANGUAGES.find((l) => l.code === contact.lang)?.name ?? contact.lang}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
