import { z } from "zod";
/** The events an administrator may subscribe a webhook to (the test ping is sent on demand, to every webhook). */
export const subscribableEvents = ["question.asked", "answer.accepted", "idea.status_changed", "tutorial.published"] as const;

const eventList = z.preprocess(
  (value) => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? value.split(",") : []),
  z.array(z.enum(subscribableEvents, { message: "webhooks.errors.event" })).min(1, "webhooks.errors.noEvent"),
);

export const webhookSchema = z.object({
  url: z.string().trim().min(1, "errors.required").max(2000, "errors.tooLong").url("webhooks.errors.url"),
  events: eventList,
});
export type WebhookInput = z.input<typeof webhookSchema>;
