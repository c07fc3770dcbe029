import { FieldError } from "./form";

/** The outcome line next to a form's submit button: green when saved, red (announced) when refused; hidden while pending or edited since. */
export function FormStatus({ state, pending, dirty }: { state: { ok: boolean; message: string }; pending: boolean; dirty: boolean }) {
  if (pending || dirty || !state.message) return null;
  return state.ok ? (
    <p role="status" className="text-sm font-medium text-green-700">
      {state.message}
    </p>
  ) : (
    <FieldError role="alert">{state.message}</FieldError>
  );
}
