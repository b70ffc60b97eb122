CREATE TABLE `calendar_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor_id` text,
	`moved` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_changes_year_idx` ON `calendar_changes` (`year`,`id`);--> statement-breakpoint
CREATE TABLE `request_pauses` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text,
	`updated_at` text,
	`updated_by` text,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_pauses_request_idx` ON `request_pauses` (`request_id`);--> statement-breakpoint
ALTER TABLE `calendar_days` ADD `name` text;--> statement-breakpoint
ALTER TABLE `calendar_years` ADD `entered_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `requests` ADD `supplement_notice_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `supplement_deadline` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `supplemented_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_approved_by` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_approved_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `extension_notice_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `delayed_reply_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `delayed_notice_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `reply_delivery` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `reply_delivered_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `due_date` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `due_provisional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `clock_stopped` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_live_due_idx` ON `requests` (`agency_id`,`due_date`,`seq`) WHERE deleted_at IS NULL AND due_date IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER `request_pauses_no_delete` BEFORE DELETE ON `request_pauses`
BEGIN
  SELECT RAISE(ABORT, 'pauses are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `calendar_changes_no_delete` BEFORE DELETE ON `calendar_changes`
BEGIN
  SELECT RAISE(ABORT, 'calendar changes are never deleted');
END;
