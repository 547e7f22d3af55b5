import { translateServerMessage, useT, type MessageKey } from "~/i18n";
import type { FormFailureData } from "./forms";

export interface RadioOption {
  value: string;
  label: MessageKey;
  description?: MessageKey;
}

/** A radio group as a fieldset with its legend, each choice explained, and the server's errors. */
export function RadioFieldset({
  name,
  legend,
  options,
  defaultValue,
  failure,
}: {
  name: string;
  legend: MessageKey;
  options: RadioOption[];
  defaultValue?: string;
  failure?: FormFailureData;
}) {
  const t = useT();
  const errors = failure?.fieldErrors[name] ?? [];
  const errorId = `field-${name}-error`;
  const checked = failure?.values[name] ?? defaultValue;
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={errors.length ? errorId : undefined}>
      <legend className="mb-1 font-medium text-slate-800">{t(legend)}</legend>
      {options.map((option) => {
        const id = `field-${name}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-3">
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              defaultChecked={checked === option.value}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={option.description ? `${id}-description` : undefined}
              className="mt-1 h-4 w-4 accent-brand-700"
            />
            <div>
              <label htmlFor={id} className="font-medium text-slate-900">
                {t(option.label)}
              </label>
              {option.description ? (
                <p id={`${id}-description`} className="text-sm text-slate-600">
                  {t(option.description)}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      {errors.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.map((error) => translateServerMessage(t, error)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
