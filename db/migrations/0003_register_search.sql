-- Free-text search of the register (serial, applicant, content) without scanning the table:
-- a contentless FTS5 index with the trigram tokenizer (substring matches, Chinese included),
-- keyed by requests.seq and kept in step by triggers.
CREATE VIRTUAL TABLE `requests_fts` USING fts5(serial, applicant_name, content, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `requests_fts_insert` AFTER INSERT ON `requests`
BEGIN
  INSERT INTO requests_fts(rowid, serial, applicant_name, content) VALUES (new.seq, new.serial, new.applicant_name, new.content);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_fts_update` AFTER UPDATE OF serial, applicant_name, content ON `requests`
BEGIN
  DELETE FROM requests_fts WHERE rowid = old.seq;
  INSERT INTO requests_fts(rowid, serial, applicant_name, content) VALUES (new.seq, new.serial, new.applicant_name, new.content);
END;
--> statement-breakpoint
INSERT INTO requests_fts(rowid, serial, applicant_name, content) SELECT seq, serial, applicant_name, content FROM requests;
