import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { MAX_DESCRIPTION_CHARS, MAX_PHOTO_BYTES, MAX_PHOTOS, type AdvertKind, type AppealCategory, type AppealReceipt, type AppealSubmission } from '../../api/appeals.contract';
import type { Lang } from '../../api/types';
import { useUploadSubmission } from '../../api/useUploadSubmission';
import { LANGUAGES } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';
import { Select, TextArea, TextInput } from '../../ui/fields';
import { FormProblems, revealProblem } from '../../ui/FormProblems';
import type { Point } from '../../ui/map/PlaceTools';
import { photoRefusal, PhotoPicker, type PhotoCheck } from '../../ui/PhotoPicker';
import { UploadControls } from '../../ui/UploadControls';
import { problemDetail } from '../../ui/useFieldProblem';
import { appealsApi } from './appeals.api';
import { CategoryPicker, CategoryRouting } from './CategoryPicker';
import { partOf, type FormPart } from './fieldProblem';
import { PlacePicker } from './PlacePicker';
import { useAppealLabels } from './useAppealLabels';

const MIN_DESCRIPTION_CHARS = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** What the server accepts as a drug-advert link (a web address, a t.me/… address or an @channel). */
const ADVERT_LINK = /^(https?:\/\/[^\s]{3,400}|t\.me\/[A-Za-z0-9_+/-]{3,100}|@[A-Za-z0-9_]{4,64})$/;

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
const ACCEPTED_EXTENSIONS = /\.(jpe?g|png|webp|heic|heif)$/i;
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif';

/** The formats the server keeps; a file without a type (some phones) is judged by its name. */
const photoProblem: PhotoCheck = (file) => {
  const typeOk = ACCEPTED_TYPES.includes(file.type.toLowerCase()) || (file.type === '' && ACCEPTED_EXTENSIONS.test(file.name));
  if (!typeOk) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
};

/** "site.kz/x" → "https://site.kz/x"; a link that starts with a scheme, t.me/ or @ stays as typed. */
function normalizeLink(raw: string): string {
  const text = raw.trim();
  if (/^(https?:\/\/|t\.me\/|@)/i.test(text)) return text;
  return /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(text) ? `https://${text}` : text;
}

export interface AppealFormInitial {
  category: string;
  precinctId: string | null;
  point: Point | null;
}

export interface AppealFormProps {
  categories: readonly AppealCategory[];
  initial: AppealFormInitial;
  onSubmitted: (receipt: AppealReceipt, category: AppealCategory) => void;
}

type Errors = Partial<Record<FormPart, string>>;

/** Where focus goes to fix each part of the form. */
function focusPart(part: FormPart): void {
  const selector: Record<FormPart, string> = {
    category: 'input[name=category]:checked, input[name=category], #category-change',
    description: '#description',
    place: '#place-address',
    photos: '#photos',
    advertUrl: '#advert-url',
    contactName: '#contact-name',
    contactPhone: '#contact-phone',
    contactEmail: '#contact-email',
    general: '#appeal-submit-problem',
  };
  revealProblem(document.querySelector<HTMLElement>(selector[part]));
}

/** `drug_graffiti` → graffiti, `drug_link` → link; null when the code does not say. */
function advertKindOf(code: string): AdvertKind | null {
  if (/link|url|web|online/i.test(code)) return 'link';
  if (/graffiti|wall|inscription/i.test(code)) return 'graffiti';
  return null;
}

const ORDER: FormPart[] = ['category', 'place', 'advertUrl', 'description', 'photos', 'contactName', 'contactPhone', 'contactEmail', 'general'];

/**
 * The resident's appeal or proposal, phone first: the category as large cards, the place on a map
 * (or by address, or from the device), the text with a live count, up to four photos, and an
 * optional contact that is never published. Errors appear next to the field they concern.
 */
