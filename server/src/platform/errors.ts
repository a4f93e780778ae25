import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/**
 * The error catalogue. Every problem the API can answer has a stable code and an HTTP status;
 * a code without a status does not compile.
 */
export const problemCatalogue = {
  validation: { status: 400, title: 'The request is not valid' },
  bad_request: { status: 400, title: 'The request cannot be read' },
  unauthenticated: { status: 401, title: 'Sign in required' },
  invalid_credentials: { status: 401, title: 'Wrong username or password' },
  forbidden: { status: 403, title: 'Not allowed for this account' },
  cross_site: { status: 403, title: 'Cross-site request refused' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflicts with the current state' },
  survey_link_used: { status: 409, title: 'This survey link has already been used' },
  survey_link_unknown: { status: 404, title: 'This survey link is unknown or has expired' },
  outside_city: { status: 422, title: 'The place is outside the city' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'The content cannot be processed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCatalogue;

export const PROBLEM_TYPE_BASE = 'https://openbeat.kz/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  requestId: string;
}

/** A domain error that maps onto the catalogue. Services throw these; the handler renders them. */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly field: string | undefined;
  readonly status: number;
  constructor(code: ProblemCode, detail: string, field?: string) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.status = problemCatalogue[code].status;
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} was not found`);
export const invalid = (field: string, detail: string): AppError => new AppError('validation', detail, field);

export function problem(code: ProblemCode, requestId: string, detail?: string, field?: string): ProblemBody {
  const entry = problemCatalogue[code];
  return {
    type: PROBLEM_TYPE_BASE + code.replaceAll('_', '-'),
    title: entry.title,
    status: entry.status,
    ...(detail ? { detail } : {}),
    ...(field ? { field } : {}),
    requestId,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

const fastifyCodeMap: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_NO_FORM_DATA: 'bad_request',
};

function statusToCode(status: number): ProblemCode {
  const found = (Object.keys(problemCatalogue) as ProblemCode[]).find((c) => problemCatalogue[c].status === status);
  return found ?? 'bad_request';
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

function describeValidation(error: FastifyError): { field: string; detail: string } {
  const context = error.validationContext ?? 'body';
  const issues = (error.validation ?? []) as ValidationIssue[];
  const first = issues[0];
  const zodPath = first?.params?.issue?.path;
  const pathText = zodPath && zodPath.length > 0 ? zodPath.map(String).join('.') : (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const field = pathText ? `${context}.${pathText}` : context;
  const message = first?.params?.issue?.message ?? first?.message ?? error.message;
  return { field, detail: `${field}: ${message}` };
}

/** SQLSTATEs that mean the request, not the server, was wrong. */
const databaseCodes: Record<string, { code: ProblemCode; detail: string }> = {
  '22021': { code: 'validation', detail: 'a text contains a character that cannot be stored (e.g. NUL)' },
  '22P05': { code: 'validation', detail: 'a text contains a character that cannot be stored (e.g. NUL)' },
  '22P02': { code: 'validation', detail: 'a value has the wrong form' },
  '22001': { code: 'validation', detail: 'a text is too long' },
  '22003': { code: 'validation', detail: 'a number is out of range' },
  '22007': { code: 'validation', detail: 'a date has the wrong form' },
  '22008': { code: 'validation', detail: 'a date is out of range' },
  '23505': { code: 'conflict', detail: 'the same record was just created by another request; try again' },
  '40001': { code: 'conflict', detail: 'a concurrent change conflicted with this one; try again' },
};

function databaseProblem(error: unknown): { code: ProblemCode; detail: string } | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const sqlState = (e as { code?: unknown }).code;
    if (typeof sqlState === 'string' && databaseCodes[sqlState]) return databaseCodes[sqlState];
  }
  return undefined;
}

/** Errors Fastify raises before routing (a malformed URL, a bad content type) also answer problem+json. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: ProblemCode = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request';
  void sendProblem(reply, problem(code, request.id, error.message));
}

/** One handler turns every error into problem+json; unknown errors become a 500 with the request id only. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const requestId = request.id;
    if (error instanceof AppError) {
      return sendProblem(reply, problem(error.code, requestId, error.message, error.field));
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const { field, detail } = describeValidation(error);
      return sendProblem(reply, problem('validation', requestId, detail, field));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, problem('internal', requestId));
    }
    const fromDatabase = databaseProblem(error);
    if (fromDatabase) return sendProblem(reply, problem(fromDatabase.code, requestId, fromDatabase.detail));
    const mapped = error.code ? fastifyCodeMap[error.code] : undefined;
    if (mapped) return sendProblem(reply, problem(mapped, requestId, error.message));
    const status = error.statusCode ?? 500;
    if (status === 429) return sendProblem(reply, problem('rate_limited', requestId, 'Try again later'));
    if (status >= 400 && status < 500) {
      return sendProblem(reply, problem(statusToCode(status), requestId, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem('internal', requestId));
  });
}
