package io.mqttworkbench.testsupport;

import io.mqttworkbench.profile.KeyringAccess;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A keyring that keeps its entries in memory: the "a keyring answers" side of the profiles, on any machine. */
public final class InMemoryKeyring implements KeyringAccess {
    public final Map<String, String> entries = new ConcurrentHashMap<>();
    public final AtomicInteger writes = new AtomicInteger();
    /** Set to make every write fail, as a keyring that refuses does. */
    public volatile boolean refuseWrites;

    @Override
    public String name() {
        return "the test keyring";
    }

    @Override
    public String read(String account) {
        return entries.get(account);
    }

    @Override
    public void write(String account, String secret) throws IOException {
        if (refuseWrites) {
            throw new IOException("the test keyring refused a write: locked");
        }
        writes.incrementAndGet();
        entries.put(account, secret);
    }

    @Override
    public void delete(String account) {
        entries.remove(account);
    }
}