export function AppealForm({ categories, initial, onSubmitted }: AppealFormProps) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const labels = useAppealLabels();
  const [categoryCode, setCategoryCode] = useState(initial.category);
  const [pickerOpen, setPickerOpen] = useState(!categories.some((c) => c.code === initial.category));
  const [point, setPoint] = useState<Point | null>(initial.point);
  const [address, setAddress] = useState('');
  const [chosenAdvertKind, setAdvertKind] = useState<AdvertKind>('graffiti');
  const [advertUrl, setAdvertUrl] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactLang, setContactLang] = useState<Lang>(lang);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<ApiError>();
  const upload = useUploadSubmission();
  const detailsRef = useRef<HTMLHeadingElement>(null);

  const category = categories.find((c) => c.code === categoryCode);
  const busy = upload.busy;
  const needsPlace = category?.needsPlace ?? true;
  // A category answered locally may still take a place (it routes the appeal to that precinct); a city unit's may not.
  const showPlace = needsPlace || category?.responsibleUnit === 'precinct' || category?.responsibleUnit === 'district';
  const isAdvert = category?.kind === 'drug_advert';
  // The report's two drug-advert categories say which it is; a single category would ask.
  const fixedAdvertKind = isAdvert && category ? advertKindOf(category.code) : null;
  const advertKind = fixedAdvertKind ?? chosenAdvertKind;
  const length = description.length;

  const clearError = (part: FormPart) => {
    if (errors[part]) setErrors(({ [part]: _, ...rest }) => rest);
  };

  const handleContinue = () => {
    if (!category) {
      setErrors({ category: t('appeals.new.errors.category') });
      focusPart('category');
      return;
    }
    setPickerOpen(false);
    // The next step starts where the resident continues reading.
    window.setTimeout(() => {
      detailsRef.current?.focus();
      detailsRef.current?.scrollIntoView({ block: 'start' });
    }, 0);
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!category) found.category = t('appeals.new.errors.category');
    if (category && needsPlace && !point && !address.trim() && !initial.precinctId) found.place = t('appeals.new.errors.place');
    if (isAdvert && advertKind === 'link' && !ADVERT_LINK.test(normalizeLink(advertUrl))) found.advertUrl = t('appeals.new.errors.advertUrl');
    const text = description.trim();
    if (text.length < MIN_DESCRIPTION_CHARS) found.description = t('appeals.new.errors.descriptionShort', { min: MIN_DESCRIPTION_CHARS });
    else if (text.length > MAX_DESCRIPTION_CHARS) found.description = t('appeals.new.errors.descriptionLong', { max: MAX_DESCRIPTION_CHARS });
    if (contactEmail.trim() && !EMAIL.test(contactEmail.trim())) found.contactEmail = t('appeals.new.errors.email');
    if (contactPhone.trim() && contactPhone.replace(/\D/g, '').length < 10) found.contactPhone = t('appeals.new.errors.phone');
    return found;
  };

  const submission = (): AppealSubmission => {
    const contact = {
      ...(contactName.trim() ? { name: contactName.trim() } : {}),
      ...(contactPhone.trim() ? { phone: contactPhone.trim() } : {}),
      ...(contactEmail.trim() ? { email: contactEmail.trim() } : {}),
    };
    return {
      category: categoryCode,
      description: description.trim(),
      ...(showPlace && point ? { lon: point.lon, lat: point.lat } : {}),
      ...(showPlace && address.trim() ? { address: address.trim() } : {}),
      ...(initial.precinctId ? { precinctId: initial.precinctId } : {}),
      ...(Object.keys(contact).length ? { contact: { ...contact, lang: contactLang } } : {}),
      ...(isAdvert ? { advert: { kind: advertKind, ...(advertKind === 'link' && advertUrl.trim() ? { url: normalizeLink(advertUrl) } : {}) } } : {}),
      website,
    };
  };

  /** Our explanation for the refusals we know, followed by the server's own words. */
  const serverMessage = (error: ApiError, part: FormPart): string => {
    const detail = problemDetail(error);
    const refusal = part === 'photos' ? photoRefusal(error.code) : null;
    const own = error.code === 'outside_city' ? t('appeals.new.errors.outsideCity') : refusal ? t(`appeals.photos.server.${refusal}`) : null;
    if (!own) return detail ?? error.problem.title;
    return detail && error.code !== 'outside_city' ? `${own} ${t('appeals.new.errors.serverSaid', { detail })}` : own;
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setServerError(undefined);
    const found = validate();
    setErrors(found);
    const first = ORDER.find((p) => found[p]);
    if (first) {
      if (first === 'category') setPickerOpen(true);
      window.setTimeout(() => focusPart(first), 0);
      return;
    }
    try {
      const receipt = await upload.run(photos.length > 0, (options) => appealsApi.submit(submission(), photos, options));
      if (receipt && category) onSubmitted(receipt, category);
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      const part = partOf(reason, photos.length > 0);
      if (part === 'general') {
        setServerError(reason);
      } else {
        setErrors({ [part]: serverMessage(reason, part) });
        if (part === 'category') setPickerOpen(true);
      }
      window.setTimeout(() => focusPart(part), 0);
    }
  };

  let step = 1;
  return (
    <form className="form appeal-form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="appeal-form">
      <section className="appeal-step-section" aria-labelledby="step-category">
        <h2 id="step-category">
          <span className="step-number">{step++}.</span> {t('appeals.new.steps.category')}
        </h2>
        {pickerOpen || !category ? (
          <>
            <CategoryPicker
              categories={categories}
              value={categoryCode}
              onChange={(code) => {
                setCategoryCode(code);
                clearError('category');
              }}
              error={errors.category}
            />
            {category ? (
              <div className="category-continue">
                <button type="button" className="button button-primary" onClick={handleContinue} data-testid="category-continue">
                  {t('appeals.new.continueWith', { name: labels.localized(category.name) })}
                </button>
              </div>
            ) : null}
          </>
        ) : (
          <div className="category-chosen card" data-testid="category-chosen">
            <p className="category-chosen-name">
              <strong>{labels.localized(category.name)}</strong>
              <span className="muted"> · {labels.group(category.group)}</span>
            </p>
            <p className="small">
              {t('appeals.category.deadline', { count: category.deadlineDays })} · <CategoryRouting category={category} />
            </p>
            {category.responsibleUnit === 'internal_security' ? (
              <p className="alert alert-info small" data-testid="conduct-note">
                {t('appeals.new.conductNote')}
              </p>
            ) : null}
            <button type="button" id="category-change" className="button button-secondary button-small" onClick={() => setPickerOpen(true)}>
              {t('appeals.new.changeCategory')}
            </button>
          </div>
        )}
      </section>

      {category && !pickerOpen ? (
        <>
          {showPlace ? (
            <section className="appeal-step-section" aria-labelledby="step-place">
              <h2 id="step-place" ref={detailsRef} tabIndex={-1}>
                <span className="step-number">{step++}.</span> {needsPlace ? t('appeals.new.steps.place') : t('appeals.new.steps.placeOptional')}
              </h2>
              <PlacePicker
                point={point}
                onPoint={(p) => {
                  setPoint(p);
                  clearError('place');
                }}
                address={address}
                onAddress={(a) => {
                  setAddress(a);
                  clearError('place');
                }}
                precinctId={initial.precinctId}
                error={errors.place}
              />
            </section>
          ) : null}

          <section className="appeal-step-section" aria-labelledby="step-details">
            <h2 id="step-details" ref={showPlace ? undefined : detailsRef} tabIndex={-1}>
              <span className="step-number">{step++}.</span> {category.kind === 'proposal' ? t('appeals.new.steps.proposal') : t('appeals.new.steps.details')}
            </h2>
            <div className="form">
              {isAdvert && !fixedAdvertKind ? (
                <fieldset className="fieldset" data-testid="advert-kind">
                  <legend>{t('appeals.new.advert.legend')}</legend>
                  <div className="radio-row">
                    {(['graffiti', 'link'] as const).map((k) => (
                      <label key={k} className="radio">
                        <input type="radio" name="advert-kind" value={k} checked={advertKind === k} onChange={() => setAdvertKind(k)} />
                        {t(`appeals.new.advert.${k}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
              {isAdvert ? <p className="alert alert-info small">{t(`appeals.new.advert.${advertKind}Hint`)}</p> : null}
              {isAdvert && advertKind === 'link' ? (
                <TextInput
                  id="advert-url"
                  label={t('appeals.new.advert.url')}
                  hint={t('appeals.new.advert.urlHint')}
                  type="text"
                  inputMode="url"
                  autoComplete="off"
                  maxLength={500}
                  required
                  value={advertUrl}
                  onChange={(e) => {
                    setAdvertUrl(e.target.value);
                    clearError('advertUrl');
                  }}
                  error={errors.advertUrl}
                />
              ) : null}

              <TextArea
                id="description"
                label={category.kind === 'proposal' ? t('appeals.new.proposalText') : t('appeals.new.description')}
                hint={
                  <>
                    <span className={length > MAX_DESCRIPTION_CHARS ? 'count-over' : undefined} data-testid="description-count">
                      {t('appeals.new.count', { count: length, max: MAX_DESCRIPTION_CHARS })}
                    </span>{' '}
                    · {t('appeals.new.descriptionHint')}
                  </>
                }
                required
                rows={6}
                value={description}
                onChange={(e) => {
                  setDescription(e.target.value);
                  clearError('description');
                }}
                error={errors.description}
              />
              {MAX_DESCRIPTION_CHARS - length <= 200 ? (
                <p className="visually-hidden" aria-live="polite">
                  {length > MAX_DESCRIPTION_CHARS ? t('appeals.new.countOver', { count: length - MAX_DESCRIPTION_CHARS }) : t('appeals.new.countLeft', { count: MAX_DESCRIPTION_CHARS - length })}
                </p>
              ) : null}

              <PhotoPicker
                photos={photos}
                onChange={(next) => {
                  setPhotos(next);
                  clearError('photos');
                }}
                error={errors.photos}
                disabled={busy}
                id="photos"
                testIdPrefix="photo"
                textKey="appeals.photos"
                max={MAX_PHOTOS}
                check={photoProblem}
                accept={PHOTO_ACCEPT}
                // Drug-advert graffiti: a photo helps find and paint it over.
                hintLead={isAdvert && advertKind === 'graffiti' ? t('appeals.photos.encouraged') : undefined}
              />
            </div>
          </section>

          <section className="appeal-step-section" aria-labelledby="step-contact">
            <h2 id="step-contact">
              <span className="step-number">{step++}.</span> {t('appeals.new.steps.contact')}
            </h2>
            <p className="alert alert-info" data-testid="contact-private">
              {t('appeals.new.contactPrivate')}
            </p>
            <div className="form-grid">
              <TextInput
                id="contact-name"
                label={t('appeals.new.contactName')}
                autoComplete="name"
                maxLength={120}
                value={contactName}
                onChange={(e) => {
                  setContactName(e.target.value);
                  clearError('contactName');
                }}
                error={errors.contactName}
              />
              <TextInput
                id="contact-phone"
                label={t('appeals.new.contactPhone')}
                hint={t('appeals.new.contactPhoneHint')}
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                maxLength={30}
                value={contactPhone}
                onChange={(e) => {
                  setContactPhone(e.target.value);
                  clearError('contactPhone');
                }}
                error={errors.contactPhone}
              />
              <TextInput
                id="contact-email"
                label={t('appeals.new.contactEmail')}
                type="email"
                autoComplete="email"
                inputMode="email"
                maxLength={200}
                value={contactEmail}
                onChange={(e) => {
                  setContactEmail(e.target.value);
                  clearError('contactEmail');
                }}
                error={errors.contactEmail}
              />
              <Select id="contact-lang" label={t('appeals.new.contactLang')} value={contactLang} onChange={(e) => setContactLang(e.target.value as Lang)}>
                {LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code} lang={l.code}>
                    {l.name}
                  </option>
                ))}
              </Select>
            </div>
            {/* Left empty by people; bots that fill every field give themselves away. */}
            <div className="honeypot" aria-hidden="true">
              <label htmlFor="website">{t('appeals.new.honeypot')}</label>
              <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
            </div>
          </section>

          <FormProblems
            problem={serverError}
            problemId="appeal-submit-problem"
            summary={Object.keys(errors).length ? t('appeals.new.errors.summary', { count: Object.keys(errors).length }) : null}
            summaryTestId="form-errors"
          />
          <div className="appeal-submit">
            <UploadControls
              progress={upload.progress}
              processing={upload.processing}
              labels={{
                sending: t('appeals.new.sending'),
                processing: t('appeals.new.processing'),
                submit: category.kind === 'proposal' ? t('appeals.new.submitProposal') : t('appeals.new.submit'),
              }}
              processingTestId="appeal-processing"
              onCancel={upload.cancel}
            />
          </div>
        </>
      ) : null}
    </form>
  );
}
