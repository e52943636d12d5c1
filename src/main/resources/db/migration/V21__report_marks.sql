-- The marks of each report's comment sketch (CommentSketch: the smallest hashes of their shingles), one row each,
-- so that the reports sharing marks with a new one are found by an index: a near copy (a word added, comments
-- moved between features) earns nothing, as an exact copy did (issue 26). reports.fingerprint keeps the sketch.
CREATE TABLE report_marks (
    release_id BIGINT NOT NULL,
    user_id    VARCHAR(120) NOT NULL,
    mark       VARCHAR(8) NOT NULL,
    PRIMARY KEY (release_id, user_id, mark)
);
CREATE INDEX report_marks_by_mark ON report_marks (mark);
