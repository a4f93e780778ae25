import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { MAX_PHOTO_BYTES, PhotoStore, processPhoto } from './photos.js';

const XMP_WITH_GPS =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="43,15.0N" exif:GPSLongitude="76,54.0E"/>' +
  '</rdf:RDF></x:xmpmeta>';

/** A phone-like JPEG: landscape pixels with EXIF orientation 6 (rotate 90°), GPS of Almaty, a camera make and XMP. */
async function phoneJpeg(width: number, height: number): Promise<Buffer> {
  // Left half red, right half blue, so the rotation can be seen in the pixels.
  const left = await sharp({ create: { width: width / 2, height, channels: 3, background: '#ff0000' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'OpenbeatTestCam', Model: 'Phone 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 54/1 0/1' },
    })
    .withXmp(XMP_WITH_GPS)
    .toBuffer();
}

/** A valid black-and-white PNG of width × height, all zeros: a few kilobytes that decode to `width × height` pixels. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((Math.ceil(width / 8) + 1) * height); // each row: filter byte 0, then zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function expectAppError(promise: Promise<unknown>, code: AppError['code'], message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

describe('processPhoto', () => {
  it('strips EXIF, GPS and XMP, applies the orientation and fits the longest edge', async () => {
    const input = await phoneJpeg(2400, 1200);
    // The input really carries what must go: otherwise this test could not fail.
    expect(await exifr.gps(input)).toMatchObject({ latitude: 43.25, longitude: 76.9 });
    expect(await exifr.orientation(input)).toBe(6);
    expect(await exifr.parse(input, true)).toMatchObject({ Make: 'OpenbeatTestCam' });
    expect((await sharp(input).metadata()).xmp?.toString('utf8')).toContain('43,15.0N');
    expect(input.includes('OpenbeatTestCam')).toBe(true);

    const photo = await processPhoto(input);

    expect(photo.contentType).toBe('image/jpeg');
    expect(photo.originalType).toBe('image/jpeg');
    expect(photo.sha256).toBe(createHash('sha256').update(photo.bytes).digest('hex'));
    // Oriented: the 2400×1200 landscape stored as "rotate 90°" is an 800×1600 portrait.
    expect([photo.width, photo.height]).toEqual([800, 1600]);
    const metadata = await sharp(photo.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 800, height: 1600 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(await exifr.gps(photo.bytes)).toBeUndefined();
    expect(await exifr.parse(photo.bytes, true)).toBeUndefined();
    expect(photo.bytes.includes('OpenbeatTestCam')).toBe(false);

    // Orientation 6 turns the top of the stored image to the right: red (stored left) is now on top.
    const { data, info } = await sharp(photo.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [topR, , topB] = pixel(400, 200);
    const [bottomR, , bottomB] = pixel(400, 1400);
    expect(topR).toBeGreaterThan(200);
    expect(topB).toBeLessThan(60);
    expect(bottomB).toBeGreaterThan(200);
    expect(bottomR).toBeLessThan(60);
  });

  it('honours maxEdge and never enlarges a small photo', async () => {
    const input = await phoneJpeg(1000, 600);
    expect(await processPhoto(input, { maxEdge: 300 })).toMatchObject({ width: 180, height: 300 });
    expect(await processPhoto(input)).toMatchObject({ width: 600, height: 1000 });
  });

  it('reads PNG with transparency, WebP and the first frame of a GIF, by their bytes', async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const fromPng = await processPhoto(png);
    expect(fromPng).toMatchObject({ originalType: 'image/png', contentType: 'image/jpeg', width: 50, height: 40 });
    // Transparent pixels become white, not black.
    const { data } = await sharp(fromPng.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);

    const webp = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#00ff00' } }).webp().toBuffer();
    expect(await processPhoto(webp)).toMatchObject({ originalType: 'image/webp', width: 30, height: 20 });

    const frames = await sharp({ create: { width: 20, height: 30, channels: 3, background: '#ff0000' } }).raw().toBuffer();
    const gif = await sharp(Buffer.concat([frames, Buffer.alloc(frames.length, 255)]), { raw: { width: 20, height: 60, channels: 3, pageHeight: 30 } })
      .gif()
      .toBuffer();
    expect((await sharp(gif, { animated: true }).metadata()).pages).toBe(2);
    expect(await processPhoto(gif)).toMatchObject({ originalType: 'image/gif', width: 20, height: 30 });
  });

  it('gives the same bytes and hash for the same upload', async () => {
    const input = await phoneJpeg(400, 200);
    const [a, b] = await Promise.all([processPhoto(input), processPhoto(input)]);
    expect(a.sha256).toBe(b.sha256);
  });

  it('refuses a PDF whatever it is called, naming what it looks like', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await expectAppError(processPhoto(pdf), 'unsupported_media_type', /not a photo \(JPEG, PNG, WebP or HEIC\): it looks like PDF/);
  });

  it('names other recognisable files: DOCX, text, SVG, video', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml'), randomBytes(64)]);
    await expectAppError(processPhoto(docx), 'unsupported_media_type', /looks like a ZIP archive or an Office document \(DOCX/);
    await expectAppError(processPhoto(Buffer.from('Жалоба на шум во дворе\n')), 'unsupported_media_type', /looks like text$/);
    await expectAppError(processPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'unsupported_media_type', /looks like an SVG/);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42\0\0\0\0isommp42'), Buffer.alloc(32)]);
    await expectAppError(processPhoto(mp4), 'unsupported_media_type', /looks like a video/);
  });

  it('refuses random bytes and a truncated photo', async () => {
    await expectAppError(processPhoto(randomBytes(4096)), 'unsupported_media_type', /^The file is not a photo \(JPEG, PNG, WebP or HEIC\)$/);
    const input = await phoneJpeg(400, 200);
    await expectAppError(processPhoto(input.subarray(0, Math.floor(input.length / 2))), 'unprocessable', /damaged or incomplete/);
    const junkAfterMagic = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);
    await expectAppError(processPhoto(junkAfterMagic), 'unprocessable', /damaged or incomplete/);
    await expectAppError(processPhoto(Buffer.alloc(0)), 'unprocessable', /empty/);
  });

  it('refuses a file over the limit, in megabytes', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0xff);
    expect(big.length).toBeGreaterThan(MAX_PHOTO_BYTES);
    await expectAppError(processPhoto(big), 'payload_too_large', /20 MB; the limit is 10 MB/);
    await expectAppError(processPhoto(await phoneJpeg(400, 200), { maxBytes: 1536 }), 'payload_too_large', /the limit is 1\.5 KB$/);
  });

  it('refuses a decompression bomb from its header', async () => {
    const bomb = pngBomb(10_000, 10_000);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ format: 'png', width: 10_000, height: 10_000 });
    await expectAppError(processPhoto(bomb), 'unprocessable', /100\.0 megapixels; the limit is 40 megapixels/);
  });

  it('handles HEIC according to what this sharp build can decode', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(200)]);
    if (sharp.format.heif.input.fileSuffix?.includes('.heic')) {
      await expectAppError(processPhoto(heic), 'unprocessable', /damaged or incomplete/);
    } else {
      await expectAppError(processPhoto(heic), 'unsupported_media_type', /HEIC .*JPEG/);
    }
  });

  it('reads AVIF (HEIF with AV1), which every sharp build decodes', async () => {
    const avif = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#336699' } }).avif().toBuffer();
    expect(await processPhoto(avif)).toMatchObject({ originalType: 'image/avif', width: 64, height: 32 });
  });
});

describe('PhotoStore', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openbeat-photos-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes under photos/ab/cd/<sha>.jpg, reads it back and writes it once', async () => {
    const store = new PhotoStore(dataDir);
    const photo = await processPhoto(await phoneJpeg(400, 200));
    const { sha256 } = photo;
    expect(store.path(sha256)).toBe(join(dataDir, 'photos', sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.jpg`));
    expect(await store.read(sha256)).toBeNull();

    await store.put(photo.bytes, sha256);
    expect((await store.read(sha256))?.equals(photo.bytes)).toBe(true);
    await Promise.all([store.put(photo.bytes, sha256), store.put(photo.bytes, sha256)]);
    expect(await readdir(join(dataDir, 'photos', sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([`${sha256}.jpg`]);
  });

  it('refuses bytes that do not match the hash', async () => {
    const store = new PhotoStore(dataDir);
    await expect(store.put(Buffer.from('not this'), 'a'.repeat(64))).rejects.toThrow(/hash/);
  });

  it('refuses any name that is not a SHA-256, before it becomes a path', async () => {
    const store = new PhotoStore(dataDir);
    const bad = ['../../etc/passwd', `../${'a'.repeat(61)}`, 'a'.repeat(63), 'A'.repeat(64), `${'a'.repeat(64)}/..`, `${'a'.repeat(63)}\0`, ''];
    for (const name of bad) {
      expect(() => store.path(name)).toThrow(AppError);
      await expect(store.read(name)).rejects.toThrow(AppError);
      await expect(store.put(Buffer.from('x'), name)).rejects.toThrow(AppError);
    }
  });
});
