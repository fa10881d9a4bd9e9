/**
 * Input the ETL cannot use (no files, an unreadable mapping, an output folder it must not replace):
 * the CLI prints the message on one line and exits with 1. Unusable exports are ExportErrors
 * (src/services/exportError.ts), which name the export the same way.
 */
export class EtlError extends Error {
  override readonly name = 'EtlError';
}

/** The run was cancelled (Ctrl+C); nothing was written. */
export class EtlCancelled extends Error {
  override readonly name = 'EtlCancelled';
  constructor() {
    super('cancelled; nothing was written');
  }
}
