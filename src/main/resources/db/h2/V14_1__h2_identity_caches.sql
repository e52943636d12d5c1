-- H2 only (Store adds this folder for H2). An identity column hands out 32 numbers, then writes its next
-- value to the database in a transaction of its own: a durable commit in the middle of every 32 ledger rows
-- of a batch (ADR 0020). With 4,096 that is one in 4,096. A crash loses at most the numbers not yet used
-- (a gap in the ids), never gives one twice. PostgreSQL keeps its default: its cache is per connection,
-- and ids from two connections would no longer follow the order the rows were written in.
ALTER TABLE participation_events ALTER COLUMN id SET CACHE 4096;
ALTER TABLE wishes ALTER COLUMN id SET CACHE 4096;
ALTER TABLE audit_log ALTER COLUMN id SET CACHE 4096;
ALTER TABLE outbox ALTER COLUMN id SET CACHE 4096;
