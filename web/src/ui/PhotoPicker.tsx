import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** The browser's first check of one file: what is wrong with it, or null (the server reads the bytes and is the judge). */
export type PhotoCheck = (file: File) => 'type' | 'size' | null;

/**
 * The i18n group that holds a picker's texts: `label`, `choose`, `count`, `full`, `hint`, `chosen`,
 * `remove`, `removeShort` and `refused.{type,size,tooMany}` (and `server.*` for photoRefusal).
 */
export type PhotoTextKey = 'appeals.photos' | 'towing.photos';

/** Problems about a file that the server names without a field, by what they mean for a photo. */
const FILE_PROBLEMS: Readonly<Record<string, 'type' | 'size' | 'damaged'>> = { unsupported_media_type: 'type', payload_too_large: 'size', unprocessable: 'damaged' };

/** What the server's problem code says about a sent photo (`server.type`, `.size`, `.damaged`), or null. */
export function photoRefusal(code: string): 'type' | 'size' | 'damaged' | null {
  return Object.hasOwn(FILE_PROBLEMS, code) ? FILE_PROBLEMS[code]! : null;
}

/** Whether the server's problem concerns the photos: it names them, or it names no field and is about a file that was sent. */
export function concernsPhotos(error: ApiError, sentPhotos: boolean): boolean {
  const field = error.problem.field ?? '';
  if (/^(photo|photos|file)(\.|\[|$)/.test(field)) return true;
  return !field && sentPhotos && photoRefusal(error.code) !== null;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function Thumbnail({ file }: { file: File }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  const [broken, setBroken] = useState(false);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  // HEIC shows in few browsers: the name stands in for the picture.
  if (broken) return <span className="photo-thumb photo-thumb-none" aria-hidden="true">▣</span>;
  return <img className="photo-thumb" src={url} alt="" onError={() => setBroken(true)} />;
}

export interface PhotoPickerProps {
  photos: readonly File[];
  onChange: (photos: File[]) => void;
  /** The server's refusal (e.g. not an image), shown under the field. */
  error?: string | undefined;
  disabled?: boolean;
  /** The input's id; the hint, the refusals and the error are `${id}-hint`, `-refused` and `-error` (also the error's test id). */
  id: string;
  /** Test ids `${testIdPrefix}-picker`, `-input` and `-item` (each chosen photo). */
  testIdPrefix: string;
  textKey: PhotoTextKey;
  max: number;
  check: PhotoCheck;
  /** The input's `accept`. */
  accept: string;
  /** `environment`: a phone offers its rear camera first. */
  capture?: 'environment' | 'user';
  /** A sentence said before the hint (e.g. why a photo helps here). */
  hintLead?: string | undefined;
}

/** Up to `max` photos, each with a thumbnail and a remove button; the choice is checked before sending. */
export function PhotoPicker({ photos, onChange, error, disabled, id, testIdPrefix, textKey, max, check, accept, capture, hintLead }: PhotoPickerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const full = photos.length >= max;

  const handleFiles = (list: FileList | null) => {
    if (!list) return;
    const added: File[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      const problem = check(file);
      if (problem) problems.push(t(`${textKey}.refused.${problem}`, { name: file.name }));
      else if (photos.length + added.length >= max) problems.push(t(`${textKey}.refused.tooMany`, { name: file.name, max }));
      else added.push(file);
    }
    setRefused(problems);
    if (added.length) onChange([...photos, ...added]);
    // The same file may be chosen again after it was removed.
    if (inputRef.current) inputRef.current.value = '';
  };

  const handleRemove = (index: number) => {
    setRefused([]);
    onChange(photos.filter((_, i) => i !== index));
    inputRef.current?.focus();
  };

  const describedBy = [`${id}-hint`, refused.length ? `${id}-refused` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className={`field photo-picker${error || refused.length ? ' field-invalid' : ''}`} data-testid={`${testIdPrefix}-picker`}>
      <label htmlFor={id} className="field-label">
        {t(`${textKey}.label`)}
      </label>
      <div className="file-picker">
        <input
          ref={inputRef}
          id={id}
          name="photo"
          type="file"
          multiple
          accept={accept}
          capture={capture}
          className="file-picker-input"
          disabled={disabled || full}
          aria-invalid={error || refused.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => handleFiles(e.target.files)}
          data-testid={`${testIdPrefix}-input`}
        />
        <span className="file-picker-face" aria-hidden="true">
          <span className="button button-secondary button-small">{t(`${textKey}.choose`)}</span>
          <span className="file-picker-name">{full ? t(`${textKey}.full`, { max }) : t(`${textKey}.count`, { count: photos.length, max })}</span>
        </span>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hintLead ? `${hintLead} ` : null}
        {t(`${textKey}.hint`, { max })}
      </p>
      {refused.length ? (
        <ul id={`${id}-refused`} className="field-error plain-list" role="alert">
          {refused.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {photos.length ? (
        <ul className="photo-list" aria-label={t(`${textKey}.chosen`)}>
          {photos.map((file, i) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}-${i}`} className="photo-item" data-testid={`${testIdPrefix}-item`}>
              <Thumbnail file={file} />
              <span className="photo-name">
                {file.name}
                <span className="muted small"> · {formatSize(file.size)}</span>
              </span>
              <button type="button" className="button button-secondary button-small" onClick={() => handleRemove(i)} disabled={disabled} aria-label={t(`${textKey}.remove`, { name: file.name })}>
                {t(`${textKey}.removeShort`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
