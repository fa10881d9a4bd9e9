/**
 * duckdb-wasm is an Emscripten MAIN_MODULE build (so that it could load extensions as side modules),
 * and so exports every one of its 75,011 symbols: 7.4 MB of the eh wasm's 34 MB are export names.
 * Each visit pays for them: V8 decodes them and makes an exports object of 75,011 properties, and
 * the glue copies that object into its symbol tables. The JS around the engine reads 189 of them by
 * name and the engine's own GOT imports name 268 more; only a side module would read the others,
 * and the app loads none (extension loading is off, see ddl.ts, and the CSP allows no foreign wasm).
 * The build keeps the exports that the worker's code or the module's imports name, and drops the
 * rest. The code, data and every other section stay byte for byte.
 */

/** The wasm binary's section ids that matter here (https://webassembly.github.io/spec/core/binary/modules.html). */
const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** Imports that the glue resolves from the module's own exports: its global offset table. */
const OWN_SYMBOL_IMPORTS = /^GOT\.(mem|func)$/;

/** Emscripten's glue installs every `dynCall_<signature>` export it finds (registerDynCallSymbols) without naming each. */
const BY_PREFIX = 'dynCall_';

export interface KeptExports {
  readonly wasm: Uint8Array<ArrayBuffer>;
  readonly kept: number;
  readonly of: number;
}

/**
 * The names a worker's JS could read from the engine's exports: every identifier-like word in it,
 * and the word without its leading underscore (the glue sets `Module._malloc` from export `malloc`;
 * ccall takes "duckdb_web_open" and reads `Module["_duckdb_web_open"]`). Keeping too many is harmless.
 */
export function namesInWorker(source: string): ReadonlySet<string> {
  const names = new Set<string>();
  for (const [word] of source.matchAll(/[A-Za-z_$][\w$]*/g)) {
    names.add(word);
    if (word.startsWith('_')) names.add(word.slice(1));
  }
  return names;
}

/**
 * The wasm with only the exports that `named` holds, its GOT imports name, or whose name starts with
 * `dynCall_`. Throws, naming `file`, when the bytes are not a wasm module with an export section.
 */
export function keepNamedExports(wasm: Uint8Array, named: ReadonlySet<string>, file: string): KeptExports {
  const reader = new WasmReader(wasm, file);
  if (!WASM_MAGIC.every((byte, i) => wasm[i] === byte)) throw new Error(`${file}: not a WebAssembly module`);
  reader.at = 8;
  const ownSymbols = new Set<string>();
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let exportsSeen: { kept: number; of: number } | null = null;
  while (reader.at < wasm.length) {
    const sectionStart = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    const end = reader.at + size;
    if (id === IMPORT_SECTION) for (const { module, name } of reader.imports()) if (OWN_SYMBOL_IMPORTS.test(module)) ownSymbols.add(name);
    if (id === EXPORT_SECTION) {
      const entries = reader.exports();
      const kept = entries.filter(({ name }) => named.has(name) || ownSymbols.has(name) || name.startsWith(BY_PREFIX));
      const body = concat([leb128(kept.length), ...kept.map((e) => e.bytes)]);
      parts.push(Uint8Array.of(EXPORT_SECTION), leb128(body.length), body);
      exportsSeen = { kept: kept.length, of: entries.length };
    } else {
      parts.push(wasm.subarray(sectionStart, end));
    }
    if (reader.at > end) throw new Error(`${file}: section ${id} at byte ${sectionStart} overruns its size`);
    reader.at = end;
  }
  if (!exportsSeen) throw new Error(`${file}: no export section`);
  return { wasm: concat(parts), ...exportsSeen };
}

/** Reads the parts of a wasm binary this module needs, from `at` on. */
class WasmReader {
  at = 0;
  private readonly text = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw new Error(`${this.file}: ends in the middle of a section`);
    return this.bytes[this.at++]!;
  }

  /** An unsigned LEB128 number (memory64 limits included: up to 2^53 stays exact). */
  u32(): number {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) return value;
    }
  }

  name(): string {
    const length = this.u32();
    const start = this.at;
    this.at += length;
    return this.text.decode(this.bytes.subarray(start, this.at));
  }

  *imports(): Generator<{ module: string; name: string }> {
    for (let count = this.u32(); count > 0; count--) {
      const module = this.name();
      const name = this.name();
      this.importDescription();
      yield { module, name };
    }
  }

  exports(): { name: string; bytes: Uint8Array }[] {
    const entries: { name: string; bytes: Uint8Array }[] = [];
    for (let count = this.u32(); count > 0; count--) {
      const start = this.at;
      const name = this.name();
      this.byte(); // kind
      this.u32(); // index
      entries.push({ name, bytes: this.bytes.subarray(start, this.at) });
    }
    return entries;
  }

  private importDescription(): void {
    const kind = this.byte();
    if (kind === 0) return void this.u32(); // function: type index
    if (kind === 1) return void (this.byte(), this.limits()); // table: element type, limits
    if (kind === 2) return this.limits(); // memory
    if (kind === 3) return void (this.byte(), this.byte()); // global: value type, mutability
    if (kind === 4) return void (this.byte(), this.u32()); // tag: attribute, type index
    throw new Error(`${this.file}: unknown import kind ${kind} at byte ${this.at - 1}`);
  }

  private limits(): void {
    const flags = this.u32();
    this.u32();
    if (flags & 1) this.u32();
  }
}

function leb128(value: number): Uint8Array {
  const bytes: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Uint8Array.from(bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
