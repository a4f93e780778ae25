import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { SessionUser } from '../../api/types';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useProblemText } from '../../ui/useProblemText';
import { TextInput } from '../../ui/fields';
import { useAuth } from './AuthProvider';

export interface LoginFormProps {
  onSignedIn: (user: SessionUser) => void;
}

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const problemText = useProblemText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await login({ username: username.trim(), password });
      onSignedIn(user);
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  };

  const fieldLabel = (field: string | undefined) =>
    field === 'username' ? t('login.username') : field === 'password' ? t('login.password') : field;

  return (
    <form className="form card" onSubmit={(e) => void handleSubmit(e)} aria-describedby={error ? 'login-error' : undefined} noValidate={false}>
      {error ? (
        <div id="login-error">
          <ProblemAlert error={error} fieldLabel={fieldLabel(error.problem.field)} />
        </div>
      ) : null}
      <TextInput
        id="login-username"
        name="username"
        label={t('login.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={error?.problem.field === 'username' ? problemText(error).title : undefined}
      />
      <TextInput
        id="login-password"
        name="password"
        type="password"
        label={t('login.password')}
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error?.problem.field === 'password' ? problemText(error).title : undefined}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
