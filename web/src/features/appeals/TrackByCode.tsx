import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { appealPaths } from './appeals.api';

/** "Follow an appeal": the code as the resident has it (any case, with or without dashes). */
export function TrackByCode({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim().replace(/\s+/g, '');
    if (value.length < 4) {
      setError(t('appeals.follow.tooShort'));
      return;
    }
    void navigate(appealPaths.track(value));
  };

  return (
    <form className="track-by-code" onSubmit={handleSubmit} noValidate data-testid="track-by-code">
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor="track-code" className="field-label">
          {t('appeals.follow.label')}
        </label>
        <div className="track-row">
          <input
            id="track-code"
            className="input track-input"
            type="text"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            placeholder="AP-7K3M-Q9P2"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(undefined);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'track-code-hint track-code-error' : 'track-code-hint'}
          />
          <button type="submit" className="button button-primary">
            {t('appeals.follow.submit')}
          </button>
        </div>
        <p id="track-code-hint" className="field-hint">
          {t('appeals.follow.hint')}
        </p>
        {error ? (
          <p id="track-code-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
