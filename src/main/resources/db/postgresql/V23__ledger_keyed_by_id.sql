-- PostgreSQL only; H2's V23 is in db/h2, where the table is rebuilt to be keyed by its id. PostgreSQL keeps
-- rows apart from every index, so only the index H2 drops goes here too: (user_id, id) (a fan's grants by
-- id sort the fan's own rows found by (user_id, at)). One index fewer for every grant to write.
DROP INDEX participation_events_by_user_id;
