CREATE TABLE `appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`request_id` text NOT NULL,
	`case_number` text NOT NULL,
	`kind` text NOT NULL,
	`after_review` integer DEFAULT false NOT NULL,
	`filed_date` text NOT NULL,
	`deciding_body` text,
	`decision` text,
	`result` text NOT NULL,
	`decided_date` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` text,
	`updated_at` text,
	`updated_by` text,
	`deleted_at` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_agency_case_unique` ON `appeals` (`agency_id`,`case_number`);--> statement-breakpoint
CREATE INDEX `appeals_agency_decided_idx` ON `appeals` (`agency_id`,`decided_date`);--> statement-breakpoint
CREATE INDEX `appeals_agency_filed_idx` ON `appeals` (`agency_id`,`filed_date`);--> statement-breakpoint
CREATE INDEX `appeals_request_idx` ON `appeals` (`request_id`);--> statement-breakpoint
CREATE TABLE `proactive_figures` (
	`agency_id` text NOT NULL,
	`year` integer NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`agency_id`, `year`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_baselines` (
	`agency_id` text NOT NULL,
	`year` integer NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`agency_id`, `year`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER `appeals_no_delete` BEFORE DELETE ON `appeals`
BEGIN
  SELECT RAISE(ABORT, 'appeals are never deleted; set deleted_at');
END;
