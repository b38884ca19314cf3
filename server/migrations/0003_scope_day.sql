-- Schema version 3: the day (China time) up to which SyncService::startDay() has applied the scope
-- changes that come with the date alone: an authorization recorded before its first valid day makes
-- its firm visible to the covered banks on that day, with no write that would re-stamp the firm.
ALTER TABLE sync_clock ADD COLUMN scope_day TEXT NOT NULL DEFAULT '';
