import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { MAX_FINE_TENGE, MAX_TOW_PHOTO_BYTES, MAX_TOW_PHOTOS, type ImpoundLot, type RegisteredTow, type TowReason, type TowRegistration } from '../../api/towing.contract';
import { useUploadSubmission } from '../../api/useUploadSubmission';
import { Select, TextInput } from '../../ui/fields';
import { FormProblems, revealProblem } from '../../ui/FormProblems';
import type { Point } from '../../ui/map/PlaceTools';
import { concernsPhotos, photoRefusal, PhotoPicker, type PhotoCheck } from '../../ui/PhotoPicker';
import { UploadControls } from '../../ui/UploadControls';
import { problemDetail } from '../../ui/useFieldProblem';
import { PlateField, plateCheck } from './PlateField';
import { towingApi } from './towing.api';
import { fromLocalInput, localInputValue } from './towing.dates';
import { TowPlaceField } from './TowPlaceField';
import { useTowFormat } from './useTowFormat';

/** The parts of the form a problem can concern, in the order they are on the form. */
const PARTS = ['plate', 'overrideReason', 'make', 'colour', 'place', 'towedAt', 'reasonCode', 'fine', 'lotId', 'truck', 'photos', 'general'] as const;
type Part = (typeof PARTS)[number];
type Errors = Partial<Record<Part, string>>;

const FOCUS: Record<Part, string> = {
  plate: 'tow-plate',
  overrideReason: 'tow-override-reason',
  make: 'tow-make',
  colour: 'tow-colour',
  place: 'tow-address',
  towedAt: 'tow-time',
  reasonCode: 'tow-reason',
  fine: 'tow-fine',
  lotId: 'tow-lot',
  truck: 'tow-truck',
  photos: 'tow-photos',
  general: 'tow-submit-problem',
};

function focusPart(part: Part): void {
  revealProblem(document.getElementById(FOCUS[part]));
}

/** Which part of the form the server's problem names (`plate`, `plateOverride.reason`, `place`, `photo`, …). */
function partOf(error: ApiError, sentPhotos: boolean): Part {
  const field = error.problem.field ?? '';
  if (/^plateOverride/.test(field)) return 'overrideReason';
  if (/^(place|address|districtId)(\.|$)/.test(field)) return 'place';
  if (concernsPhotos(error, sentPhotos)) return 'photos';
  const top = field.split('.')[0] ?? '';
  if ((['plate', 'make', 'colour', 'towedAt', 'reasonCode', 'fine', 'lotId', 'truck'] as string[]).includes(top)) return top as Part;
  return 'general';
}

/** Any image the phone makes; the server reads the bytes and strips metadata. */
const towPhotoProblem: PhotoCheck = (file) => {
  if (file.type && !file.type.startsWith('image/')) return 'type';
  if (file.size > MAX_TOW_PHOTO_BYTES) return 'size';
  return null;
};

/** The last lot and truck, kept on this phone: an operator works from one truck to one lot most days. */
const LAST_KEY = 'openbeat.towing.last';
function readLast(): { lotId: string; truck: string } {
  try {
    const value = JSON.parse(window.localStorage.getItem(LAST_KEY) ?? '{}') as { lotId?: unknown; truck?: unknown };
    return { lotId: typeof value.lotId === 'string' ? value.lotId : '', truck: typeof value.truck === 'string' ? value.truck : '' };
  } catch {
    return { lotId: '', truck: '' };
  }
}
function saveLast(lotId: string, truck: string): void {
  try {
    window.localStorage.setItem(LAST_KEY, JSON.stringify({ lotId, truck }));
  } catch {
    // not kept; the form still works
  }
}

/** "17 250" → 17250; null when it is not a whole number of tenge. */
function parseFine(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export interface TowFormProps {
  lots: readonly ImpoundLot[];
  reasons: readonly TowReason[];
  onRegistered: (tow: RegisteredTow) => void;
}

/**
 * The tow operator's form, phone first (п.24): the plate with its normalised form, make and colour, the
 * place (own location, the map or an address), the time, the reason and fine, the lot, the truck, up to
 * four photos. Each problem — the form's own or the server's — appears next to its field.
 */
export function TowForm({ lots, reasons, onRegistered }: TowFormProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const activeLots = lots.filter((lot) => lot.active);
  const [last] = useState(readLast);
  const [plate, setPlate] = useState('');
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [make, setMake] = useState('');
  const [colour, setColour] = useState('');
  const [point, setPoint] = useState<Point | null>(null);
  const [address, setAddress] = useState('');
  const [towedAt, setTowedAt] = useState(() => localInputValue(new Date()));
  const [reasonCode, setReasonCode] = useState(reasons.length === 1 ? reasons[0]!.code : '');
  const [fine, setFine] = useState('');
  const [lotId, setLotId] = useState(() => (activeLots.some((l) => l.id === last.lotId) ? last.lotId : activeLots.length === 1 ? activeLots[0]!.id : ''));
  const [truck, setTruck] = useState(last.truck);
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<ApiError>();
  const upload = useUploadSubmission();

  const busy = upload.busy;
  const lot = activeLots.find((l) => l.id === lotId);
  const clear = (...parts: Part[]) => {
    if (parts.some((p) => errors[p])) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([k]) => !parts.includes(k as Part))));
  };

  const validate = (): Errors => {
    const found: Errors = {};
    const check = plateCheck(plate);
    if (check === 'empty') found.plate = t('towing.form.errors.plateMissing');
    else if (check === 'invalid') found.plate = t('towing.form.errors.plateChars');
    else if (check === 'unusual' && !override) found.plate = t('towing.form.errors.plateUnusual');
    if (check === 'unusual' && override && overrideReason.trim().length < 5) found.overrideReason = t('towing.form.errors.overrideReason');
    if (!make.trim()) found.make = t('towing.form.errors.make');
    if (!colour.trim()) found.colour = t('towing.form.errors.colour');
    if (!point && !address.trim()) found.place = t('towing.form.errors.place');
    const at = fromLocalInput(towedAt);
    if (!at) found.towedAt = t('towing.form.errors.timeMissing');
    else if (Date.parse(at) > Date.now() + 5 * 60_000) found.towedAt = t('towing.form.errors.timeFuture');
    else if (Date.parse(at) < Date.now() - 7 * 86_400_000) found.towedAt = t('towing.form.errors.timeOld');
    if (!reasonCode) found.reasonCode = t('towing.form.errors.reason');
    const amount = parseFine(fine);
    if (amount === null || amount > MAX_FINE_TENGE) found.fine = t('towing.form.errors.fine', { max: format.integer(MAX_FINE_TENGE) });
    if (!lotId) found.lotId = t('towing.form.errors.lot');
    if (!truck.trim()) found.truck = t('towing.form.errors.truck');
    return found;
  };

  /** Our words for the server's refusals of a field; its own detail where we have none. */
  const serverMessage = (error: ApiError, part: Part): string => {
    const detail = problemDetail(error) ?? error.problem.title;
    switch (part) {
      case 'plate':
        return t('towing.form.server.plate');
      case 'towedAt':
        return t('towing.form.server.towedAt');
      case 'lotId':
        return t('towing.form.server.lotId');
      case 'reasonCode':
        return t('towing.form.server.reasonCode');
      case 'fine':
        return t('towing.form.errors.fine', { max: format.integer(MAX_FINE_TENGE) });
      case 'place':
        return error.problem.field === 'districtId' ? t('towing.form.server.district') : t('towing.form.errors.place');
      case 'photos': {
        const refusal = photoRefusal(error.code);
        return refusal ? t(`towing.photos.server.${refusal}`) : detail;
      }
      default:
        return detail;
    }
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setServerError(undefined);
    const found = validate();
    setErrors(found);
    const first = PARTS.find((p) => found[p]);
    if (first) {
      window.setTimeout(() => focusPart(first), 0);
      return;
    }
    const tow: TowRegistration = {
      plate: plate.trim(),
      ...(plateCheck(plate) === 'unusual' && override ? { plateOverride: { reason: overrideReason.trim() } } : {}),
      make: make.trim(),
      colour: colour.trim(),
      ...(point ? { place: point } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      towedAt: fromLocalInput(towedAt)!,
      reasonCode,
      fine: parseFine(fine)!,
      lotId,
      truck: truck.trim(),
    };
    try {
      const registered = await upload.run(photos.length > 0, (options) => towingApi.register(tow, photos, options));
      if (!registered) return;
      saveLast(lotId, truck.trim());
      onRegistered(registered);
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      const part = reason.code === 'validation' || reason.problem.field || photoRefusal(reason.code) ? partOf(reason, photos.length > 0) : 'general';
      if (part === 'general') setServerError(reason);
      else setErrors({ [part]: serverMessage(reason, part) });
      window.setTimeout(() => focusPart(part), 0);
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form className="form tow-form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="tow-form">
      <section className="tow-form-section" aria-labelledby="tow-car-title">
        <h2 id="tow-car-title">{t('towing.form.sections.car')}</h2>
        <PlateField
          plate={plate}
          onPlate={(value) => {
            setPlate(value);
            clear('plate');
          }}
          override={override}
          onOverride={(value) => {
            setOverride(value);
            clear('plate', 'overrideReason');
          }}
          reason={overrideReason}
          onReason={(value) => {
            setOverrideReason(value);
            clear('overrideReason');
          }}
          error={errors.plate}
          reasonError={errors.overrideReason}
        />
        <div className="form-grid">
          <TextInput
            id="tow-make"
            label={t('towing.form.make')}
            hint={t('towing.form.makeHint')}
            required
            autoComplete="off"
            maxLength={60}
            value={make}
            onChange={(e) => {
              setMake(e.target.value);
              clear('make');
            }}
            error={errors.make}
          />
          <TextInput
            id="tow-colour"
            label={t('towing.form.colour')}
            required
            autoComplete="off"
            maxLength={40}
            value={colour}
            onChange={(e) => {
              setColour(e.target.value);
              clear('colour');
            }}
            error={errors.colour}
          />
        </div>
      </section>

      <section className="tow-form-section" aria-labelledby="tow-place-title">
        <h2 id="tow-place-title">{t('towing.form.sections.place')}</h2>
        <TowPlaceField
          point={point}
          onPoint={(p) => {
            setPoint(p);
            clear('place');
          }}
          address={address}
          onAddress={(a) => {
            setAddress(a);
            clear('place');
          }}
          error={errors.place}
        />
        <TextInput
          id="tow-time"
          label={t('towing.form.time')}
          hint={t('towing.form.timeHint')}
          type="datetime-local"
          required
          value={towedAt}
          onChange={(e) => {
            setTowedAt(e.target.value);
            clear('towedAt');
          }}
          error={errors.towedAt}
          className="tow-time-field"
        />
      </section>

      <section className="tow-form-section" aria-labelledby="tow-reason-title">
        <h2 id="tow-reason-title">{t('towing.form.sections.reason')}</h2>
        <Select
          id="tow-reason"
          label={t('towing.form.reason')}
          required
          value={reasonCode}
          onChange={(e) => {
            setReasonCode(e.target.value);
            clear('reasonCode');
          }}
          error={errors.reasonCode}
        >
          <option value="">{t('common.choose')}</option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {format.localized(r.article)} — {format.localized(r.text)}
            </option>
          ))}
        </Select>
        <TextInput
          id="tow-fine"
          label={t('towing.form.fine')}
          hint={t('towing.form.fineHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          className="tow-fine-field"
          value={fine}
          onChange={(e) => {
            setFine(e.target.value);
            clear('fine');
          }}
          error={errors.fine}
        />
      </section>

      <section className="tow-form-section" aria-labelledby="tow-lot-title">
        <h2 id="tow-lot-title">{t('towing.form.sections.lot')}</h2>
        <Select
          id="tow-lot"
          label={t('towing.form.lot')}
          hint={lot ? `${format.localized(lot.address)} · ${format.localized(lot.hours)} · ${format.phone(lot.phone)}` : undefined}
          required
          value={lotId}
          onChange={(e) => {
            setLotId(e.target.value);
            clear('lotId');
          }}
          error={errors.lotId}
        >
          <option value="">{t('common.choose')}</option>
          {activeLots.map((l) => (
            <option key={l.id} value={l.id}>
              {format.localized(l.name)} — {format.localized(l.address)}
            </option>
          ))}
        </Select>
        <TextInput
          id="tow-truck"
          label={t('towing.form.truck')}
          hint={t('towing.form.truckHint')}
          required
          autoComplete="off"
          maxLength={20}
          value={truck}
          onChange={(e) => {
            setTruck(e.target.value);
            clear('truck');
          }}
          error={errors.truck}
        />
      </section>

      <section className="tow-form-section" aria-labelledby="tow-photos-title">
        <h2 id="tow-photos-title">{t('towing.form.sections.photos')}</h2>
        <PhotoPicker
          photos={photos}
          onChange={(next) => {
            setPhotos(next);
            clear('photos');
          }}
          error={errors.photos}
          disabled={busy}
          id="tow-photos"
          testIdPrefix="tow-photo"
          textKey="towing.photos"
          max={MAX_TOW_PHOTOS}
          check={towPhotoProblem}
          accept="image/*"
          capture="environment"
        />
      </section>

      <FormProblems
        problem={serverError}
        problemId="tow-submit-problem"
        summary={errorCount ? t('towing.form.errors.summary', { count: errorCount }) : null}
        summaryTestId="tow-form-errors"
      />
      <div className="tow-submit">
        <UploadControls
          progress={upload.progress}
          processing={upload.processing}
          labels={{ sending: t('towing.form.sending'), processing: t('towing.form.processing'), submit: t('towing.form.submit') }}
          processingTestId="tow-processing"
          onCancel={upload.cancel}
        />
      </div>
    </form>
  );
}
