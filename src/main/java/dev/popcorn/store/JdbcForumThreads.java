package dev.popcorn.store;

import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumThreadStore;
import java.util.Optional;

/** The forum threads Popcorn keeps, one row per key; saving replaces the row. */
final class JdbcForumThreads implements ForumThreadStore {

    private final Db db;
    private final DatabaseIdentity identity;

    JdbcForumThreads(Db db, DatabaseIdentity identity) {
        this.db = db;
        this.identity = identity;
    }

    @Override
    public String database() {
        return identity.id();
    }

    @Override
    public Optional<Kept> find(String key) {
        return db.with(h -> h
                .createQuery("SELECT thread_key, topic_id, post_id, url, fingerprint, updated_at FROM forum_threads"
                        + " WHERE thread_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new Kept(rs.getString("thread_key"),
                        new Forum.Posted(rs.getLong("topic_id"), rs.getLong("post_id"), rs.getString("url")),
                        rs.getString("fingerprint"), Db.instant(rs, "updated_at")))
                .findOne());
    }

    @Override
    public void save(Kept thread) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE forum_threads SET topic_id = :topic, post_id = :post, url = :url,"
                    + " fingerprint = :fingerprint, updated_at = :at WHERE thread_key = :key")
                    .bind("key", thread.key()).bind("topic", thread.posted().topicId())
                    .bind("post", thread.posted().postId())
                    .bind("url", thread.posted().url()).bind("fingerprint", thread.fingerprint())
                    .bind("at", thread.updatedAt())
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO forum_threads (thread_key, topic_id, post_id, url, fingerprint, updated_at)"
                        + " VALUES (:key, :topic, :post, :url, :fingerprint, :at)")
                        .bind("key", thread.key()).bind("topic", thread.posted().topicId())
                        .bind("post", thread.posted().postId()).bind("url", thread.posted().url())
                        .bind("fingerprint", thread.fingerprint()).bind("at", thread.updatedAt()).execute();
            }
            return updated;
        }));
    }
}
