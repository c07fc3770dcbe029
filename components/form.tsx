import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Button } from "./button";

export function FieldError({ children, id, role }: { children: ReactNode; id?: string; role?: "alert" }) {
  return (
    <p id={id} role={role} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

/**
 * The label above a form control, in the one style every form uses. `hidden`:
 * read by screen readers only, for a control whose purpose shows (a search box
 * with its placeholder, the note box under the chatter's title).
 */
export function FieldLabel({ htmlFor, hidden = false, children }: { htmlFor: string; hidden?: boolean; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className={hidden ? "sr-only" : "block text-sm font-medium text-gray-800"}>
      {children}
    </label>
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
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {control({
        id,
        "aria-invalid": invalid || undefined,
        "aria-describedby": [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined,
        border: invalid ? "border-red-500" : "border-gray-300",
      })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-gray-600">
          {hint}
        </p>
      )}
      {invalid && <FieldError id={errorId}>{errors!.join(" ")}</FieldError>}
    </div>
  );
}

/** What every labelled control takes besides its own attributes. */
interface FieldFrame {
  label: string;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
}

/** Splits a field's props into the frame (label, hint, errors, wrapper class) and the control's own attributes. */
function splitFrame<P extends FieldFrame>({ label, errors, hint, className = "", ...control }: P) {
  return [{ label, errors, hint, className }, control] as const;
}

/** A labelled input whose errors are announced and tied to it (aria-describedby). */
export function TextField(props: InputHTMLAttributes<HTMLInputElement> & FieldFrame) {
  const [frame, input] = splitFrame(props);
  return <Field {...frame} control={({ border, ...aria }) => <input {...aria} className={`${CONTROL} shadow-xs ${border}`} {...input} />} />;
}

/** A labelled select (its `<option>`s as children), like TextField. */
export function SelectField(props: SelectHTMLAttributes<HTMLSelectElement> & FieldFrame) {
  const [frame, { children, ...select }] = splitFrame(props);
  return (
    <Field
      {...frame}
      control={({ border, ...aria }) => (
        <select {...aria} className={`${CONTROL} bg-white ${border}`} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled multi-line text area, like TextField. */
export function TextAreaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldFrame) {
  const [frame, textarea] = splitFrame(props);
  return <Field {...frame} control={({ border, ...aria }) => <textarea {...aria} className={`${CONTROL} shadow-xs ${border}`} {...textarea} />} />;
}

/**
 * One choice among a few, as radio buttons under a legend. `inline`: the
 * choices side by side rather than one under the other. Controlled with
 * `value` and `onChange`, or left to the form with `defaultValue`.
 */
export function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  defaultValue,
  onChange,
  inline = false,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value?: V;
  defaultValue?: V;
  onChange?: (value: V) => void;
  inline?: boolean;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-gray-800">{legend}</legend>
      <div className={`mt-2 text-sm ${inline ? "flex flex-wrap gap-4" : "space-y-1"}`}>
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={option.value}
              {...(value === undefined ? { defaultChecked: option.value === defaultValue } : { checked: option.value === value })}
              onChange={onChange && (() => onChange(option.value))}
              className="accent-brand-600"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A checkbox with its label and a line of explanation under the label, the
 * box aligned with the label's first line. `compact`: the smaller spacing and
 * hint of a block inside a card.
 */
export function CheckboxField({
  label,
  hint,
  compact = false,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & { label: string; hint: ReactNode; compact?: boolean }) {
  const id = useId();
  return (
    <div className={`flex items-start ${compact ? "gap-2" : "gap-3"}`}>
      <input id={id} type="checkbox" className="mt-0.5 size-4 rounded border-gray-300 accent-brand-600" {...props} />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-gray-900">
          {label}
        </label>
        <p className={`${compact ? "text-xs" : "text-sm"} text-gray-600`}>{hint}</p>
      </div>
    </div>
  );
}

/**
 * A group of checkboxes sharing one field name (a key's scopes, an endpoint's
 * events), each with a title and a hint, and the group's errors under it.
 */
export function CheckboxGroup<V extends string>({
  legend,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; title: ReactNode; hint: ReactNode }[];
  /** The values ticked at first (or as kept after a refusal). */
  checked: readonly string[];
  errors?: string[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-gray-800">{legend}</legend>
      <div className="mt-1 space-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
            <span>
              {option.title}
              <span className="block text-gray-600">{option.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {errors && <FieldError>{errors.join(" ")}</FieldError>}
    </fieldset>
  );
}

/**
 * A form's submit button with, beside it, what the form says there (its
 * answer, a cost, a cancel link): `children`. `wrap` lets them flow onto a
 * second line on narrow screens.
 */
export function SubmitRow({
  label,
  pendingLabel,
  pending,
  wrap = false,
  className = "",
  children,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  wrap?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`flex ${wrap ? "flex-wrap " : ""}items-center gap-3${className ? ` ${className}` : ""}`}>
      <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
        {label}
      </Button>
      {children}
    </div>
  );
}
