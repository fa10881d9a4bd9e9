import type { EngineModuleMessage } from './earlyEngine';
/**
 * duckdb-wasm's own worker script, wrapped (loaded here with importScripts) so that:
 * - the engine's 34 MB wasm is fetched and compiled the moment this worker starts, which the boot
 *   script (src/ui/bootEngine.ts) does before the app's own code has even been evaluated, instead of
 *   when the app asks duckdb-wasm to instantiate (~0.5 s later, after React and i18n are set up);
 * - it is compiled from the fetch's own Response. duckdb-wasm pipes the response through a
 *   TransformStream to report download progress; V8 keeps the compiled code of a module between
 *   visits only when it was streamed from a Response that came from the HTTP cache, never from a
 *   constructed one, so every visit compiled the engine again (~2.8 s here).
 * The query string carries the URLs: ?wasm=<engine's .wasm>&worker=<duckdb-wasm's worker script>.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope & { importScripts(...urls: string[]): void };
const params = new URL(scope.location.href).searchParams;
const wasmUrl = new URL(params.get('wasm') ?? '', scope.location.href).href;
const duckdbWorkerUrl = new URL(params.get('worker') ?? '', scope.location.href).href;

/** The engine's module, compiled by the page (earlyEngine.ts) and sent as the first message. */
const compiled = new Promise<WebAssembly.Module>((resolve, reject) => {
  const onModule = (event: MessageEvent<EngineModuleMessage>) => {
    if (!event.data || typeof event.data !== 'object' || !('leadloopEngineModule' in event.data || 'leadloopEngineModuleError' in event.data)) return;
    // Not for duckdb-wasm's own message handler, which is added after this one.
    event.stopImmediatePropagation();
    scope.removeEventListener('message', onModule);
    if ('leadloopEngineModule' in event.data) resolve(event.data.leadloopEngineModule);
    else reject(new Error(`The engine could not be compiled: ${event.data.leadloopEngineModuleError}`));
  };
  scope.addEventListener('message', onModule);
});
compiled.catch(() => undefined);

const fetchOriginal = scope.fetch.bind(scope);
const instantiateStreamingOriginal = WebAssembly.instantiateStreaming.bind(WebAssembly);
let engineTaken = false;

/**
 * duckdb-wasm fetches the engine's wasm itself (and would download it a second time): the first
 * request for that URL answers an empty response, and the instantiation after it uses the module
 * compiled above. Every other request goes through untouched.
 */
scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input), scope.location.href).href;
  if (!engineTaken && url === wasmUrl) return Promise.resolve(new Response(null, { status: 200 }));
  return fetchOriginal(input, init);
};

WebAssembly.instantiateStreaming = async (source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports) => {
  if (engineTaken) return instantiateStreamingOriginal(source, imports);
  engineTaken = true;
  const module = await compiled;
  const instance = await WebAssembly.instantiate(module, imports);
  return { module, instance };
};

scope.importScripts(duckdbWorkerUrl);
