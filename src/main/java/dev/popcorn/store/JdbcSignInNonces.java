package dev.popcorn.store;

import dev.popcorn.app.identity.SignInNonces;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Used sign-in nonces as rows, by their SHA-256 (a nonce is longer than a key should be); the
 * primary key lets only the first instance that records a nonce win.
 */
final class JdbcSignInNonces implements SignInNonces {

    private final Db db;

    JdbcSignInNonces(Db db) {
        this.db = db;
    }

    @Override
    public boolean use(String nonce, Instant expiresAt) {
        String hash = sha256(nonce);
        return db.with(h -> {
            try {
                return h.createUpdate("INSERT INTO used_sign_in_nonces (nonce_hash, expires_at) SELECT :hash, :at"
                        + " WHERE NOT EXISTS (SELECT 1 FROM used_sign_in_nonces WHERE nonce_hash = :hash)")
                        .bind("hash", hash).bind("at", expiresAt).execute() == 1;
            } catch (UnableToExecuteStatementException e) {
                if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("23")) {
                    return false; // the primary key: used a moment ago, here or on another instance
                }
                throw e;
            }
        });
    }

    @Override
    public int purge(Instant now) {
        return db.with(h -> h.createUpdate("DELETE FROM used_sign_in_nonces WHERE expires_at < :now").bind("now", now)
                .execute());
    }

    @Override
    public long count() {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM used_sign_in_nonces").mapTo(Long.class).one());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
