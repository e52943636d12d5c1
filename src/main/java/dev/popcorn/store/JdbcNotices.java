package dev.popcorn.store;

import dev.popcorn.app.feedback.NoticeStore;
import dev.popcorn.domain.feedback.WishNotice;
import java.time.Instant;
import java.util.List;

final class JdbcNotices implements NoticeStore {

    private final Db db;

    JdbcNotices(Db db) {
        this.db = db;
    }

    @Override
    public boolean add(WishNotice notice) {
        return db.with(h -> h.createUpdate(db.dialect().insertNoticeIfAbsent())
                .bind("user", notice.userId()).bind("wish", notice.wishId()).bind("key", notice.ticketKey())
                .bind("shipsIn", notice.shipsIn()).bind("at", notice.at())
                .execute()) > 0;
    }

    @Override
    public List<WishNotice> of(String userId, int limit) {
        return db.with(h -> h.createQuery("SELECT n.user_id, n.wish_id, w.text, n.ticket_key, n.ships_in, n.at"
                + " FROM wish_notices n JOIN wishes w ON w.id = n.wish_id WHERE n.user_id = :u ORDER BY n.at DESC LIMIT :limit")
                .bind("u", userId).bind("limit", limit)
                .map((rs, ctx) -> new WishNotice(rs.getString("user_id"), rs.getLong("wish_id"), rs.getString("text"),
                        rs.getString("ticket_key"), rs.getString("ships_in"), Db.instant(rs, "at")))
                .list());
    }

    @Override
    public boolean follow(long wishId, String userId, Instant at) {
        return db.with(h -> h.createUpdate(db.dialect().insertFollowerIfAbsent())
                .bind("wish", wishId).bind("user", userId).bind("at", at).execute()) > 0;
    }

    @Override
    public boolean unfollow(long wishId, String userId) {
        return db.with(h -> h.createUpdate("DELETE FROM wish_followers WHERE wish_id = :wish AND user_id = :user")
                .bind("wish", wishId).bind("user", userId).execute()) > 0;
    }

    @Override
    public boolean follows(long wishId, String userId) {
        return db.with(
                h -> h.createQuery("SELECT COUNT(*) FROM wish_followers WHERE wish_id = :wish AND user_id = :user")
                        .bind("wish", wishId).bind("user", userId).mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<String> followers(long wishId) {
        return db.with(h -> h.createQuery("SELECT user_id FROM wish_followers WHERE wish_id = :wish ORDER BY user_id")
                .bind("wish", wishId).mapTo(String.class).list());
    }
}
