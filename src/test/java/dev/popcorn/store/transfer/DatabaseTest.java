package dev.popcorn.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the transfer commands print of a database's address: where it is, never how to get in. */
class DatabaseTest {

    @Test
    void aPrintedAddressKeepsTheSchemaAndLosesEveryCredential() {
        assertThat(Database
                .masked("jdbc:postgresql://popcorn:s3cret@db.example:5432/popcorn?currentSchema=week&password=s3cret"
                        + "&sslpassword=s3cret&ssl=true&user=popcorn"))
                .isEqualTo("jdbc:postgresql://db.example:5432/popcorn?currentSchema=week&ssl=true");
        assertThat(Database.masked("jdbc:postgresql://db.example/popcorn?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db.example/popcorn");
        assertThat(Database.masked("jdbc:h2:file:/srv/popcorn/popcorn;PASSWORD=s3cret;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/srv/popcorn/popcorn");
    }
}
