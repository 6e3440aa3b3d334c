CREATE TABLE "application_sign_in_experiences" (
	"application_id" text PRIMARY KEY NOT NULL,
	"color" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"branding" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"display_name" text,
	"terms_of_use_url" text,
	"privacy_policy_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_sign_in_experiences" ADD CONSTRAINT "application_sign_in_experiences_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;