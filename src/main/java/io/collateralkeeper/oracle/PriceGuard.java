package io.collateralkeeper.oracle;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.domain.Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses liquidations on stale or deviating prices. At each head the daemon calls {@link #atBlock}; the first {@link
 * #veto} of that head reads, through Multicall3 at the head, {@code latestRoundData()} (and once per feed {@code
 * decimals()}) of every source the protocol prices with and of their configured second sources, and judges each
 * source with {@link PriceCheck}. Heads without a liquidatable account cost no read.
 *
 * <p>Not thread-safe: the daemon's loop drives it.
 */
public final class PriceGuard {
  private static final Logger LOG = LoggerFactory.getLogger(PriceGuard.class);

  private final Multicall multicall;
  private final PriceRules rules;
  private final Map<Address, Integer> decimals = new HashMap<>();
  private long block = -1;
  private long timestamp;
  private Supplier<List<PriceSource>> sources = List::of;
  private Map<Address, Optional<String>> verdicts;

  /**
   * @param multicall reads the feeds
   * @param rules heartbeats and second sources
   */
  public PriceGuard(Multicall multicall, PriceRules rules) {
    this.multicall = multicall;
    this.rules = rules;
  }

  /**
   * Starts a new head; the sources are asked for only when a veto is asked for.
   *
   * @param timestamp the head's timestamp, unix seconds
   * @param sources the protocol's price sources at this head
   */
  public void atBlock(long block, long timestamp, Supplier<List<PriceSource>> sources) {
    this.block = block;
    this.timestamp = timestamp;
    this.sources = sources;
    this.verdicts = null;
  }

  /**
   * Reads and judges the current head's feeds now, if not done yet at this head: after it, {@link #veto} reads no
   * chain and may be called from several threads at once.
   *
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  public void judge() {
    if (verdicts == null) verdicts = judge(sources.get());
  }

  /**
   * The first problem with the prices of these assets at the current head, or empty when every one is usable (or not
   * priced by a known feed, e.g. an Aave fallback oracle).
   *
   * @param assets assets (or, for markets without a token, feeds) an account's health depends on
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   */
  public Optional<String> veto(Collection<Address> assets) {
    if (assets.isEmpty()) return Optional.empty();
    if (verdicts == null) verdicts = judge(sources.get());
    for (Address a : assets) {
      Optional<String> v = verdicts.getOrDefault(a, Optional.empty());
      if (v.isPresent()) return v;
    }
    return Optional.empty();
  }

  /** Problems found at the current head, by asset (empty until a veto was asked for at this head). */
  public Map<Address, String> problems() {
    Map<Address, String> out = new LinkedHashMap<>();
    if (verdicts != null) verdicts.forEach((a, v) -> v.ifPresent(p -> out.put(a, p)));
    return out;
  }

  private Map<Address, Optional<String>> judge(List<PriceSource> list) {
    Set<Address> feeds = new LinkedHashSet<>();
    for (PriceSource s : list) {
      if (s.feed().equals(Address.ZERO)) continue;
      feeds.add(s.feed());
      rules.secondSourceOf(s).ifPresent(feeds::add);
    }
    Map<Address, Optional<FeedState>> states = read(new ArrayList<>(feeds));
    Map<Address, Optional<String>> out = new HashMap<>();
    for (PriceSource s : list) {
      if (s.feed().equals(Address.ZERO)) {
        LOG.debug("asset {} has no feed of its own (fallback oracle): not checked", s.asset());
        continue;
      }
      Optional<FeedState> primary = states.get(s.feed());
      if (primary.isEmpty()) {
        out.put(s.asset(), Optional.of("stale price: feed %s (asset %s) cannot be read".formatted(s.feed(), s.asset())));
        continue;
      }
      Optional<Address> secondFeed = rules.secondSourceOf(s);
      Optional<FeedState> second = secondFeed.flatMap(states::get);
      boolean unreadable = secondFeed.isPresent() && second.isEmpty();
      out.put(s.asset(), PriceCheck.check(s, primary.get(), second, unreadable, timestamp, rules));
    }
    return out;
  }

  /** Reads latest rounds (and unknown decimals) of the feeds in one multicall; an unreadable feed maps to empty. */
  private Map<Address, Optional<FeedState>> read(List<Address> feeds) {
    List<CallRequest> calls = new ArrayList<>();
    List<Address> needDecimals = feeds.stream().filter(f -> !decimals.containsKey(f)).toList();
    for (Address f : feeds) calls.add(new CallRequest(f, FeedAbi.latestRoundData()));
    for (Address f : needDecimals) calls.add(new CallRequest(f, FeedAbi.decimals()));
    List<CallResult> r = calls.isEmpty() ? List.of() : multicall.aggregate(calls, block);
    for (int i = 0; i < needDecimals.size(); i++) {
      CallResult c = r.get(feeds.size() + i);
      if (!c.success()) continue;
      try {
        decimals.put(needDecimals.get(i), FeedAbi.decodeDecimals(needDecimals.get(i), c.returnData()));
      } catch (RuntimeException e) {
        LOG.debug("feed {}: {}", needDecimals.get(i), e.getMessage());
      }
    }
    Map<Address, Optional<FeedState>> out = new HashMap<>();
    for (int i = 0; i < feeds.size(); i++) {
      Address f = feeds.get(i);
      out.put(f, decode(f, r.get(i)));
    }
    return out;
  }

  private Optional<FeedState> decode(Address feed, CallResult c) {
    Integer d = decimals.get(feed);
    if (!c.success() || d == null) return Optional.empty();
    try {
      return Optional.of(new FeedState(FeedAbi.decodeRound(feed, c.returnData()), d));
    } catch (RuntimeException e) {
      LOG.debug("feed {}: {}", feed, e.getMessage());
      return Optional.empty();
    }
  }
}
