// A titled part of a page: its <h2> names the <section> (a landmark that
// getByRole("region", { name }) finds), with an optional intro under the title
// and actions beside it. Three looks: "plain" on the page background, "card" a
// white box around padded content (a form, a few facts), "panel" a white box
// whose title sits in a bar above content that runs to its edges (a table, a list).
import { useId, type ReactNode } from "react";

export type SectionLook = "plain" | "card" | "panel";

const LOOKS: Record<SectionLook, { section: string; titleBar: string }> = {
  plain: { section: "space-y-3", titleBar: "" },
  card: { section: "space-y-3 rounded-lg border border-gray-200 bg-white p-4", titleBar: "" },
  panel: { section: "rounded-lg border border-gray-200 bg-white", titleBar: "border-b border-gray-200 px-4 py-2.5" },
};

export function Section({
  title,
  intro,
  actions,
  look = "plain",
  className = "",
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** Buttons or links beside the title (a "Run now", an "Add"). */
  actions?: ReactNode;
  look?: SectionLook;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const heading = (
    <h2 id={id} className="text-base font-semibold text-gray-900">
      {title}
    </h2>
  );
  const titled = intro ? (
    <div>
      {heading}
      <div className="text-sm text-gray-600">{intro}</div>
    </div>
  ) : (
    heading
  );
  return (
    <section aria-labelledby={id} className={`${LOOKS[look].section} ${className}`}>
      {actions ? (
        <div className={`flex flex-wrap items-start justify-between gap-3 ${LOOKS[look].titleBar}`}>
          {titled}
          <div className="flex items-center gap-2">{actions}</div>
        </div>
      ) : (
        <div className={LOOKS[look].titleBar}>{titled}</div>
      )}
      {children}
    </section>
  );
}
