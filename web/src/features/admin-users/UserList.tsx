import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { ApiError } from '../../api/client';
import { ROLES, type AdminUser, type District, type Role, type Scope } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Select, TextInput } from '../../ui/fields';
import { OneTimePassword } from './OneTimePassword';
import { ScopeFields } from './ScopeFields';
import { usersApi } from './users.api';

export interface UserListProps {
  users: AdminUser[];
  districts: District[];
  /** The signed-in admin: cannot deactivate themself. */
  currentUserId: string;
  onChanged: () => void;
}

export function UserList({ users, districts, currentUserId, onChanged }: UserListProps) {
  return (
    <ul className="user-list" data-testid="user-list">
      {users.map((user) => (
        <UserRow key={user.id} user={user} districts={districts} isSelf={user.id === currentUserId} onChanged={onChanged} />
      ))}
    </ul>
  );
}

interface UserRowProps {
  user: AdminUser;
  districts: District[];
  isSelf: boolean;
  onChanged: () => void;
}

function UserRow({ user, districts, isSelf, onChanged }: UserRowProps) {
  const { t } = useTranslation();
  const { localized, formatDate } = useLocale();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string>();
  const [confirmReset, setConfirmReset] = useState(false);

  const scopeText = (scope: Scope) =>
    scope.kind === 'city'
      ? t('users.scopeCity')
      : localized(districts.find((d) => d.id === scope.districtId)?.name) || scope.districtId;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  };

  const handleToggleActive = () =>
    run(async () => {
      await usersApi.update(user.id, { active: !user.active });
      onChanged();
    });

  const handleReset = () =>
    run(async () => {
      const result = await usersApi.resetPassword(user.id);
      setConfirmReset(false);
      setPassword(result.oneTimePassword);
    });

  return (
    <li className={`card user-row${user.active ? '' : ' is-inactive'}`} data-testid="user-row">
      <div className="user-row-head">
        <div>
          <h3 className="user-name">{user.displayName}</h3>
          <p className="muted small">
            <code>{user.username}</code> · {t('users.created')}: {formatDate(user.createdAt)}
          </p>
        </div>
        <div className="badges">
          <Badge tone="info">{t(`roles.${user.role}`)}</Badge>
          <Badge tone="neutral">{scopeText(user.scope)}</Badge>
          {user.active ? (
            <Badge tone="success" icon="●">
              {t('users.active')}
            </Badge>
          ) : (
            <Badge tone="muted" icon="○">
              {t('users.inactive')}
            </Badge>
          )}
        </div>
      </div>
      {error ? <ProblemAlert error={error} /> : null}
      {password ? <OneTimePassword username={user.username} password={password} onDismiss={() => setPassword(undefined)} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => void handleToggleActive()}
          disabled={busy || (isSelf && user.active)}
          aria-label={`${user.active ? t('users.deactivate') : t('users.activate')}: ${user.username}`}
        >
          {user.active ? t('users.deactivate') : t('users.activate')}
        </button>
        {confirmReset ? (
          <>
            <span className="small">{t('users.resetConfirm')}</span>
            <button type="button" className="button button-danger button-small" onClick={() => void handleReset()} disabled={busy}>
              {t('users.resetYes')}
            </button>
            <button type="button" className="button button-link button-small" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setConfirmReset(true)}
            disabled={busy}
            aria-label={`${t('users.resetPassword')}: ${user.username}`}
          >
            {t('users.resetPassword')}
          </button>
        )}
      </div>
      <details className="disclosure">
        <summary>
          {t('users.edit')}
          <span className="visually-hidden">: {user.username}</span>
        </summary>
        <EditUserForm user={user} districts={districts} onSaved={onChanged} />
      </details>
    </li>
  );
}

function EditUserForm({ user, districts, onSaved }: { user: AdminUser; districts: District[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<Scope>(user.scope);
  const { submit, busy, error, saved } = useSubmission();
  const prefix = `edit-${user.id}`;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      await usersApi.update(user.id, { displayName: displayName.trim(), role, scope });
      onSaved();
    });
  };

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)}>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="form-grid">
        <TextInput id={`${prefix}-name`} label={t('users.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        <Select id={`${prefix}-role`} label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </Select>
      </div>
      <ScopeFields idPrefix={prefix} scope={scope} districts={districts} onChange={setScope} />
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {saved ? (
          <span className="success-text" role="status">
            {t('common.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
