import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Marks synthetic demo data wherever it shows (DESIGN.md: "says so on every screen"). */
export function DemoNotice({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="demo-notice" aria-label={t('demo.label')} data-testid="demo-notice">
      <strong className="demo-notice-title">{t('demo.label')}</strong>
      {children ? <span className="demo-notice-text">{children}</span> : null}
    </aside>
  );
}
