DROP INDEX `requests_agency_received_idx`;--> statement-breakpoint
DROP INDEX `requests_agency_concluded_idx`;--> statement-breakpoint
DROP INDEX `requests_agency_status_idx`;--> statement-breakpoint
DROP INDEX `requests_agency_outcome_idx`;--> statement-breakpoint
DROP INDEX `requests_agency_type_idx`;--> statement-breakpoint
DROP INDEX `requests_agency_handler_idx`;--> statement-breakpoint
CREATE INDEX `requests_live_received_idx` ON `requests` (`agency_id`,`received_date`,`seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_concluded_idx` ON `requests` (`agency_id`,`concluded_date`,`seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_status_idx` ON `requests` (`agency_id`,`status`,`received_date`,`seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_outcome_idx` ON `requests` (`agency_id`,`outcome`,`received_date`,`seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_type_idx` ON `requests` (`agency_id`,`applicant_type`,`received_date`,`seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_handler_idx` ON `requests` (`agency_id`,`handler`,`received_date`,`seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `requests_live_serial_idx` ON `requests` (`agency_id`,`serial`) WHERE deleted_at IS NULL;