import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { CopyButton } from '../../ui/CopyButton';
import { EmptyState } from '../../ui/EmptyState';
import { TextInput } from '../../ui/fields';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS, type Open311Key, type Open311KeyCreated } from './appeals-staff.types';

const FIELDS = ['name'] as const;

/** Open311 API keys: issue one (its secret shown once), see when each was last used, revoke. */
export function ApiKeys() {
  const { t } = useTranslation();
  const keys = useQuery((signal) => appealsStaffApi.keys(signal), []);
  const [issued, setIssued] = useState<Open311KeyCreated>();
  const handleIssued = (key: Open311KeyCreated) => {
    setIssued(key);
    keys.reload();
  };
  const items = [...(keys.data?.items ?? [])].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="card section" aria-labelledby="open311-keys-title">
      <h2 id="open311-keys-title">{t('appealsStaff.keys.title')}</h2>
      <p>{t('appealsStaff.keys.intro')}</p>
      <IssueKeyForm onIssued={handleIssued} />
      {issued ? <IssuedKey issued={issued} onDismiss={() => setIssued(undefined)} /> : null}
      <h3 id="open311-key-list-title" className="sa-subhead">{t('appealsStaff.keys.list')}</h3>
      {keys.loading && !keys.data ? <LoadingState /> : null}
      {keys.error ? <ProblemAlert error={keys.error} onRetry={keys.reload} /> : null}
      {keys.data ? (
        items.length ? (
          <ul className="sa-open311-keys" aria-labelledby="open311-key-list-title" data-testid="open311-keys">
            {items.map((key) => (
              <KeyRow key={key.id} apiKey={key} onRevoked={keys.reload} />
            ))}
          </ul>
        ) : (
          <EmptyState>{t('appealsStaff.keys.empty')}</EmptyState>
        )
      ) : null}
    </section>
  );
}

function IssueKeyForm({ onIssued }: { onIssued: (key: Open311KeyCreated) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    if (name.trim().length < LIMITS.keyNameMin) found.name = t('appealsStaff.keys.errors.name', { min: LIMITS.keyNameMin });
    if (!passes(found)) return;
    await submit(async () => {
      const key = await appealsStaffApi.issueKey(name.trim());
      setName('');
      onIssued(key);
    });
  };

  return (
    <SubmitForm
      testId="issue-key-form"
      className="sa-open311-issue"
      onSubmit={handleSubmit}
      busy={busy}
      problem={inline ? undefined : error}
      submitLabel={t('appealsStaff.keys.issue')}
    >
      <TextInput
        id="open311-key-name"
        label={t('appealsStaff.keys.name')}
        hint={t('appealsStaff.keys.nameHint')}
        maxLength={LIMITS.keyNameMax}
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={fieldError('name')}
      />
    </SubmitForm>
  );
}

/** The server shows a key's secret once; so do we, with a way to copy it and a plain warning. */
function IssuedKey({ issued, onDismiss }: { issued: Open311KeyCreated; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning otp sa-open311-secret" role="alert" data-testid="issued-key">
      <p className="alert-title">{t('appealsStaff.keys.issuedTitle', { name: issued.name })}</p>
      <p>
        <strong>{t('appealsStaff.keys.onceWarning')}</strong>
      </p>
      <p className="otp-value">
        <code data-testid="issued-key-value">{issued.key}</code> <CopyButton value={issued.key} label={t('appealsStaff.keys.copy')} />
      </p>
      <p className="small">{t('appealsStaff.keys.issuedHint')}</p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        {t('appealsStaff.keys.dismiss')}
      </button>
    </div>
  );
}

function KeyRow({ apiKey, onRevoked }: { apiKey: Open311Key; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const { submit, busy, error } = useSubmission();

  const handleRevoke = () =>
    submit(async () => {
      await appealsStaffApi.revokeKey(apiKey.id);
      setConfirming(false);
      onRevoked();
    });

  const revoked = apiKey.revokedAt !== null;
  return (
    <li className={`sa-open311-key${revoked ? ' is-revoked' : ''}`} data-testid="open311-key">
      <div className="sa-open311-key-head">
        <p className="sa-open311-key-name">
          <strong>{apiKey.name}</strong> <code>{apiKey.prefix}…</code>
        </p>
        {revoked ? (
          <Badge tone="muted" icon="✕">
            {t('appealsStaff.keys.revokedAt', { date: formatDate(apiKey.revokedAt ?? '') })}
          </Badge>
        ) : (
          <Badge tone="success" icon="●">
            {t('appealsStaff.keys.active')}
          </Badge>
        )}
      </div>
      <p className="muted small">
        {t('appealsStaff.keys.created', { date: formatDate(apiKey.createdAt) })} ·{' '}
        {apiKey.lastUsedAt ? t('appealsStaff.keys.lastUsed', { date: formatDate(apiKey.lastUsedAt, true) }) : t('appealsStaff.keys.neverUsed')}
      </p>
      {error ? <ProblemAlert error={error} /> : null}
      {!revoked ? (
        confirming ? (
          <div className="button-row sa-confirm" role="group" aria-label={t('appealsStaff.keys.confirmLabel', { name: apiKey.name })}>
            <span className="small">{t('appealsStaff.keys.confirm', { name: apiKey.name })}</span>
            <button type="button" className="button button-danger button-small" disabled={busy} onClick={() => void handleRevoke()}>
              {t('appealsStaff.keys.revokeYes')}
            </button>
            <button type="button" className="button button-link button-small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)} aria-label={`${t('appealsStaff.keys.revoke')}: ${apiKey.name}`}>
              {t('appealsStaff.keys.revoke')}
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}
