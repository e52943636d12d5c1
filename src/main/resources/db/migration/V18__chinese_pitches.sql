-- A candidate's one-line pitch in Chinese beside the English one, empty when nobody gave one (pages then show
-- the English pitch), as its title (V16).
ALTER TABLE candidates ADD COLUMN pitch_zh VARCHAR(400) DEFAULT '' NOT NULL;
