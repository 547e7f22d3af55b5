-- The embedded search engine: trigram similarity and accent folding (both trusted extensions, so a
-- database owner may create them; PGlite loads them in db/client.ts first).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- Stop-word filters that pass every other word on (accept = false): each language's configuration
-- also drops the other language's stop words, so "the" never matches through French stemming nor
-- "les" through English.
CREATE TEXT SEARCH DICTIONARY guilde_english_stopwords (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY guilde_french_stopwords (TEMPLATE = pg_catalog.simple, STOPWORDS = french, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guilde_en (COPY = pg_catalog.english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guilde_en ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH guilde_french_stopwords, unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guilde_fr (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guilde_fr ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH guilde_english_stopwords, unaccent, french_stem;;--> statement-breakpoint
-- Every word as written, accents removed, stop words kept: duplicate detection weighs words by rarity
-- instead, and a title about "who" or "whom" is all about its stop words.
CREATE TEXT SEARCH CONFIGURATION guilde_simple (COPY = pg_catalog.simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guilde_simple ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH unaccent, simple;
