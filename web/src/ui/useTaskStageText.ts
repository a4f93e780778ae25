import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';

export interface TaskStage {
  code: string;
  params: Record<string, string | number>;
}

/**
 * The words for a running task's stage (`taskStage.*`): the server sends a code and its figures;
 * numbers are formatted for the language and a method code becomes the method's name. A code this
 * build does not know is shown as it is.
 */
export function useTaskStageText(): (stage: TaskStage | null | undefined) => string | null {
  const { t, i18n } = useTranslation();
  const { formatNumber } = useLocale();
  return useCallback(
    (stage) => {
      if (!stage) return null;
      const key = `taskStage.${stage.code}`;
      if (!i18n.exists(key)) return stage.code;
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(stage.params)) {
        if (typeof value === 'number') values[name] = formatNumber(value);
        else if (name === 'method' && i18n.exists(`crimeAnalysis.methods.${value}.name`)) values[name] = String(t(`crimeAnalysis.methods.${value as 'naive'}.name`));
        else values[name] = value;
      }
      // the key is known only at run time, so the typed keys cannot check it; its values are the server's figures
      const translate = t as unknown as (key: string, values: Record<string, string>) => string;
      return translate(key, values);
    },
    [t, i18n, formatNumber],
  );
}
