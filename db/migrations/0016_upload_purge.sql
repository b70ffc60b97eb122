-- Issue 13, item 1: uploads stored by earlier versions hold whole ledgers in clear. They are
-- dropped, not converted (whoever was about to confirm one uploads it again); the connection
-- runs with secure_delete on and db/index.ts vacuums after this migration, so no page keeps them.
DROP TABLE `import_uploads`;--> statement-breakpoint
CREATE TABLE `import_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`user_id` text NOT NULL,
	`filename` text NOT NULL,
	`bytes_enc` blob NOT NULL,
	`ignore_unknown` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_uploads_created_idx` ON `import_uploads` (`created_at`);
