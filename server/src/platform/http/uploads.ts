import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface UploadedFile {
  buffer: Buffer;
  filename: string;
  mimeType: string;
}

/** Reads the one multipart field "file"; malformed or oversized bodies answer 4xx naming the problem. */
export async function readSingleUpload(request: FastifyRequest, what: string): Promise<UploadedFile> {
  try {
    const file = await request.file({ limits: { files: 1, fields: 0 } });
    if (!file || file.fieldname !== 'file') throw new AppError('validation', `attach ${what} as the multipart field "file"`, 'file');
    const buffer = await file.toBuffer();
    return { buffer, filename: file.filename, mimeType: file.mimetype };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'the file is larger than 20 MB', 'file');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_media_type', `send ${what} as multipart/form-data`, 'file');
    throw new AppError('bad_request', 'the multipart body is malformed', 'file');
  }
}
