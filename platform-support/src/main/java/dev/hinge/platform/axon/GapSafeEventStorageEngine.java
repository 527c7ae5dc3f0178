package dev.hinge.platform.axon;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL: Axon's JDBC engine, except that a reader's token never passes a global index that may still appear.
 * <p>
 * Axon lets a token pass a missing index and remembers it as a gap, which it forgets when the events after it are older
 * than the gap timeout, more than {@code maxGapOffset} indexes behind, or cleaned after 250 gaps: an event whose append
 * transaction commits late is then never read. Here each append transaction takes its transaction id before its global
 * index ({@code V5__global_index_after_transaction_id.sql}), so the transaction holding a missing index had its id when
 * the index was seen missing: it was then committed (and will be read), rolled back, or listed as in progress in a
 * snapshot taken just after. A batch is cut before the first missing index that is not proven permanent; an index is
 * proven permanent when every transaction in progress in the snapshot taken after it was first seen missing has ended,
 * as seen from a snapshot taken before a later read that still does not return it. So Axon's gap cleaning only ever
 * forgets indexes that can never appear, and a read model never skips an event, whatever the timing.
 * <p>
 * Cost: a snapshot query before each read; a late transaction holds the readers back until it ends (they do not
 * pass it); a rolled-back append costs one extra read when it is first seen. Indexes proven permanent are remembered
 * (shared by every processor of this service) so a replay proves each only once.
 */
public class GapSafeEventStorageEngine extends JdbcEventStorageEngine {
    private static final int REMEMBERED_MISSING_INDEXES = 100_000;
    private static final String SNAPSHOT = "select pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text, "
            + "array(select x::text from pg_snapshot_xip(s) as x) from pg_current_snapshot() as s";

    private final TransactionManager transactionManager;
    private final long lowestGlobalSequence;
    /** Missing indexes, with the snapshot taken just after each was first seen missing. */
    private final ConcurrentSkipListMap<Long, Snapshot> missing = new ConcurrentSkipListMap<>();
    private final AtomicLong clock = new AtomicLong();

    public GapSafeEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                     long lowestGlobalSequence) {
        super(builder);
        this.transactionManager = transactionManager;
        this.lowestGlobalSequence = lowestGlobalSequence;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        for (int read = 0; ; read++) {
            Snapshot before = snapshot();
            List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
            Walk walk = walk(lastToken, events, before);
            if (!walk.newlyMissing().isEmpty()) {
                Snapshot after = snapshot();
                walk.newlyMissing().forEach(index -> missing.putIfAbsent(index, after));
                forgetOldest();
            }
            // indexes first seen missing in this read may be rollbacks long gone: one more read proves them at once
            if (walk.keep() == events.size() || walk.newlyMissing().isEmpty() || read == 1) {
                return events.subList(0, walk.keep());
            }
        }
    }

    private record Walk(int keep, List<Long> newlyMissing) {
    }

    private Walk walk(TrackingToken lastToken, List<? extends TrackedEventData<?>> events, Snapshot before) {
        long next = lastToken == null ? lowestGlobalSequence : ((GapAwareTrackingToken) lastToken).getIndex() + 1;
        int keep = events.size();
        List<Long> newlyMissing = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            long index = ((GapAwareTrackingToken) events.get(i).trackingToken()).getIndex();
            if (index < next) {
                continue; // fills one of the token's gaps
            }
            if (!missing.isEmpty()) {
                missing.remove(index);
            }
            for (long absent = next; absent < index; absent++) {
                Snapshot seen = missing.get(absent);
                if (seen == null) {
                    newlyMissing.add(absent);
                }
                if ((seen == null || !seen.provesPermanentBy(before)) && keep == events.size()) {
                    keep = i;
                }
            }
            next = index + 1;
        }
        return new Walk(keep, newlyMissing);
    }

    private void forgetOldest() {
        while (missing.size() > REMEMBERED_MISSING_INDEXES) {
            missing.pollFirstEntry(); // only costs one more read if it is met again
        }
    }

    private Snapshot snapshot() {
        long issued = clock.incrementAndGet();
        return transactionManager.fetchInTransaction(() -> JdbcUtils.executeQuery(getConnection(),
                connection -> connection.prepareStatement(SNAPSHOT),
                resultSet -> {
                    resultSet.next();
                    Array xip = resultSet.getArray(3);
                    long[] inProgress = Arrays.stream((Object[]) xip.getArray()).mapToLong(x -> Long.parseLong((String) x))
                            .sorted().toArray();
                    return new Snapshot(Long.parseLong(resultSet.getString(1)), Long.parseLong(resultSet.getString(2)),
                            inProgress, issued, clock.incrementAndGet());
                },
                e -> new EventStoreException("Failed to take a transaction snapshot", e)));
    }

    /**
     * A PostgreSQL transaction snapshot: xmin, xmax and the transactions in progress (xip); and when it was taken on
     * this engine's clock (after {@code issued}, before {@code returned}), to order snapshots of concurrent readers.
     */
    record Snapshot(long xmin, long xmax, long[] inProgress, long issued, long returned) {
        /** Whether transaction {@code xid} had ended (committed or rolled back) when this snapshot was taken. */
        boolean ended(long xid) {
            return xid < xmin || xid < xmax && Arrays.binarySearch(inProgress, xid) < 0;
        }

        /**
         * Whether an index first seen missing before this snapshot (taken after that read) is proven permanent by a read
         * after {@code later} that still lacks it: {@code later} was taken after this one, and every transaction in
         * progress here had ended by then.
         */
        boolean provesPermanentBy(Snapshot later) {
            return returned < later.issued && Arrays.stream(inProgress).allMatch(later::ended);
        }
    }
}
