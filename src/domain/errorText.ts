/** What an error says, for a message to the user: thrown values need not be Errors. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
