package dev.popcorn.store;

import java.util.Map;

/** Forgetting a user on the embedded database (the test server's own, in its temporary data folder). */
class H2ForgetIT extends ForgetContract {

    @Override
    Map<String, String> freshDatabase() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
