import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

function FieldShell({ id, label, hint, error, required, children, className }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface CommonProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

export type TextInputProps = CommonProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

export function TextInput({ id, label, hint, error, className, required, ...rest }: TextInputProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <input
        id={id}
        className="input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export type TextAreaProps = CommonProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextArea({ id, label, hint, error, className, required, ...rest }: TextAreaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <textarea
        id={id}
        className="input textarea"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export type SelectProps = CommonProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>;

export function Select({ id, label, hint, error, className, required, children, ...rest }: SelectProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <select
        id={id}
        className="input select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </FieldShell>
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface FileInputProps extends CommonProps {
  ref?: Ref<HTMLInputElement>;
  name?: string;
  accept: string;
  required?: boolean;
  disabled?: boolean;
  /** The chosen file, named on the face with its size. */
  file: File | null;
  /** The face's button, and its text while no file is chosen. */
  chooseLabel: string;
  noFileLabel: string;
  onFileChange: (file: File | null) => void;
}

/** A file field whose visible face is in the app's language (the native control follows the browser's). */
export function FileInput({ id, label, hint, error, className, ref, name, accept, required, disabled, file, chooseLabel, noFileLabel, onFileChange }: FileInputProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <div className="file-picker">
        <input
          ref={ref}
          id={id}
          name={name}
          type="file"
          className="file-picker-input"
          accept={accept}
          required={required}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => onFileChange(e.target.files?.[0] ?? null)}
        />
        <span className="file-picker-face" aria-hidden="true">
          <span className="button button-secondary button-small">{chooseLabel}</span>
          <span className="file-picker-name">{file ? `${file.name} · ${formatSize(file.size)}` : noFileLabel}</span>
        </span>
      </div>
    </FieldShell>
  );
}
