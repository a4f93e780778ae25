import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../ui/fields';
import type { FieldChecks } from '../../ui/useFieldProblem';
import { numberIn } from './methods';

/** The grid settings a forecast and a backtest share, as the analyst typed them. */
export interface RunSettingsDraft {
  horizon: string;
  lookback: string;
  cellSize: string;
}

interface RunSettingsProps {
  /** The form's id; the inputs' ids are `${idPrefix}-horizon`, `-lookback` and `-cell`. */
  idPrefix: string;
  value: RunSettingsDraft;
  onChange: (patch: Partial<RunSettingsDraft>) => void;
  fieldError: (field: string) => string | undefined;
}

export interface HorizonFieldProps extends RunSettingsProps {
  label: string;
  hint: string;
  testId: string;
}

/** The horizon in days: the same field for a forecast and a backtest's step, worded for each. */
export function HorizonField({ idPrefix, value, onChange, fieldError, label, hint, testId }: HorizonFieldProps) {
  return (
    <TextInput
      id={`${idPrefix}-horizon`}
      label={label}
      hint={hint}
      inputMode="decimal"
      value={value.horizon}
      onChange={(e) => onChange({ horizon: e.target.value })}
      error={fieldError('horizonDays')}
      required
      autoComplete="off"
      data-testid={testId}
    />
  );
}

/** How far back to learn from, and the grid's cell size: the same for a forecast and a backtest. */
export function LookbackCellFields({ idPrefix, value, onChange, fieldError }: RunSettingsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id={`${idPrefix}-lookback`}
        label={t('crimeAnalysis.forecast.lookback')}
        hint={t('crimeAnalysis.forecast.lookbackHint')}
        inputMode="numeric"
        value={value.lookback}
        onChange={(e) => onChange({ lookback: e.target.value })}
        error={fieldError('lookbackDays')}
        autoComplete="off"
      />
      <TextInput
        id={`${idPrefix}-cell`}
        label={t('crimeAnalysis.forecast.cellSize')}
        hint={t('crimeAnalysis.forecast.cellSizeHint')}
        inputMode="numeric"
        value={value.cellSize}
        onChange={(e) => onChange({ cellSize: e.target.value })}
        error={fieldError('cellSize')}
        required
        autoComplete="off"
      />
    </>
  );
}

/**
 * Reads the shared settings with the server's bounds: each as a number, null when out of bounds (its
 * message then goes into `found`), and the look-back undefined when left empty (the whole history).
 */
export function useRunSettingsCheck() {
  const { t } = useTranslation();
  return useCallback(
    (draft: RunSettingsDraft, found: FieldChecks) => {
      const horizon = numberIn(draft.horizon, 1 / 24, 366);
      const cellSize = numberIn(draft.cellSize, 25, 2000);
      const lookback = draft.lookback.trim() ? numberIn(draft.lookback, 1, 3660) : undefined;
      if (horizon === null) found.horizonDays = t('crimeAnalysis.forecast.horizonInvalid');
      if (cellSize === null) found.cellSize = t('crimeAnalysis.forecast.cellSizeInvalid');
      if (lookback === null) found.lookbackDays = t('crimeAnalysis.forecast.lookbackInvalid');
      return { horizon, cellSize, lookback };
    },
    [t],
  );
}
