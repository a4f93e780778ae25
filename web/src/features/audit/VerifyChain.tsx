import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { AuditVerifyResult } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Spinner } from '../../ui/Spinner';
import { auditApi } from './audit.api';

/** Anyone may recompute the hash chain on the server and see whether it holds. */
export function VerifyChain() {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const [result, setResult] = useState<AuditVerifyResult>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const handleVerify = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await auditApi.verify());
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="verify card" data-testid="verify-chain">
      <p>{t('audit.verifyIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void handleVerify()} aria-disabled={busy}>
          {t('audit.verify')}
        </button>
        {busy ? <Spinner label={t('audit.verifying')} showLabel /> : null}
      </div>
      <div aria-live="polite">
        {result?.valid === true ? (
          <div className="alert alert-success" data-testid="verify-result">
            <p className="alert-title">
              <span aria-hidden="true">✓ </span>
              {t('audit.valid')}
            </p>
            <p>{t('audit.validDetail', { entries: formatNumber(result.entries) })}</p>
          </div>
        ) : null}
        {result?.valid === false ? (
          <div className="alert alert-error" data-testid="verify-result">
            <p className="alert-title">
              <span aria-hidden="true">✕ </span>
              {t('audit.invalid')}
            </p>
            <p>
              {t('audit.invalidDetail', {
                seq: result.firstBroken.seq,
                entries: formatNumber(result.entries),
              })}
            </p>
            <p>
              {t('audit.reason')}: <code>{result.firstBroken.reason}</code>
            </p>
          </div>
        ) : null}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}
