package dev.popcorn.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2GroupCommitIT extends GroupCommitContract {

    @TempDir
    Path data;

    @Override
    Store.Settings freshDatabase() {
        return new Store.Settings("jdbc:h2:file:" + data.resolve("popcorn") + ";WRITE_DELAY=0", "", "", 8);
    }
}
