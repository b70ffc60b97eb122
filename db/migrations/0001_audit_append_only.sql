-- The audit trail is append-only (issue 2 §4): the database itself refuses to change or remove a row.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Records are never hard-deleted: requests and their timeline refuse DELETE (soft delete via deleted_at).
CREATE TRIGGER `requests_no_delete` BEFORE DELETE ON `requests`
BEGIN
  SELECT RAISE(ABORT, 'requests are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_delete` BEFORE DELETE ON `request_events`
BEGIN
  SELECT RAISE(ABORT, 'request events are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_update` BEFORE UPDATE ON `request_events`
BEGIN
  SELECT RAISE(ABORT, 'request events are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `users_no_delete` BEFORE DELETE ON `users`
BEGIN
  SELECT RAISE(ABORT, 'users are never deleted; disable them');
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_no_delete` BEFORE DELETE ON `agencies`
BEGIN
  SELECT RAISE(ABORT, 'agencies are never deleted; set deleted_at');
END;
