package io.collateralkeeper.ops;

/**
 * Counts bundle target blocks missed in a row across bundles and alerts when the count reaches a threshold (again at
 * every further miss, subject to the alert rate limit); an inclusion resets it. {@link OpsListener} feeds it on the
 * bundle route: {@link #missed} when a head settles none of the transactions in flight, {@link #included} when one
 * landed. Thread-safe.
 */
public final class BundleMisses {
  private final Alerts alerts;
  private final int threshold;
  private int inARow;

  /** @param threshold misses in a row that raise {@link AlertKind#BUNDLE_NOT_INCLUDED} */
  public BundleMisses(Alerts alerts, int threshold) {
    if (threshold < 1) throw new IllegalArgumentException("threshold must be positive");
    this.alerts = alerts;
    this.threshold = threshold;
  }

  /** A bundle's target block passed without it; {@code what} names it (bundle hash or target block). */
  public void missed(String what) {
    int n;
    synchronized (this) {
      n = ++inARow;
    }
    if (n >= threshold) alerts.bundleNotIncluded(what, n);
  }

  /** A bundle was included. */
  public synchronized void included() {
    inARow = 0;
  }

  /** Target blocks missed since the last inclusion. */
  public synchronized int inARow() {
    return inARow;
  }
}
