"use client";

// "Leave this page? Your changes are not saved." — asked before a form with
// unsaved edits is left, by closing the tab, reloading, or following a link
// inside the app. The App Router has no navigation event to cancel, so links
// are caught in the capture phase, before Next's <Link> handles the click.
// (The browser's Back button is not caught: there is no way to ask first
// without rewriting history.)
import { useTranslations } from "next-intl";
import { useEffect } from "react";

function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return false;
  const to = new URL(link.href, location.href);
  // A link to a spot on this page leaves nothing.
  return !(to.origin === location.origin && to.pathname === location.pathname && to.search === location.search);
}

/** While `dirty`, asks before the page is left. */
export function useUnsavedChanges(dirty: boolean) {
  const question = useTranslations("ui")("leaveWithUnsavedChanges");
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chromium still wants returnValue set for the prompt to show.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (!leavesThePage(event)) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty, question]);
}
