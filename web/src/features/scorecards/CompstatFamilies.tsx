import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { CompstatFamilyTable } from './CompstatFamilyTable';
import { ExportLinks } from './ExportLinks';
import { WINDOW_ORDER } from './light';
import type { CompstatFamily, CompstatWindow } from './scorecards.types';

export interface CompstatFamiliesProps {
  families: CompstatFamily[];
  asOf: string;
  /** Tells the window choices of one section from another's. */
  idPrefix: string;
}

/** CompStat tables of several families, with one choice of window for all of them. */
export function CompstatFamilies({ families, asOf, idPrefix }: CompstatFamiliesProps) {
  const { t } = useTranslation();
  const [window, setWindow] = useState<CompstatWindow>('days_28');
  if (families.length === 0) return <EmptyState>{t('scorecards.compstat.empty')}</EmptyState>;
  return (
    <div className="stack" data-testid="compstat">
      <fieldset className="fieldset window-picker">
        <legend>{t('scorecards.compstat.window')}</legend>
        <div className="radio-row">
          {WINDOW_ORDER.map((w) => (
            <label key={w} className="radio">
              <input type="radio" name={`${idPrefix}-window`} value={w} checked={window === w} onChange={() => setWindow(w)} />
              {t(`scorecards.window.${w}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {families.map((family) => (
        <CompstatFamilyTable key={family.code} family={family} asOf={asOf} window={window} />
      ))}
      <ExportLinks table="compstat" what={t('scorecards.sections.compstat')} />
    </div>
  );
}
