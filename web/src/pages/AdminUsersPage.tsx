import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateUserResponse } from '../api/types';
import { useQuery } from '../api/useQuery';
import { CreateUserForm } from '../features/admin-users/CreateUserForm';
import { OneTimePassword } from '../features/admin-users/OneTimePassword';
import { UserList } from '../features/admin-users/UserList';
import { usersApi } from '../features/admin-users/users.api';
import { useAuth } from '../features/auth/AuthProvider';
import { useDistricts } from '../features/reference/useReference';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

export function AdminUsersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const users = useQuery((signal) => usersApi.list(signal), []);
  const districts = useDistricts();
  const [created, setCreated] = useState<CreateUserResponse>();
  usePageTitle(t('users.title'));

  const handleCreated = (result: CreateUserResponse) => {
    setCreated(result);
    users.reload();
  };

  return (
    <div className="page">
      <StaffPageHeader title={t('users.title')} lead={t('users.lead')} />

      <section className="card section" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.new')}</h2>
        {districts.error ? <ProblemAlert error={districts.error} onRetry={districts.reload} /> : null}
        <CreateUserForm districts={districts.data ?? []} onCreated={handleCreated} />
        {created ? (
          created.oneTimePassword ? (
            <OneTimePassword username={created.user.username} password={created.oneTimePassword} onDismiss={() => setCreated(undefined)} />
          ) : (
            <p className="success-text" role="status">
              {t('users.createdOk', { username: created.user.username })}
            </p>
          )
        ) : null}
      </section>

      <section className="section" aria-labelledby="all-users-title">
        <h2 id="all-users-title">{t('users.all')}</h2>
        {users.loading && !users.data ? <LoadingState /> : null}
        {users.error ? <ProblemAlert error={users.error} onRetry={users.reload} /> : null}
        {users.data ? (
          users.data.items.length ? (
            <UserList users={users.data.items} districts={districts.data ?? []} currentUserId={user?.id ?? ''} onChanged={users.reload} />
          ) : (
            <EmptyState>{t('users.empty')}</EmptyState>
          )
        ) : null}
      </section>
    </div>
  );
}
