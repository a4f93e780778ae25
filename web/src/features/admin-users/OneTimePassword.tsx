import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';

export interface OneTimePasswordProps {
  username: string;
  password: string;
  onDismiss: () => void;
}

/** The server shows a generated password once; so do we. */
export function OneTimePassword({ username, password, onDismiss }: OneTimePasswordProps) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info otp" role="alert" data-testid="one-time-password">
      <p className="alert-title">{t('users.otpTitle', { username })}</p>
      <p className="otp-value">
        <code>{password}</code> <CopyButton value={password} />
      </p>
      <p className="small">{t('users.otpHint')}</p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        {t('users.otpDone')}
      </button>
    </div>
  );
}
