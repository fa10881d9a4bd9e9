import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifiedBytes } from '../../../src/ui/data/publishedBundle';

/**
 * A bundle file is read from the browser's cache when the copy there matches the SHA-256 the
 * (always revalidated) manifest names, and fetched anew when it does not. A fake fetch stands for
 * the browser: it answers by the request's cache mode, as the HTTP cache would.
 */
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const url = new URL('https://app.example/sample/leads.arrow');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The browser: `cached` is what its HTTP cache holds (null: nothing), `server` what the server sends now. */
function browser({ cached, server, status = 200 }: { cached: string | null; server: string; status?: number }) {
  const fetch = vi.fn(async (_: URL, init?: RequestInit) => {
    if (init?.cache === 'force-cache' && cached !== null) return new Response(cached);
    return new Response(server, { status });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const modes = (fetch: ReturnType<typeof browser>) => fetch.mock.calls.map(([, init]) => init?.cache);

describe('verifiedBytes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes a cached copy that matches the manifest without asking the server', async () => {
    const fetch = browser({ cached: 'rows v1', server: 'rows v1' });
    expect(text(await verifiedBytes(url, sha('rows v1')))).toBe('rows v1');
    expect(modes(fetch)).toEqual(['force-cache']);
  });

  it('fetches anew when the cached copy is not the file the manifest names (the bundle was republished)', async () => {
    const fetch = browser({ cached: 'rows v1', server: 'rows v2' });
    expect(text(await verifiedBytes(url, sha('rows v2')))).toBe('rows v2');
    expect(modes(fetch)).toEqual(['force-cache', 'no-cache']);
  });

  it('refuses a file that does not match its manifest even when fetched anew', async () => {
    browser({ cached: 'rows v1', server: 'rows v1, half written' });
    await expect(verifiedBytes(url, sha('rows v2'))).rejects.toThrow('/sample/leads.arrow does not match its manifest (SHA-256 differs)');
  });

  it('names the file and the HTTP status of a failed fetch', async () => {
    browser({ cached: null, server: 'not found', status: 404 });
    await expect(verifiedBytes(url, sha('rows v1'))).rejects.toThrow('/sample/leads.arrow: HTTP 404');
  });
});
