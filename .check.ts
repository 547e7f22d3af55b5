import fs from "node:fs"; import os from "node:os"; import path from "node:path";
import { sql } from "drizzle-orm";
import { openGuilde } from "./server/guilde";
import { parseConfig } from "./server/config";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-check-"));
const t0 = performance.now();
const g = await openGuilde(parseConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" }));
console.log("openGuilde ms", Math.round(performance.now() - t0));
const q = async (text: string) => (await g.db.execute(sql.raw(text))).rows ?? (await g.db.execute(sql.raw(text)));
console.log(await q(`select
  (select count(*) from communities) communities,
  (select count(*) from posts where kind='question') questions,
  (select count(*) from replies where kind='answer') answers,
  (select count(*) from replies where kind='comment') comments,
  (select count(*) from posts where accepted_answer_id is not null) accepted,
  (select count(*) from replies r join posts p on p.id=r.post_id where r.kind='answer' and r.origin_site_id <> p.origin_site_id) cross_site_answers,
  (select count(*) from posts p join replies r on r.id=p.accepted_answer_id where r.origin_site_id <> p.origin_site_id) cross_site_accepted,
  (select count(*) from posts where answer_count=0 and closed_at is null) unanswered_open,
  (select count(*) from posts where close_reason='duplicate') duplicates,
  (select count(*) from votes) votes,
  (select count(*) from notifications) notifications,
  (select count(*) from notifications where read_at is null) unread,
  (select count(*) from community_members where role='monitor') monitors,
  (select count(*) from community_members where status='pending') pending_members,
  (select count(*) from monitor_applications where status='pending') pending_applications`));
console.log(await q(`select count(*) filter (where r.created_at <= p.created_at) answers_before_question,
  max(r.created_at) latest_reply, min(p.created_at) oldest_question from replies r join posts p on p.id=r.post_id`));
console.log(await q(`select max(created_at) latest_notification, min(created_at) oldest_notification, count(*) filter (where created_at > now() - interval '1 hour') fresh from notifications`));
console.log(await q(`select 'audit' t, count(*) filter (where created_at > now() - interval '1 hour') fresh from audit_log union all select 'votes', count(*) filter (where created_at > now() - interval '1 hour') from votes union all select 'follows', count(*) filter (where created_at > now() - interval '1 hour') from follows union all select 'members', count(*) filter (where joined_at > now() - interval '1 hour') from community_members`));
console.log(await q(`select p.title, extract(epoch from (r.created_at - p.created_at))/3600 as hours_to_answer, s1.city asker, s2.city answerer from posts p join replies r on r.id=p.accepted_answer_id join sites s1 on s1.id=p.origin_site_id join sites s2 on s2.id=r.origin_site_id order by p.created_at`));
console.log(await q(`select u.handle, count(*) filter (where n.read_at is null) unread, count(*) total from notifications n join users u on u.id=n.user_id group by u.handle order by u.handle`));
await g.database.close();
