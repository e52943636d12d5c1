package dev.popcorn.store.transfer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A table's rows in one number: the sum, modulo 2^256, of each row's SHA-256 over its values' texts ({@link Kind}).
 * A sum does not depend on the order the rows were read in, which H2 and PostgreSQL sort text keys differently in;
 * rows are distinct by their primary key, so a row lost, added or changed changes the sum.
 */
final class Checksum {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final MessageDigest digest;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(List<String> row) {
        for (String value : row) {
            if (value == null) {
                digest.update((byte) 0);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 1);
                digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8),
                        (byte) bytes.length});
                digest.update(bytes);
            }
        }
        sum = sum.add(new BigInteger(1, digest.digest())).mod(MODULUS);
        rows++;
    }

    long rows() {
        return rows;
    }

    String hex() {
        return String.format("%064x", sum);
    }
}
