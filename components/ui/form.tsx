import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { ActionState } from "@/lib/actions";

const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-900 shadow-sm focus:border-brand-600 disabled:bg-slate-100 disabled:text-slate-400 aria-[invalid=true]:border-red-600";

type FieldProps = {
  name: string;
  /** When one page holds several forms with the same field name. */
  id?: string;
  /** The label is read by screen readers only (a table whose headers already say it). */
  srLabel?: boolean;
  label: string;
  state: ActionState<unknown>;
  hint?: string;
  children?: ReactNode;
};

function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
}

const describedBy = (id: string, hint?: string, error?: string) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

/** Under a field: its hint, or its error in its place (the ids aria-describedby points to). */
function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="text-sm text-red-700">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="text-xs text-slate-500">
      {hint}
    </p>
  ) : null;
}

export function echoed(state: ActionState<unknown>, name: string, fallback = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? fallback) : fallback;
}

/** A labelled input whose error sits under it, tied by aria-describedby (style.md). */
export function TextField({ name, label, state, hint, defaultValue, id: givenId, srLabel, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const error = fieldError(state, name);
  const id = givenId ?? `f-${name}`;
  const type = input.type ?? "text";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={srLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
        {input.required ? <span className="ml-0.5 text-red-600" aria-hidden="true">*</span> : null}
      </label>
      <input
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
        defaultValue={type === "password" ? undefined : echoed(state, name, (defaultValue as string | undefined) ?? "")}
        key={state.status === "error" ? `${name}-${echoed(state, name)}` : name}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  state,
  options,
  defaultValue,
  hint,
  id: givenId,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const error = fieldError(state, name);
  const id = givenId ?? `f-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
        defaultValue={echoed(state, name, (defaultValue as string | undefined) ?? "")}
        key={state.status === "error" ? `${name}-${echoed(state, name)}` : name}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled text area, its error under it like TextField's. */
export function TextAreaField({ name, label, state, hint, defaultValue, id: givenId, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const error = fieldError(state, name);
  const id = givenId ?? `f-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {area.required ? <span className="ml-0.5 text-red-600" aria-hidden="true">*</span> : null}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
        defaultValue={echoed(state, name, (defaultValue as string | undefined) ?? "")}
        key={state.status === "error" ? `${name}-${echoed(state, name)}` : name}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The form-level message: an error or a confirmation, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (state.status === "idle") return null;
  const error = state.status === "error";
  return (
    <p
      data-testid={error ? "form-error" : "form-success"}
      aria-live="polite"
      className={`rounded border px-3 py-2 text-sm ${error ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-800"}`}
    >
      {state.message}
    </p>
  );
}

export function SubmitButton({ children, pending, variant = "primary" }: { children: ReactNode; pending?: boolean; variant?: "primary" | "secondary" | "danger" }) {
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} className={`rounded px-4 py-1.5 text-sm font-medium disabled:opacity-60 ${styles}`}>
      {pending ? "处理中…" : children}
    </button>
  );
}
