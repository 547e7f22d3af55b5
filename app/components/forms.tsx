import { useEffect, useRef, type ReactNode } from "react";
import { translateServerMessage, useT, type MessageKey } from "~/i18n";

/** What an action returns when the service refused the input (see server/http/respond.ts). */
export interface FormFailureData {
  ok: false;
  message: string;
  messageParams?: Record<string, number>;
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
}

export function isFormFailure(value: unknown): value is FormFailureData {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

interface FieldProps {
  name: string;
  /** Needed when a page has several forms with a field of the same name (a comment form per answer). */
  id?: string;
  label: MessageKey;
  failure?: FormFailureData;
  hint?: MessageKey;
  children: (props: {
    id: string;
    name: string;
    "aria-invalid": boolean | undefined;
    "aria-describedby": string | undefined;
    defaultValue: string | undefined;
  }) => ReactNode;
}

/** A labelled field with its hint and the server's errors wired to it for assistive technology. */
export function Field({ name, id = `field-${name}`, label, failure, hint, children }: FieldProps) {
  const t = useT();
  const errors = failure?.fieldErrors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {t(label)}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {t(hint)}
        </p>
      ) : null}
      {children({
        id,
        name,
        "aria-invalid": errors.length ? true : undefined,
        "aria-describedby": describedBy || undefined,
        defaultValue: failure?.values[name],
      })}
      {errors.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.map((error) => translateServerMessage(t, error)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The message for the whole form: announced to screen readers and focused when it appears. */
export function FormMessage({ failure }: { failure?: FormFailureData }) {
  const t = useT();
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) alert.current?.focus();
  }, [failure]);
  if (!failure) return null;
  const formErrors = failure.fieldErrors.form ?? [failure.message];
  return (
    <div ref={alert} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {formErrors.map((error) => translateServerMessage(t, error, failure.messageParams)).join(" ")}
    </div>
  );
}

export const inputClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-600";
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100";
