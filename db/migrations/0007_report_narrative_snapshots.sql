CREATE TABLE `report_narratives` (
	`agency_id` text NOT NULL,
	`year` integer NOT NULL,
	`overview` text NOT NULL,
	`problems` text NOT NULL,
	`other` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`agency_id`, `year`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`year` integer NOT NULL,
	`include_children` integer DEFAULT false NOT NULL,
	`data` text NOT NULL,
	`narrative` text NOT NULL,
	`override_reason` text,
	`frozen_at` text NOT NULL,
	`frozen_by` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_snapshots_agency_year_idx` ON `report_snapshots` (`agency_id`,`year`,`frozen_at`);--> statement-breakpoint
CREATE TRIGGER `report_snapshots_no_update` BEFORE UPDATE ON `report_snapshots`
BEGIN
  SELECT RAISE(ABORT, 'a finalized report is never changed; finalize again');
END;
--> statement-breakpoint
CREATE TRIGGER `report_snapshots_no_delete` BEFORE DELETE ON `report_snapshots`
BEGIN
  SELECT RAISE(ABORT, 'a finalized report is never deleted');
END;
