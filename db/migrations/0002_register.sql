CREATE TABLE `import_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`user_id` text NOT NULL,
	`filename` text NOT NULL,
	`bytes` blob NOT NULL,
	`ignore_unknown` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`committed_at` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `requests_agency_status_idx`;--> statement-breakpoint
ALTER TABLE `requests` ADD `seq` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `requests` SET `seq` = rowid;--> statement-breakpoint
ALTER TABLE `requests` ADD `withheld_under_exemptions` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `part_not_available` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_seq_unique` ON `requests` (`seq`);--> statement-breakpoint
CREATE INDEX `requests_agency_outcome_idx` ON `requests` (`agency_id`,`outcome`,`concluded_date`);--> statement-breakpoint
CREATE INDEX `requests_agency_type_idx` ON `requests` (`agency_id`,`applicant_type`,`received_date`);--> statement-breakpoint
CREATE INDEX `requests_agency_handler_idx` ON `requests` (`agency_id`,`handler`,`received_date`);--> statement-breakpoint
CREATE INDEX `requests_agency_status_idx` ON `requests` (`agency_id`,`status`,`received_date`);