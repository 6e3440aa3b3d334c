CREATE TABLE "hook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"hook_id" text NOT NULL,
	"event" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"response_status" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hooks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"events" jsonb NOT NULL,
	"url" text NOT NULL,
	"sealed_headers" text,
	"sealed_signing_key" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hook_deliveries" ADD CONSTRAINT "hook_deliveries_hook_id_hooks_id_fk" FOREIGN KEY ("hook_id") REFERENCES "public"."hooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hook_deliveries_hook_id_created_at_idx" ON "hook_deliveries" USING btree ("hook_id","created_at");--> statement-breakpoint
CREATE INDEX "hook_deliveries_created_at_idx" ON "hook_deliveries" USING btree ("created_at");