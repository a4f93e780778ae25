import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { displayPlate, normalizePlate, plateCharactersValid, type LookupInput, type LookupResult } from '../../api/towing.contract';
import { TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { problemDetail } from '../../ui/useFieldProblem';
import { towingApi, towingPaths } from './towing.api';

type Secret = 'code' | 'phone';
type Field = 'plate' | 'code' | 'phoneLast4';
type Errors = Partial<Record<Field, string>>;
/** What the last try answered, besides the car. */
type Outcome = { name: 'none' } | { name: 'no_match' } | { name: 'rate_limited' } | { name: 'problem'; error: ApiError };

const digits = (value: string) => value.replace(/\D/g, '');

export interface CarLookupFormProps {
  /** The token of the SMS link, which stands for the plate. */
  token: string | null;
  onFound: (result: LookupResult) => void;
}

/**
 * The owner's question: the plate (or the SMS link) and the code from the SMS — or, without the SMS, the
 * last four digits of the owner's phone. A wrong answer gets one sentence that says nothing about
 * whether the plate was towed; too many tries get "try later".
 */
export function CarLookupForm({ token, onFound }: CarLookupFormProps) {
  const { t } = useTranslation();
  const [plate, setPlate] = useState('');
  const [secret, setSecret] = useState<Secret>('code');
  const [code, setCode] = useState('');
  const [phoneLast4, setPhoneLast4] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>({ name: 'none' });
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const normalized = normalizePlate(plate);
  const clear = (field: Field) => {
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!token) {
      if (!plate.trim()) found.plate = t('towing.lookup.errors.plateMissing');
      else if (!plateCharactersValid(normalized.plate)) found.plate = t('towing.lookup.errors.plateChars');
    }
    if (secret === 'code' && !/^\d{6}$/.test(code)) found.code = t('towing.lookup.errors.code');
    if (secret === 'phone' && !/^\d{4}$/.test(phoneLast4)) found.phoneLast4 = t('towing.lookup.errors.phone');
    return found;
  };

  const focusField = (field: Field) => {
    const id = { plate: 'lookup-plate', code: 'lookup-code', phoneLast4: 'lookup-phone' }[field];
    document.getElementById(id)?.focus();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    setOutcome({ name: 'none' });
    const first = (['plate', 'code', 'phoneLast4'] as const).find((f) => found[f]);
    if (first) {
      focusField(first);
      return;
    }
    const input: LookupInput = {
      ...(token ? { token } : { plate: plate.trim() }),
      ...(secret === 'code' ? { code } : { phoneLast4 }),
    };
    setBusy(true);
    try {
      onFound(await towingApi.lookup(input));
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      const field = reason.problem.field;
      if (reason.status === 404) setOutcome({ name: 'no_match' });
      else if (reason.status === 429) setOutcome({ name: 'rate_limited' });
      else if (reason.code === 'validation' && (field === 'plate' || field === 'code' || field === 'phoneLast4')) {
        setErrors({ [field]: problemDetail(reason) ?? t('towing.lookup.errors.code') });
        focusField(field);
        return;
      } else if (reason.code === 'validation' && field === 'token') setOutcome({ name: 'no_match' });
      else setOutcome({ name: 'problem', error: reason });
      window.setTimeout(() => outcomeRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const noMatch = token ? t('towing.lookup.noMatch.link') : secret === 'code' ? t('towing.lookup.noMatch.code') : t('towing.lookup.noMatch.phone');

  return (
    <form className="form tow-lookup-form card" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="lookup-form">
      {token ? (
        <p className="alert alert-info" data-testid="lookup-link-note">
          {t('towing.lookup.linkNote')} <Link to={towingPaths.lookup}>{t('towing.lookup.typePlate')}</Link>
        </p>
      ) : (
        <TextInput
          id="lookup-plate"
          label={t('towing.lookup.plate')}
          hint={
            <>
              {t('towing.lookup.plateHint')}
              {plate.trim() && plateCharactersValid(normalized.plate) ? (
                <>
                  {' '}
                  <span data-testid="lookup-plate-normalized">{t('towing.lookup.plateAs', { plate: displayPlate(normalized.plate) })}</span>
                </>
              ) : null}
            </>
          }
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          value={plate}
          onChange={(e) => {
            setPlate(e.target.value);
            clear('plate');
          }}
          error={errors.plate}
        />
      )}

      <fieldset className="fieldset">
        <legend>{t('towing.lookup.secretLegend')}</legend>
        <div className="radio-row">
          {(['code', 'phone'] as const).map((s) => (
            <label key={s} className="radio">
              <input
                type="radio"
                name="lookup-secret"
                value={s}
                checked={secret === s}
                onChange={() => {
                  setSecret(s);
                  setErrors({});
                  setOutcome({ name: 'none' });
                }}
                data-testid={`lookup-secret-${s}`}
              />
              {t(`towing.lookup.secret.${s}`)}
            </label>
          ))}
        </div>
        {secret === 'code' ? (
          <TextInput
            id="lookup-code"
            label={t('towing.lookup.code')}
            hint={t('towing.lookup.codeHint')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="tow-code-field"
            value={code}
            onChange={(e) => {
              setCode(digits(e.target.value).slice(0, 6));
              clear('code');
            }}
            error={errors.code}
          />
        ) : (
          <TextInput
            id="lookup-phone"
            label={t('towing.lookup.phone')}
            hint={t('towing.lookup.phoneHint')}
            required
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            className="tow-code-field"
            value={phoneLast4}
            onChange={(e) => {
              setPhoneLast4(digits(e.target.value).slice(0, 4));
              clear('phoneLast4');
            }}
            error={errors.phoneLast4}
          />
        )}
      </fieldset>

      <div ref={outcomeRef} tabIndex={-1} className="tow-lookup-outcome">
        {outcome.name === 'no_match' ? (
          <p className="alert alert-warning" role="alert" data-testid="lookup-no-match">
            {noMatch}
          </p>
        ) : null}
        {outcome.name === 'rate_limited' ? (
          <p className="alert alert-error" role="alert" data-testid="lookup-rate-limited">
            {t('towing.lookup.rateLimited')}
          </p>
        ) : null}
        {outcome.name === 'problem' ? <ProblemAlert error={outcome.error} /> : null}
      </div>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="lookup-submit">
          {busy ? t('towing.lookup.searching') : t('towing.lookup.submit')}
        </button>
      </div>
      <p className="small muted">{t('towing.lookup.privacy')}</p>
    </form>
  );
}
