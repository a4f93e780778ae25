import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../api/types';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Select, TextArea, TextInput } from '../../ui/fields';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { DepartmentOptions } from './DepartmentOptions';
import { LightBadge } from './LightBadge';
import { performanceStaffApi } from './performance-staff.api';
import { achievement, isPeriodCode, lightFor, normalizePeriod, parseDecimal } from './performance-staff.utils';
import {
  CITY,
  DIRECTIONS,
  INDICATOR_CODE_PATTERN,
  INDICATOR_UNITS,
  TARGET_KINDS,
  type Direction,
  type IndicatorCard,
  type IndicatorDefinitionInput,
  type IndicatorPatchInput,
  type IndicatorUnit,
  type ProgrammeSummary,
  type TargetKind,
} from './performance.types';
import { usePerformanceLabels } from './usePerformanceStaff';

export interface IndicatorFormProps {
  /** The indicator to edit; a new one is defined when absent. */
  indicator?: IndicatorCard;
  programmes: readonly ProgrammeSummary[];
  districts: readonly District[];
  onSaved: (indicator: IndicatorCard) => void;
}

interface Draft {
  code: string;
  department: string;
  nameRu: string;
  nameKk: string;
  nameEn: string;
  unit: IndicatorUnit;
  direction: Direction;
  baselinePeriod: string;
  baselineValue: string;
  targetKind: TargetKind;
  targetValue: string;
  targetDate: string;
  green: string;
  amber: string;
  dataSource: string;
  item: string;
  programme: string;
  note: string;
}

type DraftField = keyof Draft;

const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

function draftOf(indicator: IndicatorCard | undefined): Draft {
  const item = indicator?.recommendationNumber ?? Number(/\d+/.exec(indicator?.sourceItem ?? '')?.[0] ?? NaN);
  return {
    code: indicator?.code ?? '',
    department: indicator?.department.id ?? CITY,
    nameRu: indicator?.name.ru ?? '',
    nameKk: indicator?.name.kk ?? '',
    nameEn: indicator?.name.en ?? '',
    unit: indicator?.unit ?? 'count',
    direction: indicator?.direction ?? 'lower_better',
    baselinePeriod: indicator?.baseline?.period ?? '',
    baselineValue: number(indicator?.baseline?.value),
    targetKind: indicator?.target?.kind ?? 'value',
    targetValue: number(indicator?.target?.value),
    targetDate: indicator?.target?.date ?? '',
    green: number(indicator?.thresholds.green ?? 100),
    amber: number(indicator?.thresholds.amber ?? 90),
    dataSource: indicator?.dataSource ?? '',
    item: Number.isFinite(item) ? String(item) : '',
    programme: indicator?.programme?.code ?? '',
    note: indicator?.note ?? '',
  };
}

/** Which parts of the definition each form field belongs to. */
const PATCH_PARTS: Record<keyof IndicatorPatchInput, readonly DraftField[]> = {
  name: ['nameRu', 'nameKk', 'nameEn'],
  unit: ['unit'],
  direction: ['direction'],
  baseline: ['baselineValue', 'baselinePeriod'],
  target: ['targetKind', 'targetValue', 'targetDate'],
  thresholds: ['green', 'amber'],
  dataSource: ['dataSource'],
  sourceItem: ['item'],
  recommendationNumber: ['item'],
  programme: ['programme'],
  note: ['note'],
  officialId: [], // not on the form: the programme's official answers for its indicators
};

/** A patch of only what the analyst changed, so untouched parts (e.g. a source item «п.3, п.6») stay as stored. */
function changedFields(before: Draft, after: Draft, body: IndicatorDefinitionInput): IndicatorPatchInput {
  const patch: IndicatorPatchInput = {};
  for (const [part, fields] of Object.entries(PATCH_PARTS) as [keyof IndicatorPatchInput, readonly DraftField[]][]) {
    if (fields.some((field) => before[field] !== after[field])) Object.assign(patch, { [part]: body[part] });
  }
  return patch;
}

/** Server field paths → the form field that shows the problem. */
const SERVER_FIELDS: Record<string, DraftField> = {
  code: 'code',
  department: 'department',
  'name.ru': 'nameRu',
  'name.kk': 'nameKk',
  'name.en': 'nameEn',
  unit: 'unit',
  direction: 'direction',
  'baseline.period': 'baselinePeriod',
  'baseline.value': 'baselineValue',
  baseline: 'baselineValue',
  'target.kind': 'targetKind',
  'target.value': 'targetValue',
  'target.date': 'targetDate',
  target: 'targetValue',
  'thresholds.green': 'green',
  'thresholds.amber': 'amber',
  thresholds: 'amber',
  dataSource: 'dataSource',
  sourceItem: 'item',
  recommendationNumber: 'item',
  programme: 'programme',
  note: 'note',
};

