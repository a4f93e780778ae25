import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';

/**
 * Marks a part of a page as synthetic demo data where the page already carries its <DemoNotice>
 * (one notice landmark per page; this mark is plain text beside the data it describes).
 */
export function DemoMark({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="demo-mark small" data-testid="demo-mark">
      <Badge tone="warning" icon="⚠">
        {t('demo.label')}
      </Badge>{' '}
      {children}
    </p>
  );
}
