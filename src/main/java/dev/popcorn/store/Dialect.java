package dev.popcorn.store;

/**
 * The few statements H2 and PostgreSQL write differently: upserts. Each keeps a write to one
 * row by its primary key, with no read before it and no lock wider than that row.
 */
enum Dialect {
    H2 {
        @Override
        String upsertReports(int rows) {
            return "MERGE INTO reports r USING (VALUES " + Rows.values(rows, "(CAST(? AS BIGINT), CAST(? AS VARCHAR),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR))")
                    + ") v (release_id, user_id, at, fingerprint)"
                    + " ON r.release_id = v.release_id AND r.user_id = v.user_id"
                    + " WHEN MATCHED THEN UPDATE SET updated_at = v.at, fingerprint = COALESCE(v.fingerprint, r.fingerprint)"
                    + " WHEN NOT MATCHED THEN INSERT (release_id, user_id, handed_in_at, updated_at, fingerprint)"
                    + " VALUES (v.release_id, v.user_id, v.at, v.at, v.fingerprint)";
        }

        @Override
        String upsertBallots(int rows) {
            return "MERGE INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt) KEY (user_id, poll_id) VALUES "
                    + Rows.values(rows, "(?, ?, ?, ?, ?)");
        }

        @Override
        String addToTotals(int rows) {
            return "MERGE INTO participation_totals t USING (VALUES "
                    + Rows.values(rows, "(CAST(? AS VARCHAR), CAST(? AS BIGINT))")
                    + ") v (user_id, points) ON t.user_id = v.user_id"
                    + " WHEN MATCHED THEN UPDATE SET points = t.points + v.points"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, points) VALUES (v.user_id, v.points)";
        }

        @Override
        String upsertBallot() {
            return "MERGE INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt) KEY (user_id, poll_id)"
                    + " VALUES (:poll, :user, :candidate, :at, :receipt)";
        }

        @Override
        String upsertReport() {
            return "MERGE INTO reports r USING (VALUES (CAST(:release AS BIGINT), CAST(:user AS VARCHAR), CAST(:at AS TIMESTAMP WITH TIME ZONE)))"
                    + " v (release_id, user_id, at) ON r.release_id = v.release_id AND r.user_id = v.user_id"
                    + " WHEN MATCHED THEN UPDATE SET updated_at = v.at"
                    + " WHEN NOT MATCHED THEN INSERT (release_id, user_id, handed_in_at, updated_at)"
                    + " VALUES (v.release_id, v.user_id, v.at, v.at)";
        }

        @Override
        String upsertUser() {
            return "MERGE INTO users u USING (VALUES (CAST(:id AS VARCHAR), CAST(:name AS VARCHAR), CAST(:at AS TIMESTAMP WITH TIME ZONE)))"
                    + " v (id, name, at) ON u.id = v.id"
                    + " WHEN MATCHED THEN UPDATE SET name = v.name"
                    + " WHEN NOT MATCHED THEN INSERT (id, name, joined_at) VALUES (v.id, v.name, v.at)";
        }

