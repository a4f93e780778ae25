import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrimeLine, ForecastMethod, MethodParams } from '../../api/crime-analysis.contract';
import { useLocale } from '../../i18n/useLocale';
import { METHOD_PARAMS } from './methods';
import { useCrimeFormat } from './useCrimeFormat';

/** Words for methods, their parameters and lines. */
export function useMethodText(lines: readonly CrimeLine[] = []) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useCrimeFormat();
  const methodName = useCallback((method: ForecastMethod) => t(`crimeAnalysis.methods.${method}.name`), [t]);
  const paramsText = useCallback(
    (method: ForecastMethod, params: MethodParams) => {
      const parts = METHOD_PARAMS[method]
        .filter((spec) => params[spec.name] !== undefined)
        .map((spec) => t(`crimeAnalysis.params.${spec.name}.value`, { value: format.decimal(params[spec.name]!) }));
      return parts.length ? parts.join(', ') : METHOD_PARAMS[method].length ? t('crimeAnalysis.params.defaults') : '';
    },
    [t, format],
  );
  const lineName = useCallback(
    (code: string) => (code === '*' ? t('crimeAnalysis.lines.allLines') : localized(lines.find((l) => l.code === code)?.name) || code),
    [t, localized, lines],
  );
  const linesText = useCallback((codes: readonly string[]) => (codes.length === 0 ? t('crimeAnalysis.lines.allLines') : codes.map(lineName).join(', ')), [t, lineName]);
  return { methodName, paramsText, lineName, linesText };
}
