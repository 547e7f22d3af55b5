-- A community's counts of listed questions (neither deleted nor hidden), unanswered and solved ones,
-- kept by the database itself in the transaction of every change to `posts`: asking, answering,
-- accepting, deleting, hiding, approving, moving, whatever service or script makes it. Statement-level
-- triggers with transition tables, so that a bulk load updates each community once, not once per row.
CREATE FUNCTION "posts_count_in_communities"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "communities" c SET
      "question_count" = c."question_count" + d.questions,
      "unanswered_count" = c."unanswered_count" + d.unanswered,
      "solved_count" = c."solved_count" + d.solved
    FROM (
      SELECT "community_id", count(*)::int AS questions, count(*) FILTER (WHERE "answer_count" = 0)::int AS unanswered,
        count(*) FILTER (WHERE "accepted_answer_id" IS NOT NULL)::int AS solved
      FROM new_posts WHERE "kind" = 'question' AND "deleted_at" IS NULL AND "hidden_at" IS NULL
      GROUP BY "community_id"
    ) d
    WHERE c."id" = d."community_id";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "communities" c SET
      "question_count" = c."question_count" - d.questions,
      "unanswered_count" = c."unanswered_count" - d.unanswered,
      "solved_count" = c."solved_count" - d.solved
    FROM (
      SELECT "community_id", count(*)::int AS questions, count(*) FILTER (WHERE "answer_count" = 0)::int AS unanswered,
        count(*) FILTER (WHERE "accepted_answer_id" IS NOT NULL)::int AS solved
      FROM old_posts WHERE "kind" = 'question' AND "deleted_at" IS NULL AND "hidden_at" IS NULL
      GROUP BY "community_id"
    ) d
    WHERE c."id" = d."community_id";
  ELSE
    -- Each row counts -1 as it was and +1 as it is; most updates (a vote, a second answer) change nothing.
    UPDATE "communities" c SET
      "question_count" = c."question_count" + d.questions,
      "unanswered_count" = c."unanswered_count" + d.unanswered,
      "solved_count" = c."solved_count" + d.solved
    FROM (
      SELECT "community_id", sum(sign)::int AS questions, sum(sign * ("answer_count" = 0)::int)::int AS unanswered,
        sum(sign * ("accepted_answer_id" IS NOT NULL)::int)::int AS solved
      FROM (
        SELECT 1 AS sign, "community_id", "answer_count", "accepted_answer_id" FROM new_posts
        WHERE "kind" = 'question' AND "deleted_at" IS NULL AND "hidden_at" IS NULL
        UNION ALL
        SELECT -1, "community_id", "answer_count", "accepted_answer_id" FROM old_posts
        WHERE "kind" = 'question' AND "deleted_at" IS NULL AND "hidden_at" IS NULL
      ) changes
      GROUP BY "community_id"
    ) d
    WHERE c."id" = d."community_id" AND (d.questions <> 0 OR d.unanswered <> 0 OR d.solved <> 0);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "posts_count_inserted" AFTER INSERT ON "posts" REFERENCING NEW TABLE AS new_posts
  FOR EACH STATEMENT EXECUTE FUNCTION "posts_count_in_communities"();--> statement-breakpoint
CREATE TRIGGER "posts_count_updated" AFTER UPDATE ON "posts" REFERENCING OLD TABLE AS old_posts NEW TABLE AS new_posts
  FOR EACH STATEMENT EXECUTE FUNCTION "posts_count_in_communities"();--> statement-breakpoint
CREATE TRIGGER "posts_count_deleted" AFTER DELETE ON "posts" REFERENCING OLD TABLE AS old_posts
  FOR EACH STATEMENT EXECUTE FUNCTION "posts_count_in_communities"();--> statement-breakpoint
-- The counts of what is already there.
UPDATE "communities" c SET
  "question_count" = d.questions, "unanswered_count" = d.unanswered, "solved_count" = d.solved
FROM (
  SELECT "community_id", count(*)::int AS questions, count(*) FILTER (WHERE "answer_count" = 0)::int AS unanswered,
    count(*) FILTER (WHERE "accepted_answer_id" IS NOT NULL)::int AS solved
  FROM "posts" WHERE "kind" = 'question' AND "deleted_at" IS NULL AND "hidden_at" IS NULL
  GROUP BY "community_id"
) d
WHERE c."id" = d."community_id";
