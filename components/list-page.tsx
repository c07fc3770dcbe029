import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

/**
 * A top-level list of records (contacts, leads, signature requests): the
 * header with the list's name and its way to add one, the content padded below.
 */
export function ListPage({ title, action, className = "", children }: { title: string; action: ReactNode; className?: string; children: ReactNode }) {
  return (
    <>
      <PageHeader crumbs={[{ label: title }]} actions={action} />
      <div className={`px-4 py-5 sm:px-6 ${className}`}>{children}</div>
    </>
  );
}
