import { parseBundleManifest, type BundleManifest } from '../../domain/bundleManifest';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { parsePreparedFigures, type PreparedFigures } from '../../domain/preparedFigures';
import { errorText } from '../../domain/errorText';

/**
 * A bundle is a folder of the app's own origin with manifest.json and one Parquet file per table,
 * written by the ETL. The published dashboard (public/data or ?bundle=) and the sample use it.
 */
export interface BundleLocation {
  /** The folder, ending in '/'. */
  readonly url: URL;
  /** Whether a missing manifest is an error (an explicit ?bundle=) or just "no bundle here". */
  readonly required: boolean;
}

/** Reads ?bundle= (same origin only); a link to another origin is refused, never fetched. */
export function bundleFromQuery(location: Location): BundleLocation | 'foreign' | null {
  const param = new URLSearchParams(location.search).get('bundle');
  if (param === null || param.trim() === '') return null;
  const url = new URL(param.endsWith('/') ? param : `${param}/`, location.href);
  return url.origin === location.origin ? { url, required: true } : 'foreign';
}

/** The manifest, or null where there is none (a static server's fallback page is not a manifest). */
export async function fetchManifest(bundle: BundleLocation): Promise<BundleManifest | null> {
  const url = new URL('manifest.json', bundle.url);
  const response = await fetch(url, { cache: 'no-cache' });
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  if (!response.ok || !isJson) {
    if (bundle.required) throw new Error(`No published dashboard at ${url.pathname} (HTTP ${response.status})`);
    return null;
  }
  try {
    return parseBundleManifest(await response.json());
  } catch (error) {
    throw new Error(`${url.pathname}: ${errorText(error)}`);
  }
}

export type ManifestReader = (bundle: BundleLocation) => Promise<BundleManifest | null>;

/**
 * One fetch per bundle for one start of the app: the figures painted ahead and the tables loaded
 * then read the same manifest (fetched once, not twice; and never two versions of it).
 */
export function manifestReaderForOneStart(): ManifestReader {
  const fetched = new Map<string, Promise<BundleManifest | null>>();
  return (bundle) => {
    const key = `${bundle.required}:${bundle.url.href}`;
    const manifest = fetched.get(key) ?? fetchManifest(bundle);
    fetched.set(key, manifest);
    return manifest;
  };
}

/**
 * The default view's figures the ETL wrote beside the tables; null where the bundle has none (older
 * bundles) or they cannot be trusted: not found, changed since (SHA-256), damaged or of another
 * version. Never throws: without them the page just waits for the engine.
 */
export async function fetchPreparedFigures(bundle: BundleLocation, manifest: BundleManifest): Promise<PreparedFigures | null> {
  if (!manifest.figures) return null;
  try {
    const bytes = await verifiedBytes(new URL(manifest.figures.file, bundle.url), manifest.figures.sha256);
    return parsePreparedFigures(JSON.parse(new TextDecoder().decode(bytes)), DEFAULT_PIPELINE);
  } catch {
    return null;
  }
}

/**
 * A bundle file's bytes, refused when they do not match the manifest's SHA-256. The manifest is
 * always asked anew and names each file's digest, so a copy in the browser's cache that matches it
 * is that file: it is taken without asking the server (a second visit asked to revalidate every
 * file, a round trip on a phone's network). A cached copy that does not match is fetched anew.
 */
export async function verifiedBytes(url: URL, sha256: string): Promise<Uint8Array> {
  if (!canDigest()) return readBytes(url, 'default');
  const cached = await readBytes(url, 'force-cache').catch(() => null);
  if (cached && (await sha256Hex(cached)) === sha256) return cached;
  const bytes = await readBytes(url, 'no-cache');
  if ((await sha256Hex(bytes)) !== sha256) throw new Error(`${url.pathname} does not match its manifest (SHA-256 differs): the bundle is incomplete or was changed`);
  return bytes;
}

async function readBytes(url: URL, cache: RequestCache): Promise<Uint8Array> {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Web Crypto is unavailable on pages served over plain http from another host: files are then taken unchecked. */
const canDigest = () => Boolean(globalThis.crypto?.subtle);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
