import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCommunity } from "../../server/communities/get-community";
import type { Guilde } from "../../server/context";
import { Forbidden } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import type { Viewer } from "../../server/policy";
import { askQuestion } from "../../server/questions/ask-question";
import { findSimilarQuestions } from "../../server/search/find-similar-questions";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { SimilarQuestions, useSimilarQuestions } from "~/components/similar-questions";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Guilde` : "Guilde" }];

/** The community to ask in: a 404 when the viewer may not see it, a 403 when they may not post there. */
function communityToAskIn(guilde: Guilde, viewer: Viewer, slug: string) {
  return handleLoad(async () => {
    const page = await getCommunity(guilde, { viewer, slug });
    if (!page.may.post) throw new Forbidden();
    return page.community;
  });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await communityToAskIn(context.guilde, viewer, params.slug ?? "");
  return { community: { slug: community.slug, name: community.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await communityToAskIn(context.guilde, viewer, params.slug ?? "");
  const values = await readForm(request);
  // Without JavaScript, "check for similar questions" submits the form: nothing is posted, the form comes back with them.
  if (values.intent === "similar") {
    return { similar: await findSimilarQuestions(context.guilde, { viewer, title: values.title ?? "" }), values };
  }
  return handleForm(values, async () => {
    const { questionId, held } = await askQuestion(context.guilde, { viewer, communityId: community.id, input: values });
    return redirect(held ? noticeHref(`/questions/${questionId}`, "held") : `/questions/${questionId}`);
  });
}

export default function AskQuestion() {
  const { community } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const checked = result && "similar" in result ? result : undefined;
  // The fields keep what was typed after a failure, or after checking for similar questions.
  const filled = failure ?? (checked ? { ok: false as const, message: "", fieldErrors: {}, values: checked.values } : undefined);
  const similar = useSimilarQuestions(checked?.similar ?? null);
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">
          {fillSlots(t("ask.title"), {
            community: (
              <a href={`/c/${community.slug}`} className="text-brand-700 underline underline-offset-2">
                {community.name}
              </a>
            ),
          })}
        </h1>
        <p className="mt-2 text-slate-700">{t("ask.intro")}</p>
      </header>
      <Form method="post" className="flex flex-col gap-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        <FormMessage failure={failure} />
        <Field name="title" label="ask.field.title" hint="ask.field.titleHint" failure={filled}>
          {(props) => <input {...props} required maxLength={150} onChange={(event) => similar.onTitle(event.target.value)} className={inputClass} />}
        </Field>
        <SimilarQuestions questions={similar.questions} />
        <Field name="body" label="ask.field.body" hint="markdown.help" failure={filled}>
          {(props) => <textarea {...props} required rows={12} className={`${inputClass} font-mono text-sm`} />}
        </Field>
        <Field name="tags" label="ask.field.tags" hint="ask.field.tagsHint" failure={filled}>
          {(props) => <input {...props} className={inputClass} />}
        </Field>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass}>
            {t("ask.submit")}
          </button>
          <button type="submit" name="intent" value="similar" className={secondaryButtonClass}>
            {t("similar.check")}
          </button>
          <a href={`/c/${community.slug}`} className={secondaryButtonClass}>
            {t("common.cancel")}
          </a>
        </div>
      </Form>
    </div>
  );
}
