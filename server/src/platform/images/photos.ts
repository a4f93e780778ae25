// Photos residents and tow crews upload: recognised by their bytes, re-encoded without metadata, stored by hash.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../errors.js';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** The longest side of a stored photo, in pixels. */
export const DEFAULT_MAX_EDGE = 1600;
/**
 * Decoded size above which a photo is refused (decompression bombs: a few kilobytes of PNG can claim
 * gigapixels). 40 MP is above a phone's default output (12–24 MP) and below what would exhaust memory.
 */
export const MAX_PHOTO_PIXELS = 40_000_000;
const JPEG_QUALITY = 82;
const PROCESS_TIMEOUT_SECONDS = 30;

export interface PhotoOptions {
  maxBytes?: number;
  maxEdge?: number;
  maxPixels?: number;
}

export interface ProcessedPhoto {
  bytes: Buffer;
  /** SHA-256 of `bytes`, lowercase hex: the photo's name in the store. */
  sha256: string;
  width: number;
  height: number;
  contentType: 'image/jpeg' | 'image/webp';
  /** The media type the upload really had, from its bytes, e.g. `image/heic`. */
  originalType: string;
}

type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic' | 'image/avif';

type Sniffed = { photo: PhotoType } | { other: string | null };

const NOT_A_PHOTO = 'The file is not a photo (JPEG, PNG, WebP or HEIC)';

const ascii = (bytes: Buffer, start: number, end: number): string => bytes.subarray(start, end).toString('latin1');
const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The brands of an ISO base media file (`ftyp` box): HEIC/AVIF photos, but also MP4/MOV videos. */
function isoBrands(bytes: Buffer): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 4096);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/** Whether the start of the file reads as text (UTF-8 without control characters). */
function looksLikeText(head: Buffer): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // A multi-byte character cut at the end of the sample decodes as one replacement character.
  const body = text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
  return body.length > 0 && !body.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F\u007F]/.test(body);
}

