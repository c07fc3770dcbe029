/** A titled box; `flush` for a table, which then runs from edge to edge under the title. */
export function Card({ title, children, id, flush = false }: { title: string; children: React.ReactNode; id: string; flush?: boolean }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-gray-200 bg-white">
      <h2 id={id} className="border-b border-gray-200 px-4 py-2.5 font-semibold text-gray-900 sm:px-6">
        {title}
      </h2>
      <div className={flush ? "py-2" : "px-4 py-4 sm:px-6"}>{children}</div>
    </section>
  );
}
