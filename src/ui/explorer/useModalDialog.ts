import { useEffect, useRef, type RefObject } from 'react';

/**
 * Runs a native <dialog> as a modal while the component is mounted: the page behind it becomes
 * inert (keyboard and screen readers stay inside), Escape asks the caller to close, and focus goes
 * back to whatever opened it (the KPI card's button) when it goes away.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, onClose: () => void): void {
  // The latest onClose without re-running the effect (which would close and reopen the dialog).
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Escape fires "cancel": the caller decides (it unmounts us), so the browser must not close alone.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    // Chromium may still close on a repeated Escape; tell the caller then too.
    const onClosed = () => close.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClosed);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClosed);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [ref]);
}
