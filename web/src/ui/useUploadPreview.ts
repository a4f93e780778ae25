import { useEffect, useRef, useState } from 'react';
import { ApiError, type UploadOptions } from '../api/client';

/**
 * Where an upload with a preview stands. `saving.progress` is the fraction of the file sent again
 * while it is sent, and null while the server works (or when saving sends no file).
 */
export type UploadPhase<Preview, Result> =
  | { name: 'choose' }
  | { name: 'uploading'; progress: number }
  | { name: 'checking' }
  | { name: 'preview'; preview: Preview }
  | { name: 'saving'; preview: Preview; progress: number | null }
  | { name: 'done'; preview: Preview; result: Result };

export interface UseUploadPreviewOptions<Preview, Result> {
  /** Sends the file: the server checks every row and saves nothing. */
  preview: (file: File, options: UploadOptions) => Promise<Preview>;
  /** Saves what the preview showed (the same file again, or the rows it accepted). */
  confirm: (file: File, preview: Preview, options: UploadOptions) => Promise<Result>;
  /** What to say under the file field when the user sends no file. */
  fileMissing: string;
  /** A new preview has arrived (e.g. to choose which rows to show first). */
  onPreview?: (preview: Preview) => void;
  onSaved?: (result: Result) => void;
}

/**
 * An upload checked before it is saved: choose a file, send it (with progress, cancellable), read the
 * server's preview, then confirm or start over. Focus moves to the preview and to the outcome.
 */
export function useUploadPreview<Preview, Result>({ preview, confirm, fileMissing, onPreview, onSaved }: UseUploadPreviewOptions<Preview, Result>) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase<Preview, Result>>({ name: 'choose' });
  const [error, setError] = useState<ApiError>();
  const [fileError, setFileError] = useState<string>();
  const abortRef = useRef<AbortController | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'done') resultRef.current?.focus();
  }, [phase.name]);

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setFileError(undefined);
    setError(undefined);
  };

  const upload = async () => {
    setError(undefined);
    if (!file) {
      setFileError(fileMissing);
      fileInputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ name: 'uploading', progress: 0 });
    try {
      const checked = await preview(file, {
        signal: controller.signal,
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'uploading' ? { name: 'uploading', progress } : p)),
        onUploaded: () => setPhase((p) => (p.name === 'uploading' ? { name: 'checking' } : p)),
      });
      onPreview?.(checked);
      setPhase({ name: 'preview', preview: checked });
    } catch (reason) {
      setPhase({ name: 'choose' });
      if (reason instanceof DOMException && reason.name === 'AbortError') return;
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      abortRef.current = null;
    }
  };

  const save = async () => {
    if (phase.name !== 'preview' || !file) return;
    const checked = phase.preview;
    setError(undefined);
    setPhase({ name: 'saving', preview: checked, progress: null });
    try {
      const result = await confirm(file, checked, {
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'saving' ? { ...p, progress } : p)),
        onUploaded: () => setPhase((p) => (p.name === 'saving' ? { ...p, progress: null } : p)),
      });
      setPhase({ name: 'done', preview: checked, result });
      onSaved?.(result);
    } catch (reason) {
      setPhase({ name: 'preview', preview: checked });
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    }
  };

  const startOver = () => {
    setFile(null);
    setError(undefined);
    setFileError(undefined);
    if (fileInputRef.current) fileInputRef.current.value = '';
    setPhase({ name: 'choose' });
  };

  const cancel = () => abortRef.current?.abort();

  return { file, phase, error, fileError, fileInputRef, resultRef, chooseFile, upload, save, startOver, cancel };
}

export type UploadPreviewState<Preview, Result> = ReturnType<typeof useUploadPreview<Preview, Result>>;
