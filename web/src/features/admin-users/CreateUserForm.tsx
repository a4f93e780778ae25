import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ROLES, type CreateUserResponse, type District, type Role, type Scope } from '../../api/types';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useProblemText } from '../../ui/useProblemText';
import { Select, TextInput } from '../../ui/fields';
import { ScopeFields } from './ScopeFields';
import { usersApi } from './users.api';

export interface CreateUserFormProps {
  districts: District[];
  onCreated: (result: CreateUserResponse) => void;
}

export function CreateUserForm({ districts, onCreated }: CreateUserFormProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [scope, setScope] = useState<Scope>({ kind: 'city' });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const labels: Record<string, string> = {
    username: t('users.username'),
    displayName: t('users.displayName'),
    role: t('users.role'),
    scope: t('users.scope'),
    password: t('users.password'),
  };
  const fieldError = (field: string) => (error?.problem.field?.startsWith(field) ? problemText(error).title : undefined);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await usersApi.create({
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        scope,
        ...(password ? { password } : {}),
      });
      setUsername('');
      setDisplayName('');
      setPassword('');
      onCreated(result);
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  };

  const errorField = error?.problem.field?.split('.')[0];

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} data-testid="create-user-form">
      {error ? <ProblemAlert error={error} fieldLabel={errorField ? labels[errorField] : undefined} /> : null}
      <div className="form-grid">
        <TextInput
          id="new-username"
          label={labels.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fieldError('username')}
        />
        <TextInput
          id="new-display-name"
          label={labels.displayName}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fieldError('displayName')}
        />
        <Select id="new-role" label={labels.role} value={role} onChange={(e) => setRole(e.target.value as Role)} error={fieldError('role')}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </Select>
        <TextInput
          id="new-password"
          type="password"
          label={labels.password}
          hint={t('users.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError('password')}
        />
      </div>
      <ScopeFields idPrefix="new" scope={scope} districts={districts} onChange={setScope} error={fieldError('scope')} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : t('users.create')}
      </button>
    </form>
  );
}
