import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface StaffPageHeaderProps {
  title: ReactNode;
  lead: ReactNode;
}

/** A staff page's heading with the way back to the workspace. */
export function StaffPageHeader({ title, lead }: StaffPageHeaderProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/staff">← {t('staff.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </header>
    </>
  );
}
