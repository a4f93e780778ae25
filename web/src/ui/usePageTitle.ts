import { useEffect } from 'react';

/** Sets the document title: "<page> · openbeat". */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · openbeat` : 'openbeat';
  }, [title]);
}
