-- The audit chain is keyed from here on (issue 13): each row's transaction number, covered by its MAC.
-- Rows chained before have none (lib/audit/chain.ts verifies them with plain SHA-256).
ALTER TABLE `audit_log` ADD `commit_seq` integer;
