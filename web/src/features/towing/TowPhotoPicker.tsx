import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TOW_PHOTO_BYTES, MAX_TOW_PHOTOS } from '../../api/towing.contract';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function Thumbnail({ file }: { file: File }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  const [broken, setBroken] = useState(false);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  if (broken) return <span className="photo-thumb photo-thumb-none" aria-hidden="true">▣</span>;
  return <img className="photo-thumb" src={url} alt="" onError={() => setBroken(true)} />;
}

export interface TowPhotoPickerProps {
  photos: readonly File[];
  onChange: (photos: File[]) => void;
  /** The server's refusal (not an image, too large), shown under the field. */
  error?: string | undefined;
  disabled?: boolean;
}

/** Up to four photos taken with the phone's rear camera; the server reads the bytes and strips metadata. */
export function TowPhotoPicker({ photos, onChange, error, disabled }: TowPhotoPickerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const full = photos.length >= MAX_TOW_PHOTOS;

  const handleFiles = (list: FileList | null) => {
    if (!list) return;
    const added: File[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      if (file.type && !file.type.startsWith('image/')) problems.push(t('towing.photos.refused.type', { name: file.name }));
      else if (file.size > MAX_TOW_PHOTO_BYTES) problems.push(t('towing.photos.refused.size', { name: file.name }));
      else if (photos.length + added.length >= MAX_TOW_PHOTOS) problems.push(t('towing.photos.refused.tooMany', { name: file.name, max: MAX_TOW_PHOTOS }));
      else added.push(file);
    }
    setRefused(problems);
    if (added.length) onChange([...photos, ...added]);
    if (inputRef.current) inputRef.current.value = '';
  };

  const handleRemove = (index: number) => {
    setRefused([]);
    onChange(photos.filter((_, i) => i !== index));
    inputRef.current?.focus();
  };

  const describedBy = ['tow-photos-hint', refused.length ? 'tow-photos-refused' : null, error ? 'tow-photos-error' : null].filter(Boolean).join(' ');

  return (
    <div className={`field photo-picker${error || refused.length ? ' field-invalid' : ''}`} data-testid="tow-photo-picker">
      <label htmlFor="tow-photos" className="field-label">
        {t('towing.photos.label')}
      </label>
      <div className="file-picker">
        <input
          ref={inputRef}
          id="tow-photos"
          name="photo"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          className="file-picker-input"
          disabled={disabled || full}
          aria-invalid={error || refused.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => handleFiles(e.target.files)}
          data-testid="tow-photo-input"
        />
        <span className="file-picker-face" aria-hidden="true">
          <span className="button button-secondary button-small">{t('towing.photos.choose')}</span>
          <span className="file-picker-name">{full ? t('towing.photos.full', { max: MAX_TOW_PHOTOS }) : t('towing.photos.count', { count: photos.length, max: MAX_TOW_PHOTOS })}</span>
        </span>
      </div>
      <p id="tow-photos-hint" className="field-hint">
        {t('towing.photos.hint', { max: MAX_TOW_PHOTOS })}
      </p>
      {refused.length ? (
        <ul id="tow-photos-refused" className="field-error plain-list" role="alert">
          {refused.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id="tow-photos-error" className="field-error" data-testid="tow-photos-error">
          {error}
        </p>
      ) : null}
      {photos.length ? (
        <ul className="photo-list" aria-label={t('towing.photos.chosen')}>
          {photos.map((file, i) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}-${i}`} className="photo-item" data-testid="tow-photo-item">
              <Thumbnail file={file} />
              <span className="photo-name">
                {file.name}
                <span className="muted small"> · {formatSize(file.size)}</span>
              </span>
              <button type="button" className="button button-secondary button-small" onClick={() => handleRemove(i)} disabled={disabled} aria-label={t('towing.photos.remove', { name: file.name })}>
                {t('towing.photos.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
