import type { Problem } from './types';

/** An API failure, carrying the server's problem+json (or one made up for network failures). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** No answer from the server at all, or a gateway answering for it. */
  get unreachable(): boolean {
    return this.problem.status === 0 || ([502, 503, 504].includes(this.problem.status) && !this.problem.requestId);
  }

  /** The stable code at the end of the problem type, e.g. "invalid_credentials". */
  get code(): string {
    return (this.problem.type.split('/').pop() ?? '').replaceAll('-', '_');
  }
}

/** "body.text" → "text": forms name their fields without the request part. */
function normalizeField(field: string | undefined): string | undefined {
  return field?.replace(/^(body|query|querystring|params|headers)\./, '') || undefined;
}

function toProblem(body: Problem, status: number): Problem {
  return { ...body, status: body.status || status, field: normalizeField(body.field) };
}

let requestLanguage = 'ru';

/** The language the server should answer problems in (sent as Accept-Language). */
export function setRequestLanguage(lang: string): void {
  requestLanguage = lang;
}

type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json();
      if (isProblem(body)) return toProblem(body, res.status);
    } catch {
      // fall through to a generic problem
    }
  }
  return { type: 'about:blank', title: '', status: res.status, requestId: res.headers.get('x-request-id') ?? undefined };
}

function networkProblem(): Problem {
  return { type: 'urn:openbeat:network', title: '', status: 0 };
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** `no-cache` revalidates a briefly cached public answer (staff pages read their own writes). */
  cache?: RequestCache;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': requestLanguage,
  };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
      cache: options.cache,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(networkProblem());
  }
  if (!res.ok) throw new ApiError(await readProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

export interface UploadOptions {
  /** Fraction 0..1 of the request body sent so far. */
  onUploadProgress?: (fraction: number) => void;
  /** The whole body is sent; the server is now working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/**
 * POST multipart form data with upload progress (fetch has no upload progress, XMLHttpRequest does).
 */
export function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', requestLanguage);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => {
      options.onUploadProgress?.(1);
      options.onUploaded?.();
    };
    xhr.onerror = () => reject(new ApiError(networkProblem()));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
      } else if (isProblem(body)) {
        reject(new ApiError(toProblem(body, xhr.status)));
      } else {
        reject(new ApiError({ type: 'about:blank', title: '', status: xhr.status }));
      }
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * POST a record with its photos. Without photos: plain JSON. With them: multipart (the record as JSON in
 * the `part` field, then one `photo` field per file), so that the upload shows progress.
 */
export function postWithPhotos<T>(path: string, part: string, record: unknown, photos: readonly File[], options: UploadOptions = {}): Promise<T> {
  if (photos.length === 0) return api.post<T>(path, record, options.signal ? { signal: options.signal } : {});
  const form = new FormData();
  form.append(part, JSON.stringify(record));
  for (const photo of photos) form.append('photo', photo, photo.name);
  return upload<T>(path, form, options);
}
