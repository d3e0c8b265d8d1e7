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
 * Fetches the logs of a set of contracts over a block range with {@code eth_getLogs} in adaptive windows: the window
 * halves when the node refuses a range (too many results, range too large) and doubles after each success, up to
 * {@code maxRange}.
 */
public final class LogIndexer {
  private static final Logger LOG = LoggerFactory.getLogger(LogIndexer.class);

  private final ChainClient chain;
  private final List<Address> addresses;
  private final long maxRange;
  private long window;

  /**
   * @param chain the endpoint
   * @param addresses contracts whose logs to fetch
   * @param maxRange largest window in blocks
   */
  public LogIndexer(ChainClient chain, List<Address> addresses, long maxRange) {
    this.chain = chain;
    this.addresses = List.copyOf(addresses);
    this.maxRange = maxRange;
    this.window = maxRange;
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
    long start = from;
    while (start <= to) {
      long end = Math.min(to, start + window - 1);
      try {
        out.addAll(checked(chain.logs(filter(start, end)), start, end));
        start = end + 1;
        window = Math.min(maxRange, window * 2);
        progress.accept(end);
      } catch (RpcException e) {
        if (window == 1) throw e;
        window = Math.max(1, window / 2);
        LOG.debug("eth_getLogs {}..{} refused ({}); window now {}", start, end, e.getMessage(), window);
      }
    }
    return out;
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
