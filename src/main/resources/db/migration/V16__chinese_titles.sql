-- Optional Chinese titles beside the English ones: a feature's summary and a candidate's title, empty when
-- nobody gave one (pages then show the English one).
ALTER TABLE features ADD COLUMN summary_zh VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE candidates ADD COLUMN title_zh VARCHAR(120) DEFAULT '' NOT NULL;
