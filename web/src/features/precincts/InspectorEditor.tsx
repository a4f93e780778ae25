import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { messengerKinds, type InspectorCard, type MessengerKind } from '../../api/precincts.contract';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { FileInput, Select, TextArea, TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Spinner } from '../../ui/Spinner';
import { InspectorPhoto } from './InspectorPhoto';
import { precinctsApi } from './precincts.api';
import { useDebouncedValue } from './useDebouncedValue';

const MAX_MESSENGERS = 8;
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

interface Draft {
  phone: string;
  messengers: { kind: MessengerKind; url: string }[];
  precinctId: string;
  active: boolean;
  reason: string;
}

function draftOf(inspector: InspectorCard): Draft {
  return {
    phone: inspector.phone,
    messengers: inspector.messengers.map((m) => ({ kind: m.kind, url: m.url })),
    precinctId: inspector.precinct?.id ?? '',
    active: true,
    reason: '',
  };
}

/** The server's problem, shown under the field it names (`phone`, `messengers.1.url`, `reason`, …). */
function fieldProblem(error: ApiError | undefined, field: string): string | undefined {
  const named = error?.problem.field;
  if (!error || !named || named !== field) return undefined;
  return error.problem.detail?.replace(/^[\w.]+:\s*/, '') || error.problem.title;
}

/** One inspector's contacts, precinct and portrait, changed with a reason (the change is audited). */
function InspectorForm({ inspector, onSaved }: { inspector: InspectorCard; onSaved: (card: InspectorCard) => void }) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const [draft, setDraft] = useState(() => draftOf(inspector));
  const [reasonError, setReasonError] = useState<string>();
  const { submit, busy, error, saved } = useSubmission();
  const [photo, setPhoto] = useState<File | null>(null);
  const photoState = useSubmission();
  const photoInputRef = useRef<HTMLInputElement>(null);
  const outlines = useQuery(() => precinctsApi.precinctOutlines(), []);
  const precinctOptions = (outlines.data?.features ?? []).map((f) => f.properties).sort((a, b) => a.code.localeCompare(b.code, locale, { numeric: true }));
  const prefix = useId();

  useEffect(() => setDraft(draftOf(inspector)), [inspector]);

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    if (draft.reason.trim().length < 3) {
      setReasonError(t('precincts.editor.reasonRequired'));
      document.getElementById(`${prefix}-reason`)?.focus();
      return;
    }
    setReasonError(undefined);
    void submit(async () => {
      const card = await precinctsApi.patchInspector(inspector.id, {
        phone: draft.phone.trim(),
        messengers: draft.messengers.filter((m) => m.url.trim()).map((m) => ({ kind: m.kind, url: m.url.trim() })),
        precinctId: draft.precinctId || null,
        active: draft.active,
        reason: draft.reason.trim(),
      });
      onSaved(card);
    });
  };

  const handlePhoto = (event: FormEvent) => {
    event.preventDefault();
    if (!photo) return;
    void photoState.submit(async () => {
      const card = await precinctsApi.putPhoto(inspector.id, photo);
      setPhoto(null);
      if (photoInputRef.current) photoInputRef.current.value = '';
      onSaved(card);
    });
  };

  const setMessenger = (index: number, change: Partial<Draft['messengers'][number]>) =>
    setDraft((d) => ({ ...d, messengers: d.messengers.map((m, i) => (i === index ? { ...m, ...change } : m)) }));

  const generalError = error && !['phone', 'reason', 'precinctId', 'active'].includes(error.problem.field ?? '') && !error.problem.field?.startsWith('messengers') ? error : undefined;

  return (
    <div className="stack inspector-editor-form" data-testid="inspector-editor-form">
      <div className="inspector-head">
        <InspectorPhoto inspector={inspector} />
        <div>
          <h3 className="h3">{localized(inspector.name)}</h3>
          <p className="small muted">{inspector.precinct ? t('precincts.inspector.precinct', { code: inspector.precinct.code, name: localized(inspector.precinct.name) }) : t('precincts.inspector.noPrecinct')}</p>
        </div>
      </div>

      <form className="form" onSubmit={handleSave} noValidate>
        {generalError ? <ProblemAlert error={generalError} /> : null}
        <TextInput
          id={`${prefix}-phone`}
          label={t('precincts.editor.phone')}
          type="tel"
          autoComplete="off"
          value={draft.phone}
          error={fieldProblem(error, 'phone')}
          onChange={(e) => setDraft((d) => ({ ...d, phone: e.target.value }))}
        />
        <fieldset className="fieldset">
          <legend>{t('precincts.card.messengers')}</legend>
          {draft.messengers.map((m, i) => (
            <div key={i} className="messenger-row">
              <Select id={`${prefix}-m${i}-kind`} label={t('precincts.editor.messengerKind')} value={m.kind} onChange={(e) => setMessenger(i, { kind: e.target.value as MessengerKind })}>
                {messengerKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`precincts.editor.kinds.${kind}`)}
                  </option>
                ))}
              </Select>
              <TextInput
                id={`${prefix}-m${i}-url`}
                label={t('precincts.editor.messengerUrl')}
                type="url"
                inputMode="url"
                value={m.url}
                error={fieldProblem(error, `messengers.${i}.url`)}
                onChange={(e) => setMessenger(i, { url: e.target.value })}
              />
              <button type="button" className="button button-link" onClick={() => setDraft((d) => ({ ...d, messengers: d.messengers.filter((_, j) => j !== i) }))}>
                {t('precincts.editor.removeMessenger')}
              </button>
            </div>
          ))}
          {draft.messengers.length < MAX_MESSENGERS ? (
            <button type="button" className="button button-secondary button-small" onClick={() => setDraft((d) => ({ ...d, messengers: [...d.messengers, { kind: 'telegram', url: '' }] }))}>
              {t('precincts.editor.addMessenger')}
            </button>
          ) : null}
        </fieldset>
        <Select
          id={`${prefix}-precinct`}
          label={t('precincts.editor.precinct')}
          value={draft.precinctId}
          error={fieldProblem(error, 'precinctId')}
          onChange={(e) => setDraft((d) => ({ ...d, precinctId: e.target.value }))}
        >
          <option value="">{t('precincts.editor.noPrecinct')}</option>
          {precinctOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} · {localized(p.name)}
            </option>
          ))}
        </Select>
        <label className="radio">
          <input type="checkbox" checked={draft.active} onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))} /> {t('precincts.editor.active')}
        </label>
        <TextArea
          id={`${prefix}-reason`}
          label={t('precincts.editor.reason')}
          hint={t('precincts.editor.reasonHint')}
          rows={2}
          required
          value={draft.reason}
          error={reasonError ?? fieldProblem(error, 'reason')}
          onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="inspector-save">
            {busy ? t('common.saving') : t('precincts.editor.save')}
          </button>
          <span role="status" className="success-text">
            {saved ? t('common.saved') : ''}
          </span>
        </div>
      </form>

      <form className="form" onSubmit={handlePhoto} noValidate>
        {photoState.error ? <ProblemAlert error={photoState.error} /> : null}
        <FileInput
          ref={photoInputRef}
          id={`${prefix}-photo`}
          name="file"
          label={t('precincts.editor.photo')}
          hint={t('precincts.editor.photoHint')}
          accept={PHOTO_TYPES}
          file={photo}
          chooseLabel={t('precincts.import.chooseFile')}
          noFileLabel={t('precincts.import.noFile')}
          onFileChange={setPhoto}
        />
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={!photo || photoState.busy}>
            {t('precincts.editor.uploadPhoto')}
          </button>
          {photoState.busy ? <Spinner label={t('common.saving')} showLabel /> : null}
          <span role="status" className="success-text">
            {photoState.saved ? t('common.saved') : ''}
          </span>
        </div>
      </form>
    </div>
  );
}

