package io.collateralkeeper.chain;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Fetches the logs of a set of contracts over a block range with {@code eth_getLogs} in adaptive windows, so that no
 * answer is huge: the first window is {@value #FIRST_WINDOW} blocks; after a success the next window is scaled so
 * that it would hold about {@value #TARGET_LOGS} logs at the density just seen (at most doubling, at most {@code
 * maxRange}); the window halves when the node refuses a range (too many results, range too large).
 */
public final class LogIndexer {
  private static final Logger LOG = LoggerFactory.getLogger(LogIndexer.class);

  private final ChainClient chain;
  private final List<Address> addresses;
  private final long maxRange;
  private long window;
  /** Logs one answer should hold at most, about: bounds the memory of indexing a busy history. */
  static final int TARGET_LOGS = 10_000;
  /** The first window, blocks: small, until the density of the history is known. */
  static final long FIRST_WINDOW = 8;

  /**
   * @param chain the endpoint
   * @param addresses contracts whose logs to fetch
   * @param maxRange largest window in blocks
   */
  public LogIndexer(ChainClient chain, List<Address> addresses, long maxRange) {
    this.chain = chain;
    this.addresses = List.copyOf(addresses);
    this.maxRange = maxRange;
    this.window = Math.min(maxRange, FIRST_WINDOW);
  }

  /**
   * All logs of the contracts in blocks {@code from..to} inclusive, in chain order.
   *
   * @throws RpcException when even a one-block window fails
   */
  public List<Log> fetch(long from, long to) {
    return fetch(from, to, done -> {});
  }

  /**
   * {@link #fetch(long, long)}, telling {@code progress} the last block done after each window.
   *
   * @throws RpcException when even a one-block window fails
   */
  public List<Log> fetch(long from, long to, java.util.function.LongConsumer progress) {
    List<Log> out = new ArrayList<>();
    fetchEach(from, to, out::addAll, progress);
    return out;
  }

  /**
   * Fetches blocks {@code from..to} window by window, handing each window's logs (in chain order) to {@code each}
   * and then the last block done to {@code progress}; nothing is kept, so indexing a long, busy history holds one
   * window in memory at a time.
   *
   * @throws RpcException when even a one-block window fails
   */
  public void fetchEach(
      long from, long to, java.util.function.Consumer<List<Log>> each, java.util.function.LongConsumer progress) {
    long start = from;
    while (start <= to) {
      long end = Math.min(to, start + window - 1);
      List<Log> logs;
      try {
        logs = checked(chain.logs(filter(start, end)), start, end);
      } catch (RpcException e) {
        if (window == 1) throw e;
        window = Math.max(1, window / 2);
        LOG.debug("eth_getLogs {}..{} refused ({}); window now {}", start, end, e.getMessage(), window);
        continue;
      }
      window = nextWindow(window, end - start + 1, logs.size(), maxRange);
      each.accept(logs);
      start = end + 1;
      progress.accept(end);
    }
  }

  /** The window after one of {@code blocks} blocks answered {@code count} logs. */
  static long nextWindow(long window, long blocks, int count, long maxRange) {
    long scaled = count == 0 ? 2 * window : Math.max(1, blocks * TARGET_LOGS / count);
    return Math.max(1, Math.min(maxRange, Math.min(2 * window, scaled)));
  }

  /** The logs, after checking that each is from one of our contracts and inside the window asked for. */
  private List<Log> checked(List<Log> logs, long from, long to) {
    for (Log log : logs) {
      boolean ours = addresses.stream().anyMatch(a -> a.hex().equalsIgnoreCase(log.getAddress()));
      long block = log.getBlockNumber().longValueExact();
      if (!ours || block < from || block > to) {
        throw new RpcException(chain.endpoint() + ": eth_getLogs answered a log outside the filter (block " + block + ")");
      }
    }
    return logs;
  }

  /** The current window size in blocks. */
  public long window() {
    return window;
  }

  private EthFilter filter(long from, long to) {
    return new EthFilter(
        DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
        addresses.stream().map(Address::hex).toList());
  }
}
