import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../api/appeals.contract';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
const ACCEPTED_EXTENSIONS = /\.(jpe?g|png|webp|heic|heif)$/i;
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif';

/** A first check in the browser (the server reads the bytes and is the judge). */
export function photoProblem(file: File): 'type' | 'size' | null {
  const typeOk = ACCEPTED_TYPES.includes(file.type.toLowerCase()) || (file.type === '' && ACCEPTED_EXTENSIONS.test(file.name));
  if (!typeOk) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
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
  /** Drug-advert graffiti: a photo helps find and paint it over. */
  encouraged?: boolean;
}

/** Up to four photos, each with a thumbnail and a remove button; the choice is checked before sending. */
export function PhotoPicker({ photos, onChange, error, disabled, encouraged }: PhotoPickerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const full = photos.length >= MAX_PHOTOS;

  const handleFiles = (list: FileList | null) => {
    if (!list) return;
    const added: File[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      const problem = photoProblem(file);
      if (problem) problems.push(t(`appeals.photos.refused.${problem}`, { name: file.name }));
      else if (photos.length + added.length >= MAX_PHOTOS) problems.push(t('appeals.photos.refused.tooMany', { name: file.name, max: MAX_PHOTOS }));
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

  const describedBy = ['photos-hint', refused.length ? 'photos-refused' : null, error ? 'photos-error' : null].filter(Boolean).join(' ');

  return (
    <div className={`field photo-picker${error || refused.length ? ' field-invalid' : ''}`} data-testid="photo-picker">
      <label htmlFor="photos" className="field-label">
        {t('appeals.photos.label')}
      </label>
      <div className="file-picker">
        <input
          ref={inputRef}
          id="photos"
          name="photo"
          type="file"
          multiple
          accept={PHOTO_ACCEPT}
          className="file-picker-input"
          disabled={disabled || full}
          aria-invalid={error || refused.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => handleFiles(e.target.files)}
          data-testid="photo-input"
        />
        <span className="file-picker-face" aria-hidden="true">
          <span className="button button-secondary button-small">{t('appeals.photos.choose')}</span>
          <span className="file-picker-name">{full ? t('appeals.photos.full', { max: MAX_PHOTOS }) : t('appeals.photos.count', { count: photos.length, max: MAX_PHOTOS })}</span>
        </span>
      </div>
      <p id="photos-hint" className="field-hint">
        {encouraged ? `${t('appeals.photos.encouraged')} ` : null}
        {t('appeals.photos.hint', { max: MAX_PHOTOS })}
      </p>
      {refused.length ? (
        <ul id="photos-refused" className="field-error plain-list" role="alert">
          {refused.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id="photos-error" className="field-error" data-testid="photos-error">
          {error}
        </p>
      ) : null}
      {photos.length ? (
        <ul className="photo-list" aria-label={t('appeals.photos.chosen')}>
          {photos.map((file, i) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}-${i}`} className="photo-item" data-testid="photo-item">
              <Thumbnail file={file} />
              <span className="photo-name">
                {file.name}
                <span className="muted small"> · {formatSize(file.size)}</span>
              </span>
              <button type="button" className="button button-secondary button-small" onClick={() => handleRemove(i)} disabled={disabled} aria-label={t('appeals.photos.remove', { name: file.name })}>
                {t('appeals.photos.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
