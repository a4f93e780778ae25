// A form that carries a record as JSON and up to a few photos: multipart with one JSON field and files
// `photo`, or a plain JSON body without photos. Every photo is processed (type and size checked, EXIF
// stripped, resized) before anything is stored: one bad file refuses the whole form, naming it.
import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { AppError, invalid } from '../errors.js';
import { MAX_PHOTO_BYTES, processPhoto, type ProcessedPhoto } from '../images/photos.js';

/** Validates a value the framework could not (a JSON field inside a multipart form), naming the field. */
export function parseOrInvalid<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw invalid(issue.path.join('.') || 'body', issue.message);
}

export interface JsonWithPhotosOptions<T> {
  /** The multipart field holding the JSON, e.g. `appeal`. */
  field: string;
  schema: ZodType<T>;
  maxPhotos: number;
  /** When the JSON field is cut at 64 KiB: the field and message to answer (the longest text in it). */
  tooLong: { field: string; message: string };
}

export async function readJsonWithPhotos<T>(request: FastifyRequest, options: JsonWithPhotosOptions<T>): Promise<{ body: T; photos: ProcessedPhoto[] }> {
  if (!request.isMultipart()) return { body: parseOrInvalid(options.schema, request.body ?? {}), photos: [] };
  let json: string | null = null;
  const buffers: Buffer[] = [];
  try {
    for await (const part of request.parts({ limits: { files: options.maxPhotos, fileSize: MAX_PHOTO_BYTES, fields: 4, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photo') {
          await part.toBuffer().catch(() => undefined);
          throw invalid(part.fieldname, `unexpected file field '${part.fieldname}'; attach photos as 'photo'`);
        }
        buffers.push(await part.toBuffer());
      } else if (part.fieldname === options.field) {
        // Busboy cuts a field at fieldSize without an error; a cut JSON would read as "not valid JSON".
        if (part.valueTruncated) throw invalid(options.tooLong.field, options.tooLong.message);
        json = String(part.value);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', `a photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, 'photo');
    if (code === 'FST_FILES_LIMIT') throw new AppError('validation', `at most ${options.maxPhotos} photos`, 'photo');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('validation', 'the form has unexpected fields', 'body');
    if (code === 'FST_REQ_FIELD_SIZE_LIMIT' || (error as Error).message?.includes('field')) throw new AppError('payload_too_large', `the ${options.field} field is too long`, options.tooLong.field);
    throw new AppError('bad_request', 'the multipart body is malformed', 'body');
  }
  if (json === null) throw invalid(options.field, `the form needs the field '${options.field}' with the ${options.field} as JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalid(options.field, `the field '${options.field}' is not valid JSON`);
  }
  const body = parseOrInvalid(options.schema, parsed);
  const photos: ProcessedPhoto[] = [];
  for (const [i, b] of buffers.entries()) {
    try {
      photos.push(await processPhoto(b));
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, buffers.length > 1 ? `photo ${i + 1}: ${error.message}` : error.message, 'photo');
      throw error;
    }
  }
  return { body, photos };
}
