package io.collateralkeeper.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The largest heap in use right after a garbage collection while it is open: the peak live set, a floor of the heap
 * the work needs (transient data that no collection saw may need more). Listens to the HotSpot garbage collectors'
 * {@code com.sun.management.gc.notification}s through plain JMX open types, so it needs only {@code java.management};
 * where the collectors emit no notifications {@link #collections()} stays 0.
 */
final class LiveHeapTracker implements AutoCloseable {
  private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

  private final Set<String> heapPools = new HashSet<>();
  private final AtomicLong max = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;

  /** Starts listening. */
  LiveHeapTracker() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName());
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, n -> GC_NOTIFICATION.equals(n.getType()), null);
        emitters.add(e);
      }
    }
  }

  /** The largest heap in use after a collection so far, bytes (0 before the first one). */
  long maxLiveBytes() {
    return max.get();
  }

  /** Collections seen so far. */
  long collections() {
    return collections.get();
  }

  private void onNotification(Notification n, Object handback) {
    if (!(n.getUserData() instanceof CompositeData info) || !info.containsKey("gcInfo")) return;
    if (!(info.get("gcInfo") instanceof CompositeData gcInfo) || !gcInfo.containsKey("memoryUsageAfterGc")) return;
    if (!(gcInfo.get("memoryUsageAfterGc") instanceof TabularData after)) return;
    max.accumulateAndGet(heapUsed(after), Math::max);
    collections.incrementAndGet();
  }

  /** The sum of "used" over the heap pools of a pool-name-to-MemoryUsage table. */
  private long heapUsed(TabularData byPool) {
    long used = 0;
    for (Object row : byPool.values()) {
      if (!(row instanceof CompositeData r) || !(r.get("key") instanceof String pool) || !heapPools.contains(pool)) {
        continue;
      }
      if (r.get("value") instanceof CompositeData usage && usage.get("used") instanceof Long u) used += u;
    }
    return used;
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
