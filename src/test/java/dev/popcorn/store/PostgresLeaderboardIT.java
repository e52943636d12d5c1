package dev.popcorn.store;

import java.sql.SQLException;

/** The leaderboards on PostgreSQL, in a schema of their own; skipped with a message without a server, unless CI=true. */
class PostgresLeaderboardIT extends LeaderboardContract {

    private PostgresSchema schema;

    @Override
    Store.Settings freshDatabase() throws SQLException {
        schema = PostgresSchema.create("popcorn_boards_");
        return schema.settings(4);
    }

    @Override
    void dropDatabase() throws SQLException {
        schema.drop();
    }
}
