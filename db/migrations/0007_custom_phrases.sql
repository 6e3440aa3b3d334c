CREATE TABLE "custom_phrases" (
	"id" text PRIMARY KEY NOT NULL,
	"language_tag" text NOT NULL,
	"translation" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "custom_phrases_language_tag_key" ON "custom_phrases" USING btree ("language_tag");