import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { TemplatePreview, TowTemplate } from '../../api/towing.contract';
import { useSubmission } from '../../api/useSubmission';
import { LANGUAGES } from '../../i18n';
import { Badge } from '../../ui/Badge';
import { TextArea } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { towingApi } from './towing.api';
import { useTowFormat } from './useTowFormat';

/** What each placeholder stands for (keys of towing.templates.fields). */
const FIELDS = ['plate', 'reason', 'fine', 'lot', 'address', 'hours', 'phone', 'code', 'link', 'time'] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (name: string): name is FieldName => (FIELDS as readonly string[]).includes(name);

const MIN_CHARS = 10;
const MAX_CHARS = 500;
/** Above this many parts the SMS costs more and may arrive in pieces: the editor warns. */
export const SEGMENT_WARNING = 2;
const DEBOUNCE_MS = 300;

type Preview = { name: 'ready'; preview: TemplatePreview } | { name: 'short' } | { name: 'failed'; error: ApiError };

const initialPreview = (template: TowTemplate): Preview => ({ name: 'ready', preview: { ...template.preview, unknownPlaceholders: [], missing: [] } });

export interface TemplateEditorProps {
  template: TowTemplate;
  onSaved: (template: TowTemplate) => void;
}

/**
 * One SMS text (notice or release, in Russian or Kazakh): the text with its placeholders, and as it is
 * typed, the server's preview filled with the longest sample values — its encoding, length and number of
 * parts, and any placeholder it does not know or the notice cannot do without.
 */
export function TemplateEditor({ template, onSaved }: TemplateEditorProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const id = useId();
  const [text, setText] = useState(template.text);
  const [preview, setPreview] = useState<Preview>(() => initialPreview(template));
  const [pending, setPending] = useState(false);
  const { submit, busy, error, saved, reset } = useSubmission();
  const fieldProblem = useFieldProblem(error);
  const { purpose, lang } = template;
  const changed = text !== template.text;

  useEffect(() => {
    if (text === template.text) {
      setPreview(initialPreview(template));
      setPending(false);
      return;
    }
    if (text.trim().length < MIN_CHARS) {
      setPreview({ name: 'short' });
      setPending(false);
      return;
    }
    const controller = new AbortController();
    setPending(true);
    const timer = window.setTimeout(() => {
      towingApi
        .preview(purpose, lang, text, controller.signal)
        .then((answer) => setPreview({ name: 'ready', preview: answer }))
        .catch((reason: unknown) => {
          if (controller.signal.aborted) return;
          if (reason instanceof ApiError) setPreview({ name: 'failed', error: reason });
        })
        .finally(() => {
          if (!controller.signal.aborted) setPending(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, template, purpose, lang]);

  const shown = preview.name === 'ready' ? preview.preview : null;
  const unknown = shown?.unknownPlaceholders ?? [];
  const missing = shown?.missing ?? [];
  const langName = LANGUAGES.find((l) => l.code === lang)?.name ?? lang;
  const title = t('towing.templates.title', { purpose: t(`towing.templates.purpose.${purpose}`), lang: langName });

  const handleSave = () =>
    void submit(async () => {
      const saved = await towingApi.saveTemplate(purpose, lang, text.trim());
      setText(saved.text);
      onSaved(saved);
    });

  return (
    <section className="card stack tow-template" aria-labelledby={`${id}-title`} data-testid={`template-${purpose}-${lang}`}>
      <div className="tow-template-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {template.isDefault ? <Badge tone="muted">{t('towing.templates.default')}</Badge> : <Badge tone="info">{t('towing.templates.edited')}</Badge>}
      </div>
      <TextArea
        id={`${id}-text`}
        label={t('towing.templates.text')}
        hint={t('towing.templates.textHint', { min: MIN_CHARS, max: MAX_CHARS })}
        lang={lang}
        rows={4}
        maxLength={MAX_CHARS}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          reset();
        }}
        error={fieldProblem('text')}
      />
      <div className="small">
        <p className="tow-template-fields-title">{t('towing.templates.fieldsTitle')}</p>
        <ul className="tow-template-fields">
          {template.fields.map((name) => (
            <li key={name}>
              <code>{`{${name}}`}</code> {isField(name) ? t(`towing.templates.fields.${name}`) : null}
            </li>
          ))}
        </ul>
      </div>

      <div className="tow-preview" aria-live="polite" aria-busy={pending} data-testid="template-preview">
        <p className="tow-preview-title">{t('towing.templates.previewTitle')}</p>
        {preview.name === 'short' ? <p className="muted">{t('towing.templates.tooShort', { min: MIN_CHARS })}</p> : null}
        {preview.name === 'failed' ? <ProblemAlert error={preview.error} /> : null}
        {shown ? (
          <>
            <p className="tow-sms-bubble" lang={lang} data-testid="preview-text">
              {shown.text}
            </p>
            <p className="badges">
              <Badge tone={shown.encoding === 'gsm7' ? 'success' : 'info'} testId="preview-encoding">
                {t(`towing.templates.encoding.${shown.encoding}`)}
              </Badge>
              <span data-testid="preview-units">{t('towing.templates.units', { count: shown.units, units: format.integer(shown.units) })}</span>
              <Badge tone={shown.segments > SEGMENT_WARNING ? 'danger' : 'neutral'} testId="preview-segments">
                {t('towing.templates.segments', { count: shown.segments, per: shown.perSegment })}
              </Badge>
            </p>
            {shown.segments > SEGMENT_WARNING ? (
              <p className="alert alert-warning" data-testid="preview-too-long">
                {t('towing.templates.tooManySegments', { count: shown.segments, max: SEGMENT_WARNING })}
              </p>
            ) : null}
            {unknown.length ? (
              <p className="alert alert-error" data-testid="preview-unknown">
                {t('towing.templates.unknown', { names: unknown.map((u) => `{${u}}`).join(', ') })}
              </p>
            ) : null}
            {missing.length ? (
              <p className="alert alert-warning" data-testid="preview-missing">
                {t('towing.templates.missing', { names: missing.map((u) => `{${u}}`).join(', ') })}
              </p>
            ) : null}
            {purpose === 'notice' ? <p className="small muted">{t('towing.templates.sampleNote')}</p> : null}
          </>
        ) : null}
      </div>

      {error && !fieldProblem('text') ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={handleSave} disabled={busy || !changed || unknown.length > 0 || text.trim().length < MIN_CHARS} data-testid="template-save">
          {busy ? t('common.saving') : t('towing.templates.save')}
        </button>
        {changed ? (
          <button type="button" className="button button-secondary" onClick={() => setText(template.text)} disabled={busy}>
            {t('towing.templates.undo')}
          </button>
        ) : null}
        {saved && !changed ? (
          <span className="success-text" role="status" data-testid="template-saved">
            {t('common.saved')}
          </span>
        ) : null}
      </div>
    </section>
  );
}
