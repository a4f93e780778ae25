import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { Select, TextArea } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS, type AppealUnit } from './appeals-staff.types';

export interface RouteFormProps extends ActionFormProps {
  units: readonly AppealUnit[];
  unitLabel: (value: string | null) => string;
  district: (id: string | null) => string;
}

const FIELDS = ['unit', 'reason'] as const;

/** Sends the appeal to another unit, with the reason (written to the appeal's history). */
export function RouteForm({ appeal, units, unitLabel, district, onDone }: RouteFormProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const [unit, setUnit] = useState('');
  const [reason, setReason] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);

  const byName = (a: AppealUnit, b: AppealUnit) => localized(a.name).localeCompare(localized(b.name));
  const precincts = units.filter((u) => u.unit.startsWith('precinct:'));
  const precinctDistricts = [...new Set(precincts.map((u) => u.districtId ?? ''))].sort((a, b) => district(a).localeCompare(district(b)));
  const districts = units.filter((u) => u.unit.startsWith('district:')).sort(byName);
  const city = units.filter((u) => u.unit.startsWith('city:')).sort(byName);
  const option = (u: AppealUnit) => (
    <option key={u.unit} value={u.unit} disabled={u.unit === appeal.unit}>
      {localized(u.name)}
      {u.unit === appeal.unit ? ` — ${t('appealsStaff.route.current')}` : ''}
    </option>
  );

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    if (!unit) found.unit = t('appealsStaff.route.errors.unit');
    if (reason.trim().length < LIMITS.routeReasonMin) found.reason = t('appealsStaff.route.errors.reason');
    if (!passes(found)) return;
    await submit(async () => {
      const updated = await appealsStaffApi.route(appeal.code, { unit, reason: reason.trim() });
      setUnit('');
      setReason('');
      onDone(updated, t('appealsStaff.route.done', { unit: unitLabel(updated.unit ?? unit) }));
    });
  };

  return (
    <SubmitForm testId="route-form" onSubmit={handleSubmit} busy={busy} problem={inline ? undefined : error} submitLabel={t('appealsStaff.route.submit')}>
      <Select id="route-unit" label={t('appealsStaff.route.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} required error={fieldError('unit')}>
        <option value="">{t('common.choose')}</option>
        {city.length ? <optgroup label={t('appealsStaff.route.groups.city')}>{city.map(option)}</optgroup> : null}
        {districts.length ? <optgroup label={t('appealsStaff.route.groups.districts')}>{districts.map(option)}</optgroup> : null}
        {precinctDistricts.map((d) => (
          <optgroup key={d || 'none'} label={t('appealsStaff.route.groups.precincts', { district: d ? district(d) : t('appealsStaff.route.groups.noDistrict') })}>
            {precincts.filter((u) => (u.districtId ?? '') === d).sort(byName).map(option)}
          </optgroup>
        ))}
      </Select>
      <TextArea
        id="route-reason"
        label={t('appealsStaff.route.reason')}
        hint={t('appealsStaff.route.reasonHint')}
        rows={2}
        maxLength={LIMITS.routeReasonMax}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        error={fieldError('reason')}
      />
    </SubmitForm>
  );
}