        @Override
        String insertEventIfAbsent() {
            return "MERGE INTO participation_events e USING (VALUES (CAST(:user AS VARCHAR), CAST(:kind AS VARCHAR),"
                    + " CAST(:ref AS VARCHAR), CAST(:points AS INT), CAST(:at AS TIMESTAMP WITH TIME ZONE), CAST(:reason AS VARCHAR)))"
                    + " v (user_id, kind, ref, points, at, reason) ON e.user_id = v.user_id AND e.kind = v.kind AND e.ref = v.ref"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, kind, ref, points, at, reason)"
                    + " VALUES (v.user_id, v.kind, v.ref, v.points, v.at, v.reason)";
        }

        @Override
        String addToTotal() {
            return "MERGE INTO participation_totals t USING (VALUES (CAST(:user AS VARCHAR), CAST(:points AS BIGINT)))"
                    + " v (user_id, points) ON t.user_id = v.user_id"
                    + " WHEN MATCHED THEN UPDATE SET points = t.points + v.points"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, points) VALUES (v.user_id, v.points)";
        }

        @Override
        String insertSupportIfAbsent() {
            return "MERGE INTO wish_supporters s USING (VALUES (CAST(:wish AS BIGINT), CAST(:user AS VARCHAR),"
                    + " CAST(:release AS BIGINT), CAST(:at AS TIMESTAMP WITH TIME ZONE)))"
                    + " v (wish_id, user_id, release_id, at) ON s.wish_id = v.wish_id AND s.user_id = v.user_id"
                    + " WHEN NOT MATCHED THEN INSERT (wish_id, user_id, release_id, supported_at)"
                    + " VALUES (v.wish_id, v.user_id, v.release_id, v.at)";
        }

        @Override
        String insertTaskIfAbsent() {
            return "MERGE INTO outbox o USING (VALUES (CAST(:kind AS VARCHAR), CAST(:ref AS VARCHAR),"
                    + " CAST(:due AS TIMESTAMP WITH TIME ZONE))) v (kind, ref, due) ON o.kind = v.kind AND o.ref = v.ref"
                    + " WHEN NOT MATCHED THEN INSERT (kind, ref, state, attempts, due_at, last_error, created_at)"
                    + " VALUES (v.kind, v.ref, 'PENDING', 0, v.due, '', v.due)";
        }

        @Override
        String upsertTicket() {
            return "MERGE INTO tickets t USING (VALUES (CAST(:key AS VARCHAR), CAST(:summary AS VARCHAR), CAST(:status AS VARCHAR),"
                    + " CAST(:done AS BOOLEAN), CAST(:project AS VARCHAR), CAST(:versions AS VARCHAR), CAST(:labels AS VARCHAR),"
                    + " CAST(:at AS TIMESTAMP WITH TIME ZONE))) v (ticket_key, summary, status, done, project, fix_versions, labels, at)"
                    + " ON t.ticket_key = v.ticket_key"
                    + " WHEN MATCHED THEN UPDATE SET summary = v.summary, status = v.status, done = v.done, project = v.project,"
                    + " fix_versions = v.fix_versions, labels = v.labels, seen_at = v.at"
                    + " WHEN NOT MATCHED THEN INSERT (ticket_key, summary, status, done, project, fix_versions, labels, seen_at)"
                    + " VALUES (v.ticket_key, v.summary, v.status, v.done, v.project, v.fix_versions, v.labels, v.at)";
        }

        @Override
        String insertBadgeIfAbsent() {
            return "MERGE INTO user_badges b USING (VALUES (CAST(:u AS VARCHAR), CAST(:b AS VARCHAR),"
                    + " CAST(:at AS TIMESTAMP WITH TIME ZONE))) v (user_id, badge, at) ON b.user_id = v.user_id AND b.badge = v.badge"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, badge, granted_at) VALUES (v.user_id, v.badge, v.at)";
        }

        @Override
        String insertFollowerIfAbsent() {
            return "MERGE INTO wish_followers f USING (VALUES (CAST(:wish AS BIGINT), CAST(:user AS VARCHAR),"
                    + " CAST(:at AS TIMESTAMP WITH TIME ZONE))) v (wish_id, user_id, at) ON f.wish_id = v.wish_id AND f.user_id = v.user_id"
                    + " WHEN NOT MATCHED THEN INSERT (wish_id, user_id, followed_at) VALUES (v.wish_id, v.user_id, v.at)";
        }

        @Override
        String insertNoticeIfAbsent() {
            return "MERGE INTO wish_notices n USING (VALUES (CAST(:user AS VARCHAR), CAST(:wish AS BIGINT), CAST(:key AS VARCHAR),"
                    + " CAST(:shipsIn AS VARCHAR), CAST(:at AS TIMESTAMP WITH TIME ZONE))) v (user_id, wish_id, ticket_key, ships_in, at)"
                    + " ON n.user_id = v.user_id AND n.wish_id = v.wish_id"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, wish_id, ticket_key, ships_in, at)"
                    + " VALUES (v.user_id, v.wish_id, v.ticket_key, v.ships_in, v.at)";
        }
    },
    POSTGRESQL {
        @Override
        String upsertReports(int rows) {
            return "INSERT INTO reports (release_id, user_id, handed_in_at, updated_at, fingerprint)"
                    + " SELECT v.release_id, v.user_id, v.at, v.at, v.fingerprint FROM (VALUES " + Rows.values(rows,
                            "(CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR))")
                    + ") v (release_id, user_id, at, fingerprint)"
                    + " ON CONFLICT (release_id, user_id) DO UPDATE SET updated_at = EXCLUDED.updated_at,"
                    + " fingerprint = COALESCE(EXCLUDED.fingerprint, reports.fingerprint)";
        }

        @Override
        String upsertBallots(int rows) {
            return "INSERT INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt) VALUES "
                    + Rows.values(rows, "(?, ?, ?, ?, ?)")
                    + " ON CONFLICT (poll_id, user_id) DO UPDATE SET candidate_id = EXCLUDED.candidate_id,"
                    + " cast_at = EXCLUDED.cast_at, receipt = EXCLUDED.receipt";
        }

        @Override
        String addToTotals(int rows) {
            return "INSERT INTO participation_totals (user_id, points) VALUES " + Rows.values(rows, "(?, ?)")
                    + " ON CONFLICT (user_id) DO UPDATE SET points = participation_totals.points + EXCLUDED.points";
        }

        @Override
        String upsertBallot() {
            return "INSERT INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt)"
                    + " VALUES (:poll, :user, :candidate, :at, :receipt)"
                    + " ON CONFLICT (poll_id, user_id) DO UPDATE SET candidate_id = EXCLUDED.candidate_id,"
                    + " cast_at = EXCLUDED.cast_at, receipt = EXCLUDED.receipt";
        }

        @Override
        String upsertReport() {
            return "INSERT INTO reports (release_id, user_id, handed_in_at, updated_at) VALUES (:release, :user, :at, :at)"
                    + " ON CONFLICT (release_id, user_id) DO UPDATE SET updated_at = EXCLUDED.updated_at";
        }

        @Override
        String upsertUser() {
            return "INSERT INTO users (id, name, joined_at) VALUES (:id, :name, :at)"
                    + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name";
        }

        @Override
        String insertEventIfAbsent() {
            return "INSERT INTO participation_events (user_id, kind, ref, points, at, reason)"
                    + " VALUES (:user, :kind, :ref, :points, :at, :reason) ON CONFLICT DO NOTHING";
        }

        @Override
        String insertBadgeIfAbsent() {
            return "INSERT INTO user_badges (user_id, badge, granted_at) VALUES (:u, :b, :at) ON CONFLICT DO NOTHING";
        }

        @Override
        String addToTotal() {
            return "INSERT INTO participation_totals (user_id, points) VALUES (:user, :points)"
                    + " ON CONFLICT (user_id) DO UPDATE SET points = participation_totals.points + EXCLUDED.points";
        }

        @Override
        String insertSupportIfAbsent() {
            return "INSERT INTO wish_supporters (wish_id, user_id, release_id, supported_at)"
                    + " VALUES (:wish, :user, :release, :at) ON CONFLICT DO NOTHING";
        }

        @Override
        String insertTaskIfAbsent() {
            return "INSERT INTO outbox (kind, ref, state, attempts, due_at, last_error, created_at)"
                    + " VALUES (:kind, :ref, 'PENDING', 0, :due, '', :due) ON CONFLICT DO NOTHING";
        }

        @Override
        String upsertTicket() {
            return "INSERT INTO tickets (ticket_key, summary, status, done, project, fix_versions, labels, seen_at)"
                    + " VALUES (:key, :summary, :status, :done, :project, :versions, :labels, :at)"
                    + " ON CONFLICT (ticket_key) DO UPDATE SET summary = EXCLUDED.summary, status = EXCLUDED.status,"
                    + " done = EXCLUDED.done, project = EXCLUDED.project, fix_versions = EXCLUDED.fix_versions,"
                    + " labels = EXCLUDED.labels, seen_at = EXCLUDED.seen_at";
        }

        @Override
        String insertFollowerIfAbsent() {
            return "INSERT INTO wish_followers (wish_id, user_id, followed_at) VALUES (:wish, :user, :at) ON CONFLICT DO NOTHING";
        }

        @Override
        String insertNoticeIfAbsent() {
            return "INSERT INTO wish_notices (user_id, wish_id, ticket_key, ships_in, at)"
                    + " VALUES (:user, :wish, :key, :shipsIn, :at) ON CONFLICT DO NOTHING";
        }
    };

    abstract String upsertBallot();

    /** {@link #upsertBallot} of {@code rows} ballots of distinct voters, bound by position (poll, user, candidate, at, receipt). */
    abstract String upsertBallots(int rows);

    /** {@link #addToTotal} of {@code rows} distinct users, bound by position (user, points). */
    abstract String addToTotals(int rows);

    abstract String upsertReport();

    /**
     * {@link #upsertReport} of {@code rows} reports of distinct authors with their fingerprints (kept as they
     * were where null), bound by position: release, user, at, fingerprint.
     */
    abstract String upsertReports(int rows);

    abstract String upsertUser();

    abstract String insertEventIfAbsent();

    /** Adds points (negative for a revocation) to a user's all-time total, creating the row. */
    abstract String addToTotal();

    abstract String insertSupportIfAbsent();

    abstract String insertTaskIfAbsent();

    abstract String upsertTicket();

    abstract String insertNoticeIfAbsent();

    abstract String insertFollowerIfAbsent();

    abstract String insertBadgeIfAbsent();

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "db.url must start with jdbc:h2: or jdbc:postgresql:, not " + jdbcUrl.split(":", 3)[0]
                        + ":" + (jdbcUrl.contains(":") ? jdbcUrl.split(":", 3)[1] : ""));
    }
}