/** What the bytes are: one of the accepted photo types, or a human name for what they look like. */
function sniff(bytes: Buffer): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { photo: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { photo: 'image/png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { photo: 'image/webp' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { photo: 'image/gif' };
  const brands = isoBrands(bytes);
  if (brands) {
    if (brands.some((b) => AVIF_BRANDS.has(b)) && !brands.some((b) => b.startsWith('he'))) return { photo: 'image/avif' };
    if (brands.some((b) => HEIC_BRANDS.has(b))) return { photo: 'image/heic' };
    if (brands[0] === 'M4A ') return { other: 'audio (M4A)' };
    return { other: 'a video (MP4/MOV)' };
  }
  const head = bytes.subarray(0, 1024);
  const start = ascii(bytes, 0, 8);
  if (start.startsWith('%PDF')) return { other: 'PDF' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { other: 'a ZIP archive or an Office document (DOCX, XLSX)' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { other: 'an old Office document (DOC, XLS)' };
  if (start.startsWith('Rar!') || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || startsWith(bytes, [0x1f, 0x8b])) {
    return { other: 'a compressed archive (RAR, 7z or gzip)' };
  }
  if (start.startsWith('II*\u0000') || start.startsWith('MM\u0000*')) return { other: 'a TIFF or camera RAW image' };
  if (start.startsWith('BM')) return { other: 'a BMP image' };
  if (start.startsWith('MZ') || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { other: 'a program' };
  if (start.startsWith('ID3') || start.startsWith('OggS') || start.startsWith('fLaC')) return { other: 'audio' };
  if (start.startsWith('{\\rtf')) return { other: 'an RTF document' };
  if (looksLikeText(head)) {
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { other: 'an SVG drawing' };
    if (text.startsWith('<!doctype html') || text.startsWith('<html')) return { other: 'a web page (HTML)' };
    return { other: 'text' };
  }
  return { other: null };
}

/** HEIC needs libheif with an HEVC decoder; sharp's prebuilt binaries only decode AVIF. */
function heicReadable(): boolean {
  return sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;
}

/** sharp's names for the formats the sniffer accepts. */
const SHARP_FORMATS: Record<PhotoType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heif',
  'image/avif': 'heif',
};

/** `10 MB`, `20.5 MB`, `512 KB`: sizes as people read them. */
function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'KB'];
  return `${Number.isInteger(value) ? String(value) : value.toFixed(1)} ${unit}`;
}

const unreadable = (cause: unknown): AppError => {
  const error = new AppError('unprocessable', 'The photo cannot be read: the file is damaged or incomplete');
  error.cause = cause;
  return error;
};

/**
 * Checks an upload is a photo by its bytes (never its name or declared type), then re-encodes it: turned
 * upright by its EXIF orientation, fitted inside `maxEdge` without enlarging, flattened onto white, as a
 * JPEG with no metadata at all (sharp writes none unless asked: no EXIF, GPS, XMP, IPTC or ICC). Animated
 * GIF and WebP keep their first frame.
 */
export async function processPhoto(input: Buffer, options: PhotoOptions = {}): Promise<ProcessedPhoto> {
  const maxBytes = options.maxBytes ?? MAX_PHOTO_BYTES;
  const maxEdge = options.maxEdge ?? DEFAULT_MAX_EDGE;
  const maxPixels = options.maxPixels ?? MAX_PHOTO_PIXELS;
  if (!Number.isInteger(maxEdge) || maxEdge < 1) throw new RangeError(`maxEdge must be a positive integer, not ${maxEdge}`);

  if (input.length > maxBytes) {
    throw new AppError('payload_too_large', `The photo is ${formatSize(input.length)}; the limit is ${formatSize(maxBytes)}`);
  }
  if (input.length === 0) throw new AppError('unprocessable', 'The file is empty');

  const sniffed = sniff(input);
  if ('other' in sniffed) {
    throw new AppError('unsupported_media_type', sniffed.other ? `${NOT_A_PHOTO}: it looks like ${sniffed.other}` : NOT_A_PHOTO);
  }
  const originalType = sniffed.photo;
  if (originalType === 'image/heic' && !heicReadable()) {
    throw new AppError(
      'unsupported_media_type',
      'HEIC photos cannot be read here; send it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible)',
    );
  }

  const decodeOptions = { failOn: 'truncated', limitInputPixels: maxPixels, animated: false, pages: 1 } as const;
  // The header alone gives the size, so a decompression bomb is refused before any pixel is decoded.
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch (cause) {
    throw unreadable(cause);
  }
  if (metadata.format !== SHARP_FORMATS[originalType]) throw unreadable(new Error(`sharp read ${metadata.format} from ${originalType}`));
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > maxPixels) {
    throw new AppError(
      'unprocessable',
      `The photo is ${(pixels / 1e6).toFixed(1)} megapixels; the limit is ${maxPixels / 1e6} megapixels`,
    );
  }

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(input, decodeOptions)
      .timeout({ seconds: PROCESS_TIMEOUT_SECONDS })
      .rotate()
      .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw unreadable(cause);
  }
  const bytes = output.data;
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: output.info.width,
    height: output.info.height,
    contentType: 'image/jpeg',
    originalType,
  };
}

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

function checkedSha(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw new AppError('validation', 'A photo id is 64 lowercase hexadecimal characters', 'sha256');
  return sha256;
}

/**
 * Processed photos on disk, named by the SHA-256 of their bytes: `<dataDir>/photos/ab/cd/<sha256>.jpg`.
 * Content-addressed, so a photo is written once and never changes; a name is checked before it becomes a
 * path, so no input can reach outside the store.
 */
export class PhotoStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'photos');
  }

  path(sha256: string): string {
    const sha = checkedSha(sha256);
    return join(this.root, sha.slice(0, 2), sha.slice(2, 4), `${sha}.jpg`);
  }

  /** Writes the photo atomically (a temporary file renamed into place); nothing to do if it is there. */
  async put(bytes: Buffer, sha256: string): Promise<void> {
    const target = this.path(sha256);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new Error(`PhotoStore.put: the bytes hash to ${actual}, not ${sha256}`);
    if (await exists(target)) return;
    const dir = join(target, '..');
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** The photo's bytes, or null when the store does not hold it. */
  async read(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
