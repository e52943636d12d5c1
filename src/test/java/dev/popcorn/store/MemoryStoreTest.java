package dev.popcorn.store;

import dev.popcorn.StorePorts;
import dev.popcorn.memory.MemoryStores;

/** The store contract on the in-memory stores: what the fast use-case tests run on keeps the database's promises. */
class MemoryStoreTest extends StoreContract {

    @Override
    StorePorts openStores() {
        return new MemoryStores();
    }
}
