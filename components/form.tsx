import { useId, type InputHTMLAttributes, type ReactNode } from "react";

export function FieldError({ children, id, role }: { children: ReactNode; id?: string; role?: "alert" }) {
  return (
    <p id={id} role={role} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

/** A labelled input whose errors are announced and tied to it (aria-describedby). */
export function TextField({
  label,
  errors,
  hint,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[]; hint?: ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 ${
          invalid ? "border-red-500" : "border-gray-300"
        }`}
        {...props}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-gray-600">
          {hint}
        </p>
      )}
      {invalid && <FieldError id={errorId}>{errors!.join(" ")}</FieldError>}
    </div>
  );
}
