import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppealAdoption, AppealAdvert, AppealPhoto } from '../../api/appeals.contract';
import { useLocale } from '../../i18n/useLocale';
import { useQuery } from '../../api/useQuery';
import { appealPaths, appealsApi } from './appeals.api';
import { useAppealLabels } from './useAppealLabels';

/** Drug adverts (п.3): painted over or blocked, and when; or still waiting. */
export function AdvertStatus({ advert }: { advert: AppealAdvert }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  return (
    <div className={`advert-status ${advert.removedAt ? 'is-removed' : 'is-open'}`} data-testid="advert-status">
      <p className="advert-status-title">
        <span aria-hidden="true">{advert.removedAt ? '✓ ' : '◷ '}</span>
        {advert.removedAt ? t(`appeals.advert.removed.${advert.kind}`, { date: formatDate(advert.removedAt) }) : t(`appeals.advert.open.${advert.kind}`)}
      </p>
      {advert.evidence ? <p className="small">{t('appeals.advert.evidence', { evidence: advert.evidence })}</p> : null}
    </div>
  );
}

/** A proposal taken up: by which recommendation, programme or measure. */
export function AdoptionNote({ adopted }: { adopted: AppealAdoption }) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  const programmes = useQuery(() => (adopted.kind === 'programme' ? appealsApi.programmeNames() : Promise.resolve(null)), [adopted.kind]);
  const programmeName = programmes.data?.get(adopted.ref);
  const ref = adopted.kind === 'recommendation' ? labels.sourceItem(adopted.ref) : programmeName ? `«${labels.localized(programmeName)}»` : adopted.ref;
  const text = t(`appeals.adopted.${adopted.kind}`, { ref });
  const to = adopted.kind === 'recommendation' && /\d/.test(adopted.ref) ? appealPaths.recommendation(adopted.ref) : adopted.kind === 'programme' ? appealPaths.programme(adopted.ref) : null;
  return (
    <p className="adopted-note" data-testid="adopted-note">
      <span aria-hidden="true">◆ </span>
      {to ? <Link to={to}>{text}</Link> : text}
    </p>
  );
}

/** The resident's photos (location data already removed by the server) and the staff's evidence photos. */
export function PhotoGallery({ photos }: { photos: readonly AppealPhoto[] }) {
  const { t } = useTranslation();
  let resident = 0;
  let evidence = 0;
  return (
    <ul className="photo-gallery" data-testid="appeal-photos">
      {photos.map((p) => {
        const alt = p.evidence ? t('appeals.track.photoEvidence', { n: ++evidence }) : t('appeals.track.photoResident', { n: ++resident });
        return (
          <li key={p.url}>
            <a href={p.url}>
              <img src={p.url} alt={alt} width={p.width} height={p.height} loading="lazy" />
            </a>
            <span className="small muted" aria-hidden="true">
              {alt}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
