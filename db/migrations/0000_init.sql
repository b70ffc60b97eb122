CREATE TABLE `agencies` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	`deleted_at` text,
	FOREIGN KEY (`parent_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_code_unique` ON `agencies` (`code`);--> statement-breakpoint
CREATE INDEX `agencies_parent_idx` ON `agencies` (`parent_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`agency_id` text,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`result` text NOT NULL,
	`changes` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_object_idx` ON `audit_log` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor_id` text,
	`kind` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`data` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`serial` text NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`channel` text,
	`arrived_date` text,
	`confirmed_date` text,
	`received_date` text NOT NULL,
	`received_date_reason` text,
	`applicant_type` text NOT NULL,
	`applicant_name` text NOT NULL,
	`id_number_enc` text,
	`id_number_hash` text,
	`credit_code_enc` text,
	`credit_code_hash` text,
	`phone_enc` text,
	`phone_hash` text,
	`address` text,
	`email` text,
	`content` text NOT NULL,
	`requested_form` text,
	`delivery_method` text,
	`outcome` text,
	`concluded_date` text,
	`reply_number` text,
	`handler` text,
	`handler_user_id` text,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`fee_yuan` text,
	`fee_paid_date` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text,
	`updated_at` text,
	`updated_by` text,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_agency_serial_unique` ON `requests` (`agency_id`,`serial`);--> statement-breakpoint
CREATE INDEX `requests_agency_received_idx` ON `requests` (`agency_id`,`received_date`);--> statement-breakpoint
CREATE INDEX `requests_agency_concluded_idx` ON `requests` (`agency_id`,`concluded_date`);--> statement-breakpoint
CREATE INDEX `requests_agency_status_idx` ON `requests` (`agency_id`,`status`);--> statement-breakpoint
CREATE INDEX `requests_id_number_hash_idx` ON `requests` (`id_number_hash`);--> statement-breakpoint
CREATE INDEX `requests_phone_hash_idx` ON `requests` (`phone_hash`);--> statement-breakpoint
CREATE INDEX `requests_credit_code_hash_idx` ON `requests` (`credit_code_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`last_seen_at` text,
	`revoked_at` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`password_changed_at` text,
	`last_login_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (lower("username"));--> statement-breakpoint
CREATE INDEX `users_agency_idx` ON `users` (`agency_id`);