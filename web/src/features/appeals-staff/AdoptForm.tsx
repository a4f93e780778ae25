import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { Select, TextInput } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { ADOPTION_KINDS, LIMITS, type AdoptionKind } from './appeals-staff.types';

const FIELDS = ['kind', 'ref'] as const;

/** A resident's proposal taken up: by a recommendation, a target programme or a measure. */
export function AdoptForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AdoptionKind>('measure');
  const [ref, setRef] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    if (!ref.trim()) found.ref = t('appealsStaff.adopt.errors.ref');
    if (!passes(found)) return;
    await submit(async () => {
      const updated = await appealsStaffApi.adopt(appeal.code, { kind, ref: ref.trim() });
      setRef('');
      onDone(updated, t('appealsStaff.adopt.done', { kind: t(`appealsStaff.adopt.kinds.${kind}`), ref: ref.trim() }));
    });
  };

  return (
    <SubmitForm testId="adopt-form" onSubmit={handleSubmit} busy={busy} problem={inline ? undefined : error} submitLabel={t('appealsStaff.adopt.submit')}>
      <div className="form-grid">
        <Select
          id="adopt-kind"
          label={t('appealsStaff.adopt.kind')}
          value={kind}
          onChange={(e) => setKind(ADOPTION_KINDS.find((k) => k === e.target.value) ?? 'measure')}
          error={fieldError('kind')}
        >
          {ADOPTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`appealsStaff.adopt.kinds.${k}`)}
            </option>
          ))}
        </Select>
        <TextInput
          id="adopt-ref"
          label={t('appealsStaff.adopt.ref')}
          hint={t(`appealsStaff.adopt.refHints.${kind}`)}
          maxLength={LIMITS.refMax}
          autoComplete="off"
          value={ref}
          onChange={(e) => setRef(e.target.value)}
          required
          error={fieldError('ref')}
        />
      </div>
    </SubmitForm>
  );
}
