-- `expertise_answers` holds exactly the answers that make a monitor's expertise, kept by the database in
-- the transaction of every change to an answer or to its question (voting, accepting, deleting, hiding,
-- retagging, moving), whatever service or script makes it. Which answers count is said once, here: visible
-- answers with a positive score or accepted, on a question not deleted (a hidden question's answers still
-- count, as they did when routing read them from `replies`). A new post has no answers yet, and a post
-- with answers cannot be deleted (they reference it), so inserting or deleting posts changes nothing.
CREATE FUNCTION "expertise_answers_refresh"(reply_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "expertise_answers" WHERE "reply_id" = ANY(reply_ids);
  INSERT INTO "expertise_answers" ("reply_id", "author_id", "community_id", "tags")
  SELECT r."id", r."author_id", q."community_id", q."tags"
  FROM "replies" r JOIN "posts" q ON q."id" = r."post_id"
  WHERE r."id" = ANY(reply_ids) AND r."kind" = 'answer' AND r."deleted_at" IS NULL AND r."hidden_at" IS NULL
    AND (r."score" > 0 OR q."accepted_answer_id" = r."id") AND q."deleted_at" IS NULL;
END;
$$;--> statement-breakpoint
-- Statement-level triggers with transition tables, as for the community counts, so that a bulk load
-- refreshes its answers in one pass; an update refreshes only the rows whose standing may have changed
-- (most votes do not move a score across zero).
CREATE FUNCTION "replies_refresh_expertise"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "expertise_answers_refresh"(ARRAY(SELECT "id" FROM new_replies));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "expertise_answers_refresh"(ARRAY(SELECT "id" FROM old_replies));
  ELSE
    PERFORM "expertise_answers_refresh"(ARRAY(
      SELECT n."id" FROM new_replies n JOIN old_replies o ON o."id" = n."id"
      WHERE (o."kind", o."post_id", o."author_id", o."score" > 0, o."deleted_at" IS NULL, o."hidden_at" IS NULL)
        IS DISTINCT FROM (n."kind", n."post_id", n."author_id", n."score" > 0, n."deleted_at" IS NULL, n."hidden_at" IS NULL)));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "posts_refresh_expertise"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "expertise_answers_refresh"(ARRAY(
    SELECT r."id" FROM new_posts n JOIN old_posts o ON o."id" = n."id" JOIN "replies" r ON r."post_id" = n."id"
    WHERE (o."accepted_answer_id", o."tags", o."community_id", o."deleted_at" IS NULL)
      IS DISTINCT FROM (n."accepted_answer_id", n."tags", n."community_id", n."deleted_at" IS NULL)));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "replies_expertise_inserted" AFTER INSERT ON "replies" REFERENCING NEW TABLE AS new_replies
  FOR EACH STATEMENT EXECUTE FUNCTION "replies_refresh_expertise"();--> statement-breakpoint
CREATE TRIGGER "replies_expertise_updated" AFTER UPDATE ON "replies" REFERENCING OLD TABLE AS old_replies NEW TABLE AS new_replies
  FOR EACH STATEMENT EXECUTE FUNCTION "replies_refresh_expertise"();--> statement-breakpoint
CREATE TRIGGER "replies_expertise_deleted" AFTER DELETE ON "replies" REFERENCING OLD TABLE AS old_replies
  FOR EACH STATEMENT EXECUTE FUNCTION "replies_refresh_expertise"();--> statement-breakpoint
CREATE TRIGGER "posts_expertise_updated" AFTER UPDATE ON "posts" REFERENCING OLD TABLE AS old_posts NEW TABLE AS new_posts
  FOR EACH STATEMENT EXECUTE FUNCTION "posts_refresh_expertise"();--> statement-breakpoint
-- The answers already there.
SELECT "expertise_answers_refresh"(ARRAY(SELECT "id" FROM "replies" WHERE "kind" = 'answer'));
