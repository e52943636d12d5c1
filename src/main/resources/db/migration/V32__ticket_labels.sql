-- The labels a ticket held when the tracker last showed it, and since then as Popcorn's own label edits left them
-- (one per line). NULL: saved before this version, not known; a label edit then takes off every managed label
-- the ticket should not carry, as before.
ALTER TABLE tickets ADD COLUMN labels VARCHAR(2000);
