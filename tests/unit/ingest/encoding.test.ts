import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/ingest/encoding';

const text = 'Firma;Betrag\nMüller GmbH;„5 €“ – Rabatt\n';

describe('detectEncoding', () => {
  it('trusts a BOM', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognises UTF-16 without BOM from its zero bytes', () => {
    expect(detectEncoding(iconv.encode(text, 'utf-16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(text, 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('tells UTF-8 from Windows-1252', () => {
    expect(detectEncoding(new TextEncoder().encode(text)).encoding).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'win1252')).encoding).toBe('windows-1252');
  });

  it('accepts a UTF-8 head cut inside a multi-byte character', () => {
    const bytes = new TextEncoder().encode('abc€');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2)).encoding).toBe('utf-8');
  });

  it('calls plain ASCII UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('a,b\n1,2\n')).encoding).toBe('utf-8');
  });
});
