CREATE TABLE "email_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"language_tag" text NOT NULL,
	"template_type" text NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "email_templates_language_tag_template_type_key" ON "email_templates" USING btree ("language_tag","template_type");