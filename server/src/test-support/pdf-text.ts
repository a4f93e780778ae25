import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Text of a PDF via pdftotext (Debian package poppler-utils), whitespace collapsed. Fails if it is missing. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'openbeat-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (result.error) {
      throw new Error(
        'This test needs pdftotext from the Debian package poppler-utils (apt-get install poppler-utils): ' +
          result.error.message,
      );
    }
    if (result.status !== 0) throw new Error(`pdftotext failed (${String(result.status)}): ${result.stderr}`);
    return result.stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

