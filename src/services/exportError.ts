/** An export that cannot be used, with the file it came from: every message names the file. */
export class ExportError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}
