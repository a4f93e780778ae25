import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkloadNorms } from '../../api/precincts.contract';
import { useSubmission } from '../../api/useSubmission';
import { TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { precinctsApi } from './precincts.api';

const MIN = 100;
const MAX = 100_000;

type NormField = keyof WorkloadNorms;

/** Administrators set the norm (order No. 1026) and the council's target the workload is measured against. */
export function NormsEditor({ norms, onSaved }: { norms: WorkloadNorms; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ norm: String(norms.norm), target: String(norms.target) });
  const [errors, setErrors] = useState<Partial<Record<NormField, string>>>({});
  const { submit, busy, error, saved } = useSubmission();

  useEffect(() => setValues({ norm: String(norms.norm), target: String(norms.target) }), [norms.norm, norms.target]);

  // The server's problem names its field (`norm`, `target`): shown under that field.
  const serverField = error?.problem.field?.replace(/^body\./, '') as NormField | undefined;
  const fieldError = (field: NormField) => errors[field] ?? (serverField === field ? (error?.problem.detail ?? error?.problem.title) : undefined);

  const check = (): Partial<Record<NormField, string>> => {
    const found: Partial<Record<NormField, string>> = {};
    for (const field of ['norm', 'target'] as const) {
      const n = Number(values[field]);
      if (!/^\d+$/.test(values[field].trim()) || n < MIN || n > MAX) found[field] = t('precincts.norms.range', { min: MIN, max: MAX });
    }
    if (!found.norm && !found.target && Number(values.target) > Number(values.norm)) found.target = t('precincts.norms.targetAboveNorm');
    return found;
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const first = (['norm', 'target'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`norms-${first}`)?.focus();
      return;
    }
    void submit(async () => {
      await precinctsApi.putNorms({ norm: Number(values.norm), target: Number(values.target) });
      onSaved();
    });
  };

  return (
    <form className="form norms-form" onSubmit={handleSubmit} noValidate data-testid="norms-form">
      {error && !serverField ? <ProblemAlert error={error} /> : null}
      <div className="form-grid">
        <TextInput
          id="norms-norm"
          label={t('precincts.norms.norm')}
          hint={t('precincts.norms.normHint')}
          inputMode="numeric"
          value={values.norm}
          error={fieldError('norm')}
          required
          onChange={(e) => setValues((v) => ({ ...v, norm: e.target.value }))}
        />
        <TextInput
          id="norms-target"
          label={t('precincts.norms.target')}
          hint={t('precincts.norms.targetHint')}
          inputMode="numeric"
          value={values.target}
          error={fieldError('target')}
          required
          onChange={(e) => setValues((v) => ({ ...v, target: e.target.value }))}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('precincts.norms.save')}
        </button>
        <span role="status" className="success-text">
          {saved ? t('precincts.norms.saved') : ''}
        </span>
      </div>
    </form>
  );
}
