-- A team's name in Chinese beside the English one, empty when nobody gave one (pages then show the English name),
-- as a candidate's title (V16).
ALTER TABLE teams ADD COLUMN name_zh VARCHAR(80) DEFAULT '' NOT NULL;
-- A fan who nominates in Chinese may give the project's title in English too, empty when they did not: an accepted
-- nomination then becomes a candidate with both titles, each read by its own readers.
ALTER TABLE nominations ADD COLUMN title_en VARCHAR(120) DEFAULT '' NOT NULL;
