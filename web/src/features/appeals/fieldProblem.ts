import type { ApiError } from '../../api/client';
import { concernsPhotos } from '../../ui/PhotoPicker';

/** The form's parts a server problem can name. */
export type FormPart = 'category' | 'description' | 'place' | 'photos' | 'advertUrl' | 'contactName' | 'contactPhone' | 'contactEmail' | 'general';

/** Which part of the form the server's problem concerns (`photo`, `contact.email`, `lat`, `outside-city` …). */
export function partOf(error: ApiError, sentPhotos: boolean): FormPart {
  const field = error.problem.field ?? '';
  if (error.code === 'outside_city') return 'place';
  if (field === 'category') return 'category';
  if (field === 'description') return 'description';
  if (concernsPhotos(error, sentPhotos)) return 'photos';
  if (/^(lat|lon|address|precinctId)$/.test(field)) return 'place';
  if (field.startsWith('advert')) return 'advertUrl';
  if (field === 'contact.name') return 'contactName';
  if (field === 'contact.email') return 'contactEmail';
  if (field.startsWith('contact')) return 'contactPhone';
  return 'general';
}
