DROP INDEX `requests_live_received_idx`;--> statement-breakpoint
DROP INDEX `requests_live_concluded_idx`;--> statement-breakpoint
CREATE INDEX `requests_live_fee_idx` ON `requests` (`agency_id`,`fee_paid_date`,`concluded_date`,`fee_yuan`) WHERE deleted_at IS NULL AND fee_yuan IS NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_live_received_idx` ON `requests` (`agency_id`,`received_date`,`seq`,`applicant_type`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_concluded_idx` ON `requests` (`agency_id`,`concluded_date`,`seq`,`outcome`,`applicant_type`,`received_date`) WHERE deleted_at IS NULL;