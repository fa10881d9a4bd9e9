import { useState, type ReactNode } from 'react';

/**
 * A chart's figures as a table behind a disclosure: exact values, and the chart's selections and
 * drill-downs for keyboards and screen readers. The table renders only while open, so a closed one
 * adds nothing to a cross-filter's redraw.
 */
export function TableDisclosure({ summary, testId, children }: { summary: string; testId: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="table-disclosure" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
