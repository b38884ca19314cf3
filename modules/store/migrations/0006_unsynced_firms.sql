-- Firms registered here and not yet accepted by the server (version 0): each pulled page asks whether
-- there are any (SyncClient's firm adoption); a partial index answers without reading every firm.
CREATE INDEX enterprise_unsynced_idx ON enterprise(uscc) WHERE version = 0;
