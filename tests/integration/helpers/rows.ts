/** The rows in the order of their file (a query's own order is not part of its contract). */
export const inFileOrder = <R extends Record<string, unknown>>(rows: R[]): R[] => [...rows].sort((a, b) => Number(a._line) - Number(b._line));
