CREATE TABLE "attempt_counters" (
	"action" text NOT NULL,
	"target_hash" text NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "attempt_counters_action_target_hash_pk" PRIMARY KEY("action","target_hash")
);
