import { useTranslation } from 'react-i18next';
import { RECOMMENDATION_STATUSES, type ImportConfirmItem, type RecommendationStatus } from '../../api/types';
import { Select, TextArea, TextInput } from '../../ui/fields';
import { FiguresTable } from '../recommendations/FiguresTable';
import { StatusBadge } from '../recommendations/StatusBadge';
import { SuggestionNote } from '../recommendations/SuggestionNote';

export interface ImportItemEditorProps {
  item: ImportConfirmItem;
  onChange: (patch: Partial<ImportConfirmItem>) => void;
}

/** One recommendation of the report: recommendation | response side by side, status correctable. */
export function ImportItemEditor({ item, onChange }: ImportItemEditorProps) {
  const { t } = useTranslation();
  const id = `import-${item.number}`;
  const corrected = item.status !== item.suggestedStatus.status;
  return (
    <article className="card import-item" aria-labelledby={`${id}-title`} data-testid="import-item">
      <header className="import-item-head">
        <h3 id={`${id}-title`}>{t('recommendation.item', { number: item.number })}</h3>
        <div className="badges">
          <StatusBadge status={item.status} />
          {corrected ? <span className="badge badge-warning">{t('import.corrected')}</span> : null}
        </div>
      </header>
      <div className="side-by-side">
        <div className="side">
          <TextArea
            id={`${id}-recommendation`}
            label={t('import.recommendation')}
            rows={6}
            value={item.recommendation}
            onChange={(e) => onChange({ recommendation: e.target.value })}
          />
          {item.subItems.length ? (
            <ul className="sub-items small">
              {item.subItems.map((sub) => (
                <li key={sub.label}>
                  <strong>{sub.label}</strong> {sub.text}
                </li>
              ))}
            </ul>
          ) : null}
          {item.addressees.length ? (
            <p className="small">
              <strong>{t('recommendation.addressees')}:</strong> {item.addressees.join(', ')}
            </p>
          ) : null}
        </div>
        <div className="side">
          <TextArea
            id={`${id}-response`}
            label={t('import.response')}
            rows={6}
            value={item.response}
            onChange={(e) => onChange({ response: e.target.value })}
          />
        </div>
      </div>
      <div className="import-status">
        <SuggestionNote
          status={item.suggestedStatus.status}
          confidence={item.suggestedStatus.confidence}
          phrase={item.suggestedStatus.phrase}
        />
        <div className="import-status-fields">
          <Select
            id={`${id}-status`}
            label={t('import.status')}
            value={item.status}
            onChange={(e) => onChange({ status: e.target.value as RecommendationStatus })}
          >
            {RECOMMENDATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </Select>
          {item.status === 'outside_competence' ? (
            <TextInput
              id={`${id}-competence`}
              label={t('responseForm.competence')}
              hint={t('responseForm.competenceHint')}
              value={item.competence ?? ''}
              onChange={(e) => onChange({ competence: e.target.value })}
            />
          ) : null}
        </div>
      </div>
      <FiguresTable figures={item.figures} context={t('recommendation.item', { number: item.number })} />
    </article>
  );
}
