ALTER TABLE `request_pauses` ADD `letter_received_date` text;--> statement-breakpoint
-- The status is now derived from the facts (domain.md A7) and a pause before a 补正 restart adds
-- nothing (A4 as amended): open requests lose their derived state here and get it again from
-- the rules at start-up (lib/lifecycle.ts prepareDatabase). No rule is written in SQL.
UPDATE `requests` SET `due_date` = NULL, `due_provisional` = 0, `clock_stopped` = 0 WHERE `outcome` IS NULL AND `deleted_at` IS NULL;
