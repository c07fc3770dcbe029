import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

export function FieldError({ children, id, role }: { children: ReactNode; id?: string; role?: "alert" }) {
  return (
    <p id={id} role={role} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

const CONTROL = "mt-1 block w-full rounded-md border px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

/**
 * The label, hint and errors around one control, tied to it: `control` gets
 * the id, aria attributes and border classes to spread on the input or select.
 */
function Field({
  label,
  errors,
  hint,
  className,
  control,
}: {
  label: string;
  errors?: string[];
  hint?: ReactNode;
  className: string;
  control: (attributes: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; border: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      {control({
        id,
        "aria-invalid": invalid || undefined,
        "aria-describedby": [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined,
        border: invalid ? "border-red-500" : "border-gray-300",
      })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      )}
      {invalid && <FieldError id={errorId}>{errors!.join(" ")}</FieldError>}
    </div>
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
  return (
    <Field
      label={label}
      errors={errors}
      hint={hint}
      className={className}
      control={({ border, ...aria }) => <input {...aria} className={`${CONTROL} shadow-xs ${border}`} {...props} />}
    />
  );
}

/** A labelled select (its `<option>`s as children), like TextField. */
export function SelectField({
  label,
  errors,
  hint,
  className = "",
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <Field
      label={label}
      errors={errors}
      hint={hint}
      className={className}
      control={({ border, ...aria }) => (
        <select {...aria} className={`${CONTROL} bg-white ${border}`} {...props}>
          {children}
        </select>
      )}
    />
  );
}
