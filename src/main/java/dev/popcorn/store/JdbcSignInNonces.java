package dev.popcorn.store;

import dev.popcorn.app.identity.SignInNonces;
import java.time.Instant;
import java.util.Optional;

/** Sign-in nonces as rows; taking one deletes it, and only the instance whose delete removed the row wins. */
final class JdbcSignInNonces implements SignInNonces {

    private final Db db;

    JdbcSignInNonces(Db db) {
        this.db = db;
    }

    @Override
    public void add(String nonce, Instant createdAt, String nextPath) {
        db.with(h -> h.createUpdate("INSERT INTO sign_in_nonces (nonce, created_at, next_path) VALUES (:nonce, :at, :next)")
                .bind("nonce", nonce).bind("at", createdAt).bind("next", nextPath).execute());
    }

    @Override
    public Optional<Issued> take(String nonce) {
        return db.inTransaction(() -> db.with(h -> {
            Optional<Issued> issued = h.createQuery("SELECT created_at, next_path FROM sign_in_nonces WHERE nonce = :nonce")
                    .bind("nonce", nonce)
                    .map((rs, ctx) -> new Issued(Db.instant(rs, "created_at"), rs.getString("next_path")))
                    .findOne();
            int deleted = h.createUpdate("DELETE FROM sign_in_nonces WHERE nonce = :nonce").bind("nonce", nonce).execute();
            return deleted == 1 ? issued : Optional.<Issued>empty();
        }));
    }

    @Override
    public int purge(Instant before) {
        return db.with(h -> h.createUpdate("DELETE FROM sign_in_nonces WHERE created_at < :before").bind("before", before)
                .execute());
    }
}
