-- Application numbers are given by the clients (offline too); the server keeps them unique by giving a
-- number already taken the next free one (SyncService, "Application numbers"). This index serves that
-- look-up.
CREATE INDEX application_number_idx ON application(number);
