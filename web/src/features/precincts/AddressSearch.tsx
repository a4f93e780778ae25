import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressMatch } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Spinner } from '../../ui/Spinner';
import { ADDRESS_MIN_CHARS, useAddressSearch } from './useAddressSearch';
import { useDebouncedValue } from './useDebouncedValue';

const DEBOUNCE_MS = 350;

export interface AddressSearchProps {
  onChoose: (match: AddressMatch) => void;
}

/**
 * Type an address: the register is searched as the resident types (after a pause), spelling
 * variants included; choosing a result locates its point.
 */
export function AddressSearch({ onChoose }: AddressSearchProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const [text, setText] = useState('');
  // Enter searches at once (again, if need be); otherwise the text does once typing settles.
  const [submitted, setSubmitted] = useState<{ text: string; nonce: number }>({ text: '', nonce: 0 });
  // The address the resident chose: its results are folded away until the text changes.
  const [chosen, setChosen] = useState<string | null>(null);
  const { state, search, clear } = useAddressSearch();
  const trimmed = text.trim();
  const settled = useDebouncedValue(trimmed, DEBOUNCE_MS);
  const statusId = useId();
  const hintId = useId();
  const q = submitted.text === trimmed ? trimmed : settled;
  const folded = chosen !== null && chosen === trimmed;

  useEffect(() => {
    if (q.length < ADDRESS_MIN_CHARS || folded) clear();
    else search(q);
  }, [q, folded, submitted.nonce, search, clear]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChosen(null);
    setSubmitted((s) => ({ text: trimmed, nonce: s.nonce + 1 }));
  };

  const handleChoose = (match: AddressMatch) => {
    const label = `${match.street}, ${match.house}`;
    setText(label);
    setChosen(label);
    onChoose(match);
  };

  const tooShort = trimmed.length > 0 && trimmed.length < ADDRESS_MIN_CHARS;

  return (
    <form className="address-search" role="search" onSubmit={handleSubmit} data-testid="address-search">
      <div className="field">
        <label htmlFor="address-q" className="field-label">
          {t('precincts.finder.address')}
        </label>
        <div className="address-search-row">
          <input
            id="address-q"
            className="input"
            type="search"
            autoComplete="street-address"
            enterKeyHint="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${hintId} ${statusId}`}
          />
          <button type="submit" className="button button-secondary">
            {t('precincts.finder.search')}
          </button>
        </div>
        <p id={hintId} className="field-hint">
          {t('precincts.finder.addressHint')}
        </p>
      </div>
      <div id={statusId} className="address-status small" role="status" aria-live="polite">
        {state.name === 'searching' ? <Spinner label={t('precincts.finder.searching')} showLabel /> : null}
        {tooShort ? t('precincts.finder.tooShort') : null}
        {state.name === 'done' ? (state.items.length ? t('precincts.finder.found', { n: state.items.length }) : t('precincts.finder.notFound', { q: state.query })) : null}
      </div>
      {state.name === 'failed' ? <ProblemAlert error={state.error} /> : null}
      {state.name === 'done' && state.items.length ? (
        <ul className="address-results" aria-label={t('precincts.finder.results')} data-testid="address-results">
          {state.items.map((m) => (
            <li key={`${m.street}|${m.house}|${m.lat}|${m.lon}`}>
              <button type="button" className="address-result" onClick={() => handleChoose(m)} data-testid="address-result">
                <span className="address-result-main">
                  {m.street}, {m.house}
                </span>
                <span className="address-result-meta small">
                  {m.precinct ? t('precincts.finder.inPrecinct', { code: m.precinct.code, name: localized(m.precinct.name) }) : t('precincts.finder.noPrecinct')}
                  {m.exact ? null : ` · ${t('precincts.finder.approximate')}`}
                  {m.synthetic ? ` · ${t('precincts.demoShort')}` : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
