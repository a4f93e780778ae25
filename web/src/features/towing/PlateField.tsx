import { useTranslation } from 'react-i18next';
import { displayPlate, normalizePlate, plateCharactersValid } from '../../api/towing.contract';
import { TextArea, TextInput } from '../../ui/fields';

export interface PlateFieldProps {
  plate: string;
  onPlate: (plate: string) => void;
  /** The operator confirms a plate that fits no known format (foreign, diplomatic, special). */
  override: boolean;
  onOverride: (override: boolean) => void;
  reason: string;
  onReason: (reason: string) => void;
  error?: string | undefined;
  reasonError?: string | undefined;
}

/** Whether the plate as typed is one the server takes as it is, needs an override, or is not a plate. */
export function plateCheck(plate: string): 'empty' | 'known' | 'unusual' | 'invalid' {
  if (!plate.trim()) return 'empty';
  const { plate: normal, format } = normalizePlate(plate);
  if (!plateCharactersValid(normal)) return 'invalid';
  return format ? 'known' : 'unusual';
}

/**
 * The plate as the operator reads it off the car — any spelling: Cyrillic look-alike letters, spaces, lower
 * case. As they type, the plate is shown as the service will store it, with the format it fits (the
 * server's own rules, towing/plates.ts); a plate that fits none takes an explicit override and a reason.
 */
export function PlateField({ plate, onPlate, override, onOverride, reason, onReason, error, reasonError }: PlateFieldProps) {
  const { t } = useTranslation();
  const { plate: normal, format } = normalizePlate(plate);
  const check = plateCheck(plate);
  return (
    <div className="tow-plate-field stack">
      <TextInput
        id="tow-plate"
        label={t('towing.form.plate')}
        hint={t('towing.form.plateHint')}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        className="tow-plate-input"
        value={plate}
        onChange={(e) => onPlate(e.target.value)}
        error={error}
      />
      <p className={`tow-plate-check tow-plate-check-${check}`} role="status" aria-live="polite" data-testid="plate-check">
        {check === 'known' && format ? (
          <>
            <span className="tow-plate" data-testid="plate-normalized">
              {displayPlate(normal)}
            </span>{' '}
            <span>✓ {t(`towing.form.plateFormat.${format}`)}</span>
          </>
        ) : check === 'unusual' ? (
          <>
            <span className="tow-plate" data-testid="plate-normalized">
              {normal}
            </span>{' '}
            <span>⚠ {t('towing.form.plateUnusual')}</span>
          </>
        ) : check === 'invalid' ? (
          // once the form has said so under the field, the live line does not say it again
          error ? null : <span>✕ {t('towing.form.plateInvalid')}</span>
        ) : (
          <span className="muted">{t('towing.form.plateEmpty')}</span>
        )}
      </p>
      {check === 'unusual' ? (
        <div className="tow-override stack">
          <label className="radio">
            <input type="checkbox" checked={override} onChange={(e) => onOverride(e.target.checked)} data-testid="plate-override" />
            {t('towing.form.override')}
          </label>
          {override ? (
            <TextArea
              id="tow-override-reason"
              label={t('towing.form.overrideReason')}
              hint={t('towing.form.overrideReasonHint')}
              required
              rows={2}
              maxLength={300}
              value={reason}
              onChange={(e) => onReason(e.target.value)}
              error={reasonError}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
