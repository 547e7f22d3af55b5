import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT, type MessageKey } from "~/i18n";
import type { CommunityVisibility } from "./community-badges";
import { Field, FormMessage, buttonClass, inputClass, type FormFailureData } from "./forms";
import { RadioFieldset } from "./radio-fieldset";

export interface CommunityFormValues {
  name: string;
  slug: string;
  description: string;
  themes: string[];
  color: string;
  coverImageUrl: string | null;
  visibility: CommunityVisibility;
}

/** Creating and editing a community: the same fields, prefilled when editing. */
export function CommunityForm({
  visibilities,
  values,
  failure,
  submitLabel,
  children,
}: {
  visibilities: readonly CommunityVisibility[];
  values?: CommunityFormValues;
  failure?: FormFailureData;
  submitLabel: MessageKey;
  /** Hidden fields, e.g. the community's id. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Form method="post" className="flex flex-col gap-5" noValidate>
      {children}
      <FormMessage failure={failure} />
      <Field name="name" label="communities.field.name" failure={failure}>
        {(props) => <input {...props} defaultValue={props.defaultValue ?? values?.name} required maxLength={80} className={inputClass} />}
      </Field>
      <Field name="slug" label="communities.field.slug" hint="communities.field.slugHint" failure={failure}>
        {(props) => (
          <input
            {...props}
            defaultValue={props.defaultValue ?? values?.slug}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            minLength={3}
            maxLength={60}
            autoCapitalize="none"
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <Field name="description" label="communities.field.description" hint="communities.field.descriptionHint" failure={failure}>
        {(props) => <textarea {...props} defaultValue={props.defaultValue ?? values?.description} rows={4} maxLength={2000} className={inputClass} />}
      </Field>
      <Field name="themes" label="communities.field.themes" hint="communities.field.themesHint" failure={failure}>
        {(props) => <input {...props} defaultValue={props.defaultValue ?? values?.themes.join(", ")} className={inputClass} />}
      </Field>
      <Field name="color" label="communities.field.color" hint="communities.field.colorHint" failure={failure}>
        {(props) => (
          <input {...props} type="color" defaultValue={props.defaultValue ?? values?.color ?? "#1d5fbf"} className="h-10 w-20 cursor-pointer rounded-md border border-slate-400 bg-white p-1" />
        )}
      </Field>
      <Field name="coverImageUrl" label="communities.field.coverImageUrl" hint="communities.field.coverImageUrlHint" failure={failure}>
        {(props) => <input {...props} type="url" defaultValue={props.defaultValue ?? values?.coverImageUrl ?? ""} placeholder="https://" className={inputClass} />}
      </Field>
      <RadioFieldset
        name="visibility"
        legend="communities.field.visibility"
        defaultValue={values?.visibility ?? "internal"}
        failure={failure}
        options={visibilities.map((visibility) => ({
          value: visibility,
          label: `communities.visibility.${visibility}`,
          description: `communities.visibility.${visibility}.hint`,
        }))}
      />
      <div>
        <button type="submit" name="intent" value="save" className={buttonClass}>
          {t(submitLabel)}
        </button>
      </div>
    </Form>
  );
}