/** Find an inspector by name or phone, then change their contacts, precinct or portrait. */
export function InspectorEditor() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const [q, setQ] = useState('');
  const settled = useDebouncedValue(q.trim(), 350);
  const [chosen, setChosen] = useState<InspectorCard | null>(null);
  const list = useQuery((signal) => (settled.length >= 2 ? precinctsApi.inspectors({ q: settled }, signal) : Promise.resolve({ items: [] })), [settled]);
  const items = list.data?.items.slice(0, 20) ?? [];

  return (
    <div className="stack inspector-editor">
      <div className="field">
        <label htmlFor="inspector-q" className="field-label">
          {t('precincts.editor.search')}
        </label>
        <input id="inspector-q" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="inspector-q-status" />
        <p id="inspector-q-status" className="field-hint" role="status">
          {settled.length < 2 ? t('precincts.editor.searchHint') : list.loading ? t('precincts.finder.searching') : t('precincts.editor.found', { n: list.data?.items.length ?? 0 })}
        </p>
      </div>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {items.length ? (
        <ul className="address-results" aria-label={t('precincts.editor.results')}>
          {items.map((inspector) => (
            <li key={inspector.id}>
              <button type="button" className="address-result" aria-pressed={chosen?.id === inspector.id} onClick={() => setChosen(inspector)} data-testid="inspector-choice">
                <span className="address-result-main">{localized(inspector.name)}</span>
                <span className="address-result-meta small">
                  {inspector.precinct ? inspector.precinct.code : t('precincts.inspector.noPrecinct')} · {inspector.phone}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen ? <InspectorForm key={chosen.id} inspector={chosen} onSaved={setChosen} /> : null}
    </div>
  );
}
