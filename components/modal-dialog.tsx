"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

// The first field a dialog opens on: what the user came to type into.
const FIRST_FIELD = 'textarea:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled])';

/**
 * A modal on the native <dialog> element: focus is trapped and restored by the
 * browser, Escape closes it, and it is announced as a dialog named by its title.
 * It opens with the cursor in its first field (the browser alone would focus
 * the first focusable element, the "×" button, where typing goes nowhere and
 * a space closes the dialog).
 */
export function ModalDialog({
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const t = useTranslations("ui");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // No close() on cleanup: it would fire "close" (and onClose) on React's
  // development double-mount; removing the element closes the modal anyway.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>(`[data-dialog-body] :is(${FIRST_FIELD})`)?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${wide ? "max-w-2xl" : "max-w-lg"} rounded-lg bg-white p-0 text-gray-900 shadow-xl backdrop:bg-gray-900/40`}
    >
      <div className="flex items-center justify-between border-b border-gray-200 px-5 py-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <button type="button" onClick={onClose} aria-label={t("closeDialog")} className="rounded p-1 text-gray-600 hover:bg-gray-100 hover:text-gray-800">
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
            <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
          </svg>
        </button>
      </div>
      <div data-dialog-body className="space-y-4 px-5 py-4">
        {children}
      </div>
      {footer && <div className="flex flex-wrap justify-end gap-2 border-t border-gray-200 bg-gray-50 px-5 py-3">{footer}</div>}
    </dialog>
  );
}
