import { useCallback, useEffect, useRef, useState } from 'react';
import type { UploadOptions } from './client';

type Phase = { name: 'editing' } | { name: 'sending'; progress: number } | { name: 'processing' };

/**
 * The state of a form sent with files: the fraction sent while the files go, "processing" while the
 * server works on them, and a way to cancel. Leaving the page cancels too.
 */
export function useUploadSubmission() {
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  /**
   * Sends with `send`, passing it the progress callbacks and the cancel signal. Resolves to the answer, or
   * to undefined when the user cancelled; other failures (the server's problems) are thrown.
   */
  const run = useCallback(async <T>(withFiles: boolean, send: (options: UploadOptions) => Promise<T>): Promise<T | undefined> => {
    const controller = new AbortController();
    abortRef.current = controller;
    // Without files nothing is uploaded worth a progress bar: the server's work is all there is to wait for.
    setPhase(withFiles ? { name: 'sending', progress: 0 } : { name: 'processing' });
    try {
      const answer = await send({
        signal: controller.signal,
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'sending' ? { name: 'sending', progress } : p)),
        onUploaded: () => setPhase({ name: 'processing' }),
      });
      setPhase({ name: 'editing' });
      return answer;
    } catch (reason) {
      setPhase({ name: 'editing' });
      if (reason instanceof DOMException && reason.name === 'AbortError') return undefined;
      throw reason;
    } finally {
      abortRef.current = null;
    }
  }, []);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  return {
    busy: phase.name !== 'editing',
    /** 0..1 of the files sent while they are being sent, otherwise null (as UploadControls takes it). */
    progress: phase.name === 'sending' ? phase.progress : null,
    processing: phase.name === 'processing',
    run,
    cancel,
  };
}
