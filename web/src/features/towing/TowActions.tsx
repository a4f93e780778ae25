import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TowDetail, TowSummary } from '../../api/towing.contract';
import { useSubmission } from '../../api/useSubmission';
import { TextArea, TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import { towingApi } from './towing.api';

/** The steps after a tow that take a small form; "at the lot" takes none. */
export type TowFormAction = 'release' | 'cancel' | 'call';

export interface TowPermissions {
  /** Mark at the lot, release, cancel (tow operators and admins). */
  operate: boolean;
  /** Record a call to the owner (also the duty officers). */
  call: boolean;
}

type Tow = Pick<TowSummary, 'id' | 'plate' | 'status' | 'toCall' | 'calledAt'>;

/** Which steps a tow may take now, for this user. `anyCall`: offer a call even when the owner was reached by SMS. */
export function availableActions(tow: Tow, can: TowPermissions, anyCall = false) {
  const open = tow.status === 'towed' || tow.status === 'at_lot';
  return {
    atLot: can.operate && tow.status === 'towed',
    release: can.operate && open,
    cancel: can.operate && open,
    call: can.call && tow.status !== 'cancelled' && (tow.toCall || (anyCall && !tow.calledAt)),
  };
}

export interface TowActionButtonsProps {
  tow: Tow;
  can: TowPermissions;
  anyCall?: boolean;
  /** The form open for this tow, if any. */
  open: TowFormAction | null;
  onOpen: (action: TowFormAction | null) => void;
  onChanged: (tow: TowDetail) => void;
}

/** The buttons of a tow's next steps; "at the lot" is done at once, the others open their form. */
export function TowActionButtons({ tow, can, anyCall = false, open, onOpen, onChanged }: TowActionButtonsProps) {
  const { t } = useTranslation();
  const { submit, busy, error } = useSubmission();
  const actions = availableActions(tow, can, anyCall);
  if (!actions.atLot && !actions.release && !actions.cancel && !actions.call) return <span className="muted">—</span>;
  const toggle = (action: TowFormAction) => onOpen(open === action ? null : action);
  const handleAtLot = () =>
    void submit(async () => {
      onChanged(await towingApi.atLot(tow.id));
    });
  return (
    <div className="tow-actions">
      <div className="tow-action-buttons">
        {actions.atLot ? (
          <button type="button" className="button button-secondary button-small" onClick={handleAtLot} disabled={busy} aria-label={t('towing.actions.atLotFor', { plate: tow.plate })} data-testid="action-at-lot">
            {busy ? t('common.saving') : t('towing.actions.atLot')}
          </button>
        ) : null}
        {(['release', 'cancel', 'call'] as const)
          .filter((a) => actions[a])
          .map((action) => (
            <button
              key={action}
              type="button"
              className="button button-secondary button-small"
              aria-expanded={open === action}
              onClick={() => toggle(action)}
              aria-label={t(`towing.actions.${action}For`, { plate: tow.plate })}
              data-testid={`action-${action}`}
            >
              {t(`towing.actions.${action}`)}
            </button>
          ))}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}

/** The documents a release usually checks (the owner's list of what to bring). */
const DOCUMENTS = ['id', 'registration', 'proxy', 'finePaid'] as const;

export interface TowActionFormProps {
  tow: Tow;
  action: TowFormAction;
  onClose: () => void;
  onChanged: (tow: TowDetail) => void;
}

/** Release (to whom, documents checked), cancel (why), or a call to the owner (what was said). */
export function TowActionForm({ tow, action, onClose, onChanged }: TowActionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const { submit, busy, error } = useSubmission();
  const fields = action === 'release' ? ['releasedTo', 'documents'] : action === 'cancel' ? ['reason'] : ['note'];
  const { fieldError, inline, passes } = useFormErrors(error, fields);
  const [releasedTo, setReleasedTo] = useState('');
  const [documents, setDocuments] = useState<Record<(typeof DOCUMENTS)[number], boolean>>({ id: false, registration: false, proxy: false, finePaid: false });
  const [otherDocuments, setOtherDocuments] = useState('');
  const [text, setText] = useState('');
  const firstRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    firstRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [action]);

  const documentsText = [...DOCUMENTS.filter((d) => documents[d]).map((d) => t(`towing.release.documents.${d}`)), otherDocuments.trim()].filter(Boolean).join(', ');

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldChecks = {};
    if (action === 'release') {
      if (releasedTo.trim().length < 2) found.releasedTo = t('towing.release.errors.releasedTo');
      if (documentsText.length < 2) found.documents = t('towing.release.errors.documents');
    } else if (action === 'cancel') {
      if (text.trim().length < 5) found.reason = t('towing.cancel.errors.reason');
    } else if (text.trim().length < 2) found.note = t('towing.call.errors.note');
    if (!passes(found)) {
      const first = fields.find((f) => found[f]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    await submit(async () => {
      const changed =
        action === 'release'
          ? await towingApi.release(tow.id, { releasedTo: releasedTo.trim(), documents: documentsText.slice(0, 300) })
          : action === 'cancel'
            ? await towingApi.cancel(tow.id, { reason: text.trim() })
            : await towingApi.call(tow.id, { note: text.trim() });
      onChanged(changed);
    });
  };

  return (
    <form className="form tow-action-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={`${id}-title`} data-testid={`${action}-form`}>
      <h3 id={`${id}-title`} className="h4">
        {t(`towing.${action}.title`, { plate: tow.plate })}
      </h3>
      <div ref={firstRef} className="stack">
        {action === 'release' ? (
          <>
            <TextInput
              id={`${id}-releasedTo`}
              label={t('towing.release.releasedTo')}
              hint={t('towing.release.releasedToHint')}
              required
              maxLength={200}
              autoComplete="off"
              value={releasedTo}
              onChange={(e) => setReleasedTo(e.target.value)}
              error={fieldError('releasedTo')}
            />
            <fieldset className="fieldset" aria-describedby={fieldError('documents') ? `${id}-documents-error` : undefined}>
              <legend>{t('towing.release.documentsLegend')}</legend>
              {DOCUMENTS.map((d) => (
                <label key={d} className="radio">
                  <input type="checkbox" checked={documents[d]} onChange={(e) => setDocuments((current) => ({ ...current, [d]: e.target.checked }))} data-testid={`release-doc-${d}`} />
                  {t(`towing.release.documents.${d}`)}
                </label>
              ))}
              <TextInput id={`${id}-documents`} label={t('towing.release.otherDocuments')} maxLength={150} autoComplete="off" value={otherDocuments} onChange={(e) => setOtherDocuments(e.target.value)} />
              {fieldError('documents') ? (
                <p id={`${id}-documents-error`} className="field-error">
                  {fieldError('documents')}
                </p>
              ) : null}
            </fieldset>
          </>
        ) : (
          <TextArea
            id={`${id}-${action === 'cancel' ? 'reason' : 'note'}`}
            label={action === 'cancel' ? t('towing.cancel.reason') : t('towing.call.note')}
            hint={t(`towing.${action}.hint`)}
            required
            rows={3}
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={fieldError(action === 'cancel' ? 'reason' : 'note')}
          />
        )}
      </div>
      {error && !inline ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className={`button ${action === 'cancel' ? 'button-danger' : 'button-primary'}`} disabled={busy} data-testid={`${action}-submit`}>
          {busy ? t('common.saving') : t(`towing.${action}.submit`)}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
          {t('towing.actions.close')}
        </button>
      </div>
    </form>
  );
}

/** A tow's next steps with their forms in place (the tow's own page). */
export function TowActions({ tow, can, onChanged }: { tow: Tow; can: TowPermissions; onChanged: (tow: TowDetail) => void }) {
  const [open, setOpen] = useState<TowFormAction | null>(null);
  const handleChanged = (changed: TowDetail) => {
    setOpen(null);
    onChanged(changed);
  };
  return (
    <div className="stack">
      <TowActionButtons tow={tow} can={can} anyCall open={open} onOpen={setOpen} onChanged={handleChanged} />
      {open ? <TowActionForm tow={tow} action={open} onClose={() => setOpen(null)} onChanged={handleChanged} /> : null}
    </div>
  );
}
