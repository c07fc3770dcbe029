import { useId, type ReactNode } from "react";

/** The classes of a filter form's control, so every select, date and search box lines up. */
export const FILTER_CONTROL = "mt-1 w-full rounded-md border border-gray-300 bg-white px-2 py-1.5";

/**
 * One labelled control of a GET filter form (a list's kind, user, dates, search):
 * the label is tied to the control through the id `children` receives.
 */
export function FilterField({ label, wide = false, children }: { label: string; /** Two grid columns instead of one (a search box). */ wide?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`text-sm ${wide ? "sm:col-span-2" : "sm:col-span-1"}`}>
      <label htmlFor={id} className="block font-medium text-gray-800">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