/** Define an indicator, or change the definition (thresholds, target, names, source) of one. */
export function IndicatorForm({ indicator, programmes, districts, onSaved }: IndicatorFormProps) {
  const { t } = useTranslation();
  const { localized, formatNumber } = useLocale();
  const { valueWithUnit } = usePerformanceLabels();
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator));
  const [checks, setChecks] = useState<Partial<Record<DraftField, string>>>({});
  const { submit, busy, error, saved } = useSubmission();
  const serverError = useFieldProblem(error);
  const editing = indicator !== undefined;
  const prefix = editing ? `indicator-${indicator.id}` : 'new-indicator';
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const serverField = error?.problem.field;
  const serverDraftField = serverField
    ? (SERVER_FIELDS[serverField] ?? SERVER_FIELDS[serverField.split('.')[0] ?? ''])
    : undefined;
  const fieldError = (field: DraftField) =>
    checks[field] ?? (serverDraftField === field && serverField ? serverError(serverField) : undefined);

  const green = parseDecimal(draft.green);
  const amber = parseDecimal(draft.amber);
  const baselineValue = parseDecimal(draft.baselineValue);
  const targetValue = parseDecimal(draft.targetValue);

  const validate = (): IndicatorDefinitionInput | undefined => {
    const found: typeof checks = {};
    if (!editing && !INDICATOR_CODE_PATTERN.test(draft.code.trim())) found.code = t('performanceStaff.indicators.errors.code');
    if (draft.nameRu.trim().length < 2) found.nameRu = t('performanceStaff.indicators.errors.nameRu');
    if (draft.baselineValue.trim() && baselineValue === null) found.baselineValue = t('performanceStaff.indicators.errors.number');
    if (draft.baselinePeriod.trim() && !isPeriodCode(normalizePeriod(draft.baselinePeriod)))
      found.baselinePeriod = t('performanceStaff.indicators.errors.period');
    if (draft.baselinePeriod.trim() && !draft.baselineValue.trim()) found.baselineValue = t('performanceStaff.indicators.errors.baselineValue');
    if (draft.targetValue.trim() && targetValue === null) found.targetValue = t('performanceStaff.indicators.errors.number');
    if (!draft.targetValue.trim() && draft.targetDate) found.targetValue = t('performanceStaff.indicators.errors.targetValue');
    if (draft.targetKind === 'change_percent' && draft.targetValue.trim() && baselineValue === null)
      found.baselineValue = t('performanceStaff.indicators.errors.baselineForPercent');
    if (green === null || green < 0 || green > 1000) found.green = t('performanceStaff.indicators.errors.threshold');
    if (amber === null || amber < 0 || amber > 1000) found.amber = t('performanceStaff.indicators.errors.threshold');
    else if (green !== null && amber > green) found.amber = t('performanceStaff.indicators.errors.amberAboveGreen');
    if (draft.dataSource.trim().length < 2) found.dataSource = t('performanceStaff.indicators.errors.dataSource');
    const item = draft.item.trim() ? Number(draft.item) : null;
    if (item !== null && !(Number.isInteger(item) && item >= 1 && item <= 999)) found.item = t('performanceStaff.indicators.errors.item');
    setChecks(found);
    if (Object.keys(found).length > 0 || green === null || amber === null) return undefined;
    return {
      code: draft.code.trim(),
      department: draft.department,
      name: { ru: draft.nameRu.trim(), kk: draft.nameKk.trim(), en: draft.nameEn.trim() },
      unit: draft.unit,
      direction: draft.direction,
      baseline: baselineValue === null ? null : { period: draft.baselinePeriod.trim() ? normalizePeriod(draft.baselinePeriod) : null, value: baselineValue },
      target: targetValue === null ? null : { kind: draft.targetKind, value: targetValue, date: draft.targetDate || null },
      thresholds: { green, amber },
      dataSource: draft.dataSource.trim(),
      sourceItem: item === null ? null : `п.${item}`,
      note: draft.note.trim(),
      programme: draft.programme || null,
      recommendationNumber: item,
    };
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = validate();
    if (!body) return;
    await submit(async () => {
      if (editing) {
        onSaved(await performanceStaffApi.updateIndicator(indicator.id, changedFields(draftOf(indicator), draft, body)));
      } else {
        onSaved(await performanceStaffApi.defineIndicator(body));
        setDraft(draftOf(undefined));
      }
    });
  };

  // What the thresholds would make of the current value, before saving.
  const spec = { direction: draft.direction, baseline: baselineValue, targetKind: draft.targetKind, target: targetValue };
  const current = indicator?.current ?? null;
  const previewAchievement = current ? achievement(spec, current.value) : null;
  const previewLight = current && green !== null && amber !== null ? lightFor(spec, current.value, { green, amber }) : null;

  return (
    <form className="form indicator-form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid={editing ? 'indicator-edit-form' : 'indicator-new-form'}>
      {!editing ? (
        <div className="form-grid">
          <TextInput
            id={`${prefix}-code`}
            label={t('performanceStaff.indicators.fields.code')}
            hint={t('performanceStaff.indicators.fields.codeHint')}
            value={draft.code}
            onChange={(e) => set({ code: e.target.value.toLowerCase() })}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={fieldError('code')}
          />
          <Select
            id={`${prefix}-department`}
            label={t('performanceStaff.indicators.fields.department')}
            value={draft.department}
            onChange={(e) => set({ department: e.target.value })}
            error={fieldError('department')}
          >
            <DepartmentOptions districts={districts} />
          </Select>
        </div>
      ) : null}

      <fieldset className="fieldset">
        <legend>{t('performanceStaff.indicators.fields.names')}</legend>
        <div className="form-grid form-grid-3">
          <TextInput
            id={`${prefix}-name-ru`}
            label={t('performanceStaff.indicators.fields.nameRu')}
            lang="ru"
            value={draft.nameRu}
            onChange={(e) => set({ nameRu: e.target.value })}
            required
            error={fieldError('nameRu')}
          />
          <TextInput
            id={`${prefix}-name-kk`}
            label={t('performanceStaff.indicators.fields.nameKk')}
            lang="kk"
            value={draft.nameKk}
            onChange={(e) => set({ nameKk: e.target.value })}
            error={fieldError('nameKk')}
          />
          <TextInput
            id={`${prefix}-name-en`}
            label={t('performanceStaff.indicators.fields.nameEn')}
            lang="en"
            value={draft.nameEn}
            onChange={(e) => set({ nameEn: e.target.value })}
            error={fieldError('nameEn')}
          />
        </div>
      </fieldset>

      <div className="form-grid">
        <Select
          id={`${prefix}-unit`}
          label={t('performanceStaff.indicators.fields.unit')}
          value={draft.unit}
          onChange={(e) => set({ unit: e.target.value as IndicatorUnit })}
          error={fieldError('unit')}
        >
          {INDICATOR_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`performanceStaff.unit.${unit}`)}
            </option>
          ))}
        </Select>
        <Select
          id={`${prefix}-direction`}
          label={t('performanceStaff.indicators.fields.direction')}
          value={draft.direction}
          onChange={(e) => set({ direction: e.target.value as Direction })}
          error={fieldError('direction')}
        >
          {DIRECTIONS.map((direction) => (
            <option key={direction} value={direction}>
              {t(`performanceStaff.direction.${direction}`)}
            </option>
          ))}
        </Select>
      </div>

      <fieldset className="fieldset">
        <legend>{t('performanceStaff.indicators.fields.baseline')}</legend>
        <div className="form-grid">
          <TextInput
            id={`${prefix}-baseline-value`}
            label={t('performanceStaff.indicators.fields.baselineValue')}
            inputMode="decimal"
            value={draft.baselineValue}
            onChange={(e) => set({ baselineValue: e.target.value })}
            error={fieldError('baselineValue')}
          />
          <TextInput
            id={`${prefix}-baseline-period`}
            label={t('performanceStaff.indicators.fields.baselinePeriod')}
            hint={t('performanceStaff.indicators.fields.periodHint')}
            placeholder="2020"
            value={draft.baselinePeriod}
            onChange={(e) => set({ baselinePeriod: e.target.value })}
            autoComplete="off"
            error={fieldError('baselinePeriod')}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('performanceStaff.indicators.fields.target')}</legend>
        <div className="form-grid form-grid-3">
          <Select
            id={`${prefix}-target-kind`}
            label={t('performanceStaff.indicators.fields.targetKind')}
            value={draft.targetKind}
            onChange={(e) => set({ targetKind: e.target.value as TargetKind })}
            error={fieldError('targetKind')}
          >
            {TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`performanceStaff.targetKind.${kind}`)}
              </option>
            ))}
          </Select>
          <TextInput
            id={`${prefix}-target-value`}
            label={draft.targetKind === 'value' ? t('performanceStaff.indicators.fields.targetValue') : t('performanceStaff.indicators.fields.targetPercent')}
            hint={draft.targetKind === 'change_percent' ? t('performanceStaff.indicators.fields.targetPercentHint') : undefined}
            inputMode="decimal"
            value={draft.targetValue}
            onChange={(e) => set({ targetValue: e.target.value })}
            error={fieldError('targetValue')}
          />
          <TextInput
            id={`${prefix}-target-date`}
            type="date"
            label={t('performanceStaff.indicators.fields.targetDate')}
            value={draft.targetDate}
            onChange={(e) => set({ targetDate: e.target.value })}
            error={fieldError('targetDate')}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('performanceStaff.indicators.fields.thresholds')}</legend>
        <p className="field-hint" id={`${prefix}-thresholds-explained`}>
          {t('performanceStaff.indicators.fields.thresholdsExplained')}
        </p>
        <div className="form-grid">
          <TextInput
            id={`${prefix}-green`}
            label={t('performanceStaff.indicators.fields.green')}
            hint={t('performanceStaff.indicators.fields.greenHint')}
            inputMode="decimal"
            value={draft.green}
            onChange={(e) => set({ green: e.target.value })}
            required
            error={fieldError('green')}
          />
          <TextInput
            id={`${prefix}-amber`}
            label={t('performanceStaff.indicators.fields.amber')}
            hint={t('performanceStaff.indicators.fields.amberHint')}
            inputMode="decimal"
            value={draft.amber}
            onChange={(e) => set({ amber: e.target.value })}
            required
            error={fieldError('amber')}
          />
        </div>
        {indicator && current ? (
          <p className="threshold-preview" aria-live="polite" data-testid="threshold-preview">
            {t('performanceStaff.indicators.preview', {
              period: current.period,
              value: valueWithUnit(indicator, current.value),
              achievement: previewAchievement === null ? '—' : `${formatNumber(Math.round(previewAchievement))} %`,
            })}{' '}
            {previewLight ? <LightBadge light={previewLight} /> : null}
          </p>
        ) : null}
      </fieldset>

      <div className="form-grid">
        <TextInput
          id={`${prefix}-source`}
          className="span-2"
          label={t('performanceStaff.indicators.fields.dataSource')}
          hint={t('performanceStaff.indicators.fields.dataSourceHint')}
          value={draft.dataSource}
          onChange={(e) => set({ dataSource: e.target.value })}
          required
          error={fieldError('dataSource')}
        />
        <TextInput
          id={`${prefix}-item`}
          label={t('performanceStaff.indicators.fields.item')}
          hint={t('performanceStaff.indicators.fields.itemHint')}
          inputMode="numeric"
          value={draft.item}
          onChange={(e) => set({ item: e.target.value.replace(/[^\d]/g, '') })}
          error={fieldError('item')}
        />
        <Select
          id={`${prefix}-programme`}
          label={t('performanceStaff.indicators.fields.programme')}
          value={draft.programme}
          onChange={(e) => set({ programme: e.target.value })}
          error={fieldError('programme')}
        >
          <option value="">{t('performanceStaff.select.noProgramme')}</option>
          {programmes.map((programme) => (
            <option key={programme.code} value={programme.code}>
              {localized(programme.name)}
            </option>
          ))}
        </Select>
        <TextArea
          id={`${prefix}-note`}
          className="span-2"
          label={t('performanceStaff.indicators.fields.note')}
          rows={2}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          error={fieldError('note')}
        />
      </div>

      {error && !serverDraftField ? <ProblemAlert error={error} /> : null}
      {error && serverDraftField ? (
        <p className="field-error" role="alert">
          {t('performanceStaff.indicators.errors.fixFields')}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : editing ? t('performanceStaff.indicators.saveChanges') : t('performanceStaff.indicators.create')}
        </button>
        {saved ? (
          <span className="success-text" role="status">
            {editing ? t('common.saved') : t('performanceStaff.indicators.created')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
