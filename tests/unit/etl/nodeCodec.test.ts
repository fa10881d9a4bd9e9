import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileCodec } from '../../../etl/nodeCodec';

const TEXT = 'Firma;Betrag\r\nBäckerei „Süß“ – Weiß;1.234,50 €\r\n';
const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-codec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ETL’s file codec', () => {
  it('streams Windows-1252 and UTF-16 files into UTF-8 copies, which release() and close() delete', async () => {
    const codec = openFileCodec();
    const cp1252 = path.join(dir, 'de.csv');
    writeFileSync(cp1252, iconv.encode(TEXT, 'win1252'));
    const utf16 = path.join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')]));

    const a = await codec.toUtf8({ kind: 'path', path: cp1252 }, 'windows-1252', 0);
    const b = await codec.toUtf8({ kind: 'path', path: utf16 }, 'utf-16le', 2);
    if (a.kind !== 'path' || b.kind !== 'path') throw new Error('expected copies on disk');
    expect(readFileSync(a.path, 'utf8')).toBe(TEXT);
    expect(readFileSync(b.path, 'utf8')).toBe(TEXT);
    codec.release();
    expect(existsSync(a.path) || existsSync(b.path)).toBe(false);
    codec.close();
    expect(existsSync(path.dirname(a.path))).toBe(false);
  });
});
