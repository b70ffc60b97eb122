-- RENAME COLUMN rewrites the partial live indexes (WHERE deleted_at IS NULL → voided_at IS NULL) in place.
ALTER TABLE `requests` RENAME COLUMN "deleted_at" TO "voided_at";--> statement-breakpoint
ALTER TABLE `requests` RENAME COLUMN "deleted_by" TO "voided_by";--> statement-breakpoint
CREATE TABLE `approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`payload` text NOT NULL,
	`reason` text,
	`levels` integer DEFAULT 1 NOT NULL,
	`levels_done` integer DEFAULT 0 NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`first_approved_by` text,
	`first_approved_at` text,
	`decided_by` text,
	`decided_at` text,
	`decided_date` text,
	`return_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_request_idx` ON `approvals` (`request_id`,`status`);--> statement-breakpoint
CREATE INDEX `approvals_pending_idx` ON `approvals` (`agency_id`,`requested_at`) WHERE status = 'pending';--> statement-breakpoint
DROP INDEX `requests_live_serial_idx`;--> statement-breakpoint
DROP INDEX `requests_id_number_hash_idx`;--> statement-breakpoint
DROP INDEX `requests_phone_hash_idx`;--> statement-breakpoint
DROP INDEX `requests_credit_code_hash_idx`;--> statement-breakpoint
ALTER TABLE `requests` ADD `assigned_at` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `assigned_by` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `accepted_at` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `void_reason` text;--> statement-breakpoint
CREATE INDEX `requests_id_number_hash_idx` ON `requests` (`id_number_hash`) WHERE id_number_hash IS NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_phone_hash_idx` ON `requests` (`phone_hash`) WHERE phone_hash IS NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_credit_code_hash_idx` ON `requests` (`credit_code_hash`) WHERE credit_code_hash IS NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `short_name` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `due_soon_days` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `due_urgent_days` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `approval_levels` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `agencies` ADD `clerk_may_assign` integer DEFAULT false NOT NULL;