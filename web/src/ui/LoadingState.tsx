import { useTranslation } from 'react-i18next';
import { Spinner } from './Spinner';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" data-testid="loading">
      <Spinner label={label ?? t('common.loading')} showLabel />
    </div>
  );
}
