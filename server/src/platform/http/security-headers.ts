// Security headers (helmet's defaults plus our Content-Security-Policy). The headers are the same for
// every response, so helmet runs once at start-up and each response copies the result: running helmet
// per request cost a fifth of a small answer's CPU time (measured in bench/locate).
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export function staticSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const removed = new Set<string>();
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      removed.add(name.toLowerCase());
    },
  };
  let failed: unknown = null;
  helmet(options)({} as never, res as never, (error?: unknown) => {
    failed = error ?? null;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  for (const name of removed) delete headers[name];
  return headers;
}

/**
 * What a JSON or XML answer of the API needs (OWASP REST Security): no sniffing, no framing, no
 * content of its own to run, no referrer, HSTS. The document-only headers helmet adds for pages
 * (opener and agent-cluster isolation, DNS prefetch, IE download and XSS switches, Flash policies)
 * mean nothing to an API client, and each costs header bytes and validation on every answer.
 */
export function apiSecurityHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  const keep = ['strict-transport-security', 'x-content-type-options', 'referrer-policy', 'cross-origin-resource-policy'];
  const headers: Record<string, string> = { 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'x-frame-options': 'DENY' };
  for (const name of keep) if (documentHeaders[name] !== undefined) headers[name] = documentHeaders[name]!;
  return headers;
}

/** API routes (JSON/XML) get the API set; pages, assets and the HTML API docs get helmet's full set. */
export function isApiUrl(url: string): boolean {
  return (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url.startsWith('/open311/');
}

/**
 * Sets the security headers and the request id as a request arrives, in one synchronous hook, so that
 * every answer — errors included — carries them.
 */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const documentHeaders = staticSecurityHeaders(options);
  const apiHeaders = apiSecurityHeaders(documentHeaders);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiUrl(request.url) ? apiHeaders : documentHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
}
