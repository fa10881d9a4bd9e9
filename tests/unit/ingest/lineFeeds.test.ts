import { describe, expect, it } from 'vitest';
import { crlfToLf, LineFeeds } from '../../../src/ingest/lineFeeds';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('LineFeeds', () => {
  it('rewrites CR LF as LF and keeps LF and a lone CR', () => {
    expect(text(crlfToLf(bytes('a\r\nb\nc\rd\r\n')))).toBe('a\nb\nc\rd\n');
  });

  it('holds a CR at the end of a chunk until the next chunk shows what follows', () => {
    for (let cut = 0; cut <= 9; cut++) {
      const all = bytes('ä\r\nb\r\r\nc\r');
      const feeds = new LineFeeds();
      const parts = [feeds.push(all.subarray(0, cut)), feeds.push(all.subarray(cut)), feeds.finish()];
      const out = text(new Uint8Array(parts.flatMap((p) => [...p])));
      expect(out, `cut at ${cut}`).toBe('ä\nb\r\nc\r');
    }
  });
});
