import { useTranslation } from 'react-i18next';
import type { AppealPhoto } from './appeals-staff.types';

/** The resident's photos and any evidence of removal, each opening at full size. */
export function AppealPhotos({ code, photos }: { code: string; photos: readonly AppealPhoto[] }) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <section className="card" aria-labelledby="appeal-photos-title">
      <h2 id="appeal-photos-title" className="h3">
        {t('appealsStaff.photos.title', { n: photos.length })}
      </h2>
      <ul className="sa-photos">
        {photos.map((photo, index) => {
          const alt = photo.evidence
            ? t('appealsStaff.photos.evidenceAlt', { n: index + 1, code })
            : t('appealsStaff.photos.alt', { n: index + 1, total: photos.length, code });
          return (
            <li key={photo.url}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.url} alt={alt} width={photo.width} height={photo.height} loading="lazy" />
              </a>
              {photo.evidence ? <span className="small sa-photo-caption">{t('appealsStaff.photos.evidence')}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
