package io.camelbricks.it;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The shared idempotent repository of a node, journalling each key it stored ({@code STORED <key>}, after the
 * database accepted it): from the journals the test knows exactly which exchanges a killed node had in flight (an
 * {@code EVENT} without its {@code STORED}).
 */
final class RecordingIdempotentRepository extends ServiceSupport implements IdempotentRepository {
    private final IdempotentRepository shared;
    private final NodeJournal journal;

    RecordingIdempotentRepository(IdempotentRepository shared, NodeJournal journal) {
        this.shared = shared;
        this.journal = journal;
    }

    @Override
    public boolean add(String key) {
        boolean added = shared.add(key);
        journal.append("STORED " + key);
        return added;
    }

    @Override
    public boolean contains(String key) {
        return shared.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return shared.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return shared.confirm(key);
    }

    @Override
    public void clear() {
        shared.clear();
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(shared);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(shared);
    }
}
