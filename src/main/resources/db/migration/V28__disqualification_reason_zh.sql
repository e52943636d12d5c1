-- A disqualification's public reason in Chinese beside the English one (issue 28, item 14), empty when the lead gave
-- none (pages then show the English reason), as a candidate's title (V16) and pitch (V18).
ALTER TABLE candidates ADD COLUMN reason_zh VARCHAR(1000) DEFAULT '' NOT NULL;
