/** A bundle file's bytes, refused when they do not match the manifest's SHA-256. */
export async function verifiedBytes(url: URL, sha256: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = await sha256Hex(bytes);
  if (digest !== null && digest !== sha256) throw new Error(`${url.pathname} does not match its manifest (SHA-256 differs): the bundle is incomplete or was changed`);
  return bytes;
}

/** null where Web Crypto is unavailable (pages served over plain http from another host). */
async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
