import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { SupportChallenge } from '../../api/appeals.contract';
import { useLocale } from '../../i18n/useLocale';
import { TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { problemDetail } from '../../ui/useFieldProblem';
import { useAuth } from '../auth/AuthProvider';
import { appealsApi } from './appeals.api';
import { markSupported, useSupported } from './myAppeals';

type Step = { name: 'closed' } | { name: 'contact' } | { name: 'code'; challengeId: string; sentTo: string | null } | { name: 'done' };

export interface SupportBoxProps {
  code: string;
  supportCount: number;
  /** A short, unique prefix for the field ids when many boxes share a page. */
  idPrefix?: string;
  /** Named in the button for screen readers when many proposals share a page. */
  subject?: string;
  /** The count to show after a support (the answer carries the new one). */
  onCount?: (count: number) => void;
}

/**
 * Support a proposal: a resident gives a phone or e-mail, receives a 6-digit code and confirms it
 * (one support per contact); signed-in staff support without a contact.
 */
export function SupportBox({ code, supportCount, idPrefix = 'support', subject, onCount }: SupportBoxProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const { user } = useAuth();
  const alreadySupported = useSupported(code);
  const [count, setCount] = useState(supportCount);
  const [step, setStep] = useState<Step>({ name: 'closed' });
  const [contact, setContact] = useState('');
  const [otp, setOtp] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const applied = (answer: SupportChallenge) => {
    setCount(answer.supportCount);
    onCount?.(answer.supportCount);
    if (answer.supported) {
      markSupported(code);
      setStep({ name: 'done' });
    } else if (answer.challengeId) {
      setStep({ name: 'code', challengeId: answer.challengeId, sentTo: answer.sentTo });
    }
  };

  const run = async (action: () => Promise<SupportChallenge>, field: string) => {
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    try {
      applied(await action());
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      // Our words for the refusals we know; the field's problem goes under the field.
      const named = reason.problem.field ?? '';
      if (reason.status === 429) setError(reason);
      else if (named === 'code') setFieldError(t('appeals.support.codeWrong'));
      else if (named.startsWith('contact')) setFieldError(t('appeals.support.contactInvalid'));
      else if (reason.status === 409 && field === 'code') {
        setStep({ name: 'contact' });
        setFieldError(t('appeals.support.expired'));
      } else if (named.startsWith(field)) setFieldError(problemDetail(reason) ?? reason.problem.title);
      else setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const handleStart = () => {
    setError(undefined);
    if (user) void run(() => appealsApi.support(code, {}), 'contact');
    else setStep({ name: 'contact' });
  };

  const handleContact = (event: FormEvent) => {
    event.preventDefault();
    const value = contact.trim();
    if (value.length < 5 || !(/@/.test(value) || value.replace(/\D/g, '').length >= 10)) {
      setFieldError(t('appeals.support.contactInvalid'));
      return;
    }
    void run(() => appealsApi.support(code, { contact: value }), 'contact');
  };

  const handleConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (step.name !== 'code') return;
    if (!/^\d{6}$/.test(otp.trim())) {
      setFieldError(t('appeals.support.codeInvalid'));
      return;
    }
    void run(() => appealsApi.confirmSupport(code, { challengeId: step.challengeId, code: otp.trim() }), 'code');
  };

  const contactId = `${idPrefix}-contact`;
  const codeId = `${idPrefix}-code`;

  return (
    <div className="support-box" data-testid="support-box">
      <p className="support-count" data-testid="support-count">
        <span className="support-count-value">{formatNumber(count)}</span> {t('appeals.support.count', { count })}
      </p>
      {step.name === 'done' || (alreadySupported && step.name === 'closed') ? (
        <p className="success-text" role="status" data-testid="support-done">
          {t('appeals.support.done')}
        </p>
      ) : null}
      {step.name === 'closed' && !alreadySupported ? (
        <button type="button" className="button button-primary" onClick={handleStart} disabled={busy} data-testid="support-start">
          {t('appeals.support.start')}
          {subject ? <span className="visually-hidden"> {subject}</span> : null}
        </button>
      ) : null}
      {step.name === 'contact' ? (
        <form className="form support-form" onSubmit={handleContact} noValidate>
          <TextInput
            id={contactId}
            label={t('appeals.support.contact')}
            hint={t('appeals.support.contactHint')}
            maxLength={200}
            value={contact}
            onChange={(e) => {
              setContact(e.target.value);
              setFieldError(undefined);
            }}
            error={fieldError}
            autoFocus
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('appeals.support.sendCode')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep({ name: 'closed' })} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {step.name === 'code' ? (
        <form className="form support-form" onSubmit={handleConfirm} noValidate>
          <p role="status">{step.sentTo ? t('appeals.support.sentTo', { to: step.sentTo }) : t('appeals.support.sent')}</p>
          <TextInput
            id={codeId}
            label={t('appeals.support.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            value={otp}
            onChange={(e) => {
              setOtp(e.target.value.replace(/\D/g, ''));
              setFieldError(undefined);
            }}
            error={fieldError}
            autoFocus
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('appeals.support.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep({ name: 'contact' })} disabled={busy}>
              {t('appeals.support.otherContact')}
            </button>
          </div>
        </form>
      ) : null}
      {error ? (
        error.status === 429 ? (
          <p className="alert alert-warning" role="alert">
            {problemDetail(error) ?? t('appeals.support.tooOften')}
          </p>
        ) : (
          <ProblemAlert error={error} />
        )
      ) : null}
      <p className="field-hint">{t('appeals.support.privacy')}</p>
    </div>
  );
}
