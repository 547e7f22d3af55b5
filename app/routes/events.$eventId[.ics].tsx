import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventCalendar } from "../../server/community-events/event-calendar";
import { handleLoad, requireUser } from "../../server/http/respond";

/** "Add to my calendar": the event as an .ics file, for whoever may see the event. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { filename, content } = await handleLoad(() =>
    eventCalendar(context.guilde, { viewer, eventId: params.eventId ?? "", origin: new URL(request.url).origin }),
  );
  return new Response(content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
