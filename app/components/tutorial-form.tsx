import { Form } from "@remix-run/react";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { useT } from "~/i18n";

export const difficulties = ["beginner", "intermediate", "advanced"] as const;

export interface TutorialFormValues {
  title: string;
  summary: string;
  body: string;
  tags: string;
  difficulty: string;
  minutes: string;
  videoUrl: string;
  videoUploadId: string;
}

/**
 * The write and edit forms. The video is a file (sent with the form, streamed to storage) or a link
 * to an allowed host; without JavaScript the form works the same.
 */
export function TutorialForm({
  values,
  failure,
  currentVideo,
  draft,
  cancelHref,
  maxMegabytes,
  videoHosts,
}: {
  values: TutorialFormValues | null;
  failure?: FormFailureData;
  /** On edit: what the tutorial has now. */
  currentVideo: { kind: "upload" | "link"; label: string } | null;
  /** A new tutorial or a draft: it may be saved as a draft or published. */
  draft: boolean;
  cancelHref: string;
  maxMegabytes: number;
  videoHosts: string[];
}) {
  const t = useT();
  // After a failure the form shows what was sent; otherwise what is stored.
  const filled: FormFailureData | undefined = failure ?? (values ? { ok: false, message: "", fieldErrors: {}, values: { ...values } } : undefined);
  const uploadId = filled?.values.videoUploadId ?? "";
  return (
    <Form method="post" encType="multipart/form-data" className="flex flex-col gap-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <FormMessage failure={failure} />
      <Field name="title" label="tutorial.field.title" hint="tutorial.field.titleHint" failure={filled}>
        {(props) => <input {...props} required maxLength={150} className={inputClass} />}
      </Field>
      <Field name="summary" label="tutorial.field.summary" hint="tutorial.field.summaryHint" failure={filled}>
        {(props) => <textarea {...props} required rows={2} maxLength={300} className={inputClass} />}
      </Field>
      <Field name="body" label="tutorial.field.steps" hint="tutorial.field.stepsHint" failure={filled}>
        {(props) => <textarea {...props} required rows={14} className={`${inputClass} font-mono text-sm`} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="difficulty" label="tutorial.field.difficulty" failure={filled}>
          {(props) => (
            <select {...props} defaultValue={props.defaultValue ?? "beginner"} className={inputClass}>
              {difficulties.map((difficulty) => (
                <option key={difficulty} value={difficulty}>
                  {t(`tutorial.difficulty.${difficulty}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="minutes" label="tutorial.field.minutes" failure={filled}>
          {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={10000} required className={inputClass} />}
        </Field>
      </div>
      <Field name="tags" label="ask.field.tags" hint="ask.field.tagsHint" failure={filled}>
        {(props) => <input {...props} className={inputClass} />}
      </Field>
      <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-medium text-slate-800">{t("tutorial.field.video")}</legend>
        <p className="text-sm text-slate-600">{t("tutorial.field.videoHint")}</p>
        {currentVideo ? (
          <div className="flex flex-col gap-2 text-sm">
            <p>{t("tutorial.field.currentVideo", { video: currentVideo.label })}</p>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" name="removeVideo" value="true" />
              {t("tutorial.field.removeVideo")}
            </label>
          </div>
        ) : null}
        {uploadId ? (
          <>
            <input type="hidden" name="videoUploadId" value={uploadId} />
            <p className="text-sm text-slate-700">{t("tutorial.field.uploadKept")}</p>
          </>
        ) : null}
        <Field name="video" label="tutorial.field.videoFile" failure={failure}>
          {({ defaultValue: _unused, ...props }) => (
            <input {...props} type="file" accept="video/mp4,video/webm" className="text-sm" />
          )}
        </Field>
        <p className="text-sm text-slate-600">{t("tutorial.field.videoFileHint", { megabytes: maxMegabytes })}</p>
        <Field name="videoUrl" label="tutorial.field.videoUrl" failure={filled}>
          {(props) => <input {...props} type="url" maxLength={500} placeholder="https://" className={inputClass} />}
        </Field>
        <p className="text-sm text-slate-600">{t("tutorial.field.videoUrlHint", { hosts: videoHosts.join(", ") })}</p>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        {draft ? (
          <>
            <button type="submit" name="intent" value="publish" className={buttonClass}>
              {t("tutorial.publish")}
            </button>
            <button type="submit" name="intent" value="draft" className={secondaryButtonClass}>
              {t("tutorial.saveDraft")}
            </button>
          </>
        ) : (
          <button type="submit" name="intent" value="save" className={buttonClass}>
            {t("tutorial.save")}
          </button>
        )}
        <a href={cancelHref} className={secondaryButtonClass}>
          {t("common.cancel")}
        </a>
      </div>
    </Form>
  );
}
