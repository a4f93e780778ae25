import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Select, TextArea, TextInput } from '../../ui/fields';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { performanceStaffApi } from './performance-staff.api';
import { MEASURE_STATUSES, type Measure, type MeasureStatus } from './performance.types';

const STATUS_LOOK: Record<MeasureStatus, { tone: BadgeTone; icon: string }> = {
  planned: { tone: 'muted', icon: '○' },
  in_progress: { tone: 'info', icon: '◐' },
  done: { tone: 'success', icon: '✓' },
  overdue: { tone: 'danger', icon: '!' },
  cancelled: { tone: 'neutral', icon: '✕' },
};

export function MeasureStatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={STATUS_LOOK[status].tone} icon={STATUS_LOOK[status].icon}>
      {t(`performanceStaff.measureStatus.${status}`)}
    </Badge>
  );
}

export interface MeasuresEditorProps {
  measures: readonly Measure[];
  declaredCount: number | null;
  /** The user's scope covers the programme's department. */
  canEdit: boolean;
}

/** The programme's measures: each one's status, evidence and deadline can be updated. */
export function MeasuresEditor({ measures, declaredCount, canEdit }: MeasuresEditorProps) {
  const { t } = useTranslation();
  // Saved measures replace the loaded ones here, so the list shows what the server stored.
  const [updated, setUpdated] = useState<Record<string, Measure>>({});
  const [status, setStatus] = useState<MeasureStatus | ''>('');
  const current = measures.map((measure) => updated[measure.id] ?? measure);
  const shown = status ? current.filter((measure) => measure.status === status) : current;
  const counts = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, current.filter((m) => m.status === s).length])) as Record<MeasureStatus, number>;

  if (measures.length === 0) return <EmptyState>{t('performanceStaff.measures.none')}</EmptyState>;

  return (
    <div className="stack">
      <p>
        {t('performanceStaff.measures.summary', { entered: measures.length, done: counts.done, overdue: counts.overdue })}
        {declaredCount !== null && declaredCount > measures.length ? ` ${t('performanceStaff.measures.declared', { declared: declaredCount })}` : ''}
      </p>
      <Select
        id="measures-status-filter"
        className="measures-filter"
        label={t('performanceStaff.measures.filter')}
        value={status}
        onChange={(e) => setStatus(e.target.value as MeasureStatus | '')}
      >
        <option value="">{t('performanceStaff.measures.all', { count: current.length })}</option>
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`performanceStaff.measureStatus.${s}`)} ({counts[s]})
          </option>
        ))}
      </Select>
      <ul className="measure-list" data-testid="measure-list">
        {shown.map((measure) => (
          <MeasureItem
            key={measure.id}
            measure={measure}
            canEdit={canEdit}
            onSaved={(m) => setUpdated((u) => ({ ...u, [m.id]: m }))}
          />
        ))}
      </ul>
    </div>
  );
}

function MeasureItem({ measure, canEdit, onSaved }: { measure: Measure; canEdit: boolean; onSaved: (measure: Measure) => void }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const [open, setOpen] = useState(false);
  const headingId = `measure-${measure.id}`;
  return (
    <li className="card measure" data-testid="measure">
      <div className="measure-head">
        <h3 id={headingId} className="measure-title">
          <span className="rec-number">{measure.number}</span> <span lang="ru">{measure.text}</span>
        </h3>
        <MeasureStatusBadge status={measure.status} />
      </div>
      <p className="muted small">
        {measure.executor ? (
          <>
            {t('performanceStaff.measures.executor')}: <span lang="ru">{measure.executor}</span>
          </>
        ) : null}
        {measure.deadline ? ` · ${t('performanceStaff.measures.deadline')}: ${formatDate(measure.deadline)}` : ''}
        {measure.sourceItem ? ` · ${measure.sourceItem}` : ''}
        {measure.synthetic ? ` · ${t('performanceStaff.synthetic')}` : ''}
      </p>
      {measure.evidence ? (
        <p className="small measure-evidence">
          <strong>{t('performanceStaff.measures.evidence')}:</strong> {measure.evidence}
        </p>
      ) : null}
      {canEdit ? (
        <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>
            {t('performanceStaff.measures.update')}
            <span className="visually-hidden">: {measure.number}</span>
          </summary>
          {open ? <MeasureForm measure={measure} onSaved={onSaved} /> : null}
        </details>
      ) : null}
    </li>
  );
}

function MeasureForm({ measure, onSaved }: { measure: Measure; onSaved: (measure: Measure) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MeasureStatus>(measure.status);
  const [evidence, setEvidence] = useState(measure.evidence);
  const [deadline, setDeadline] = useState(measure.deadline ?? '');
  const { submit, busy, error, saved } = useSubmission();
  const serverError = useFieldProblem(error);
  const prefix = `measure-${measure.id}`;
  const needsEvidence = status === 'done' && !evidence.trim();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      onSaved(await performanceStaffApi.updateMeasure(measure.id, { status, evidence: evidence.trim(), deadline: deadline || null }));
    });
  };

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="measure-form">
      <div className="form-grid">
        <Select id={`${prefix}-status`} label={t('performanceStaff.measures.status')} value={status} onChange={(e) => setStatus(e.target.value as MeasureStatus)} error={serverError('status')}>
          {MEASURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`performanceStaff.measureStatus.${s}`)}
            </option>
          ))}
        </Select>
        <TextInput
          id={`${prefix}-deadline`}
          type="date"
          label={t('performanceStaff.measures.deadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={serverError('deadline')}
        />
        <TextArea
          id={`${prefix}-evidence`}
          className="span-2"
          label={t('performanceStaff.measures.evidence')}
          hint={needsEvidence ? t('performanceStaff.measures.evidenceForDone') : t('performanceStaff.measures.evidenceHint')}
          rows={3}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          error={serverError('evidence')}
        />
      </div>
      {error && !['status', 'deadline', 'evidence'].includes(error.problem.field ?? '') ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {saved ? (
          <span className="success-text" role="status">
            {t('common.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
