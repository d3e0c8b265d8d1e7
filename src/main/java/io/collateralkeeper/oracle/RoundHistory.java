package io.collateralkeeper.oracle;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.var.RoundObservation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recent rounds of Chainlink-style feeds: {@code latestRoundData}, then {@code getRoundData} for the round ids
 * below it, through Multicall3. Rounds never change once written, so they are cached and each call only reads the new
 * ones. A round that does not exist (before the feed's first round, or across a Chainlink phase change) is skipped.
 */
public final class RoundHistory {
  private final Multicall multicall;
  private final Map<Address, TreeMap<BigInteger, RoundObservation>> cache = new HashMap<>();

  public RoundHistory(Multicall multicall) {
    this.multicall = multicall;
  }

  /**
   * @param feeds the aggregators
   * @param rounds how many rounds back from the latest (the latest included)
   * @param block block to read at
   * @return each feed's rounds, oldest first
   * @throws RpcException when the endpoint fails or a feed's latestRoundData reverts
   */
  public Map<Address, List<RoundObservation>> read(Collection<Address> feeds, int rounds, long block) {
    List<Address> list = List.copyOf(feeds);
    List<CallRequest> latest = new ArrayList<>();
    for (Address f : list) latest.add(new CallRequest(f, FeedAbi.latestRoundData()));
    List<CallResult> heads = multicall.aggregate(latest, block);
    List<CallRequest> calls = new ArrayList<>();
    List<Address> callFeed = new ArrayList<>();
    Map<Address, BigInteger> latestId = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Address f = list.get(i);
      if (!heads.get(i).success()) throw new RpcException("price feed " + f + " reverted on latestRoundData");
      FeedReading r = FeedAbi.decodeRound(f, heads.get(i).returnData());
      latestId.put(f, r.roundId());
      TreeMap<BigInteger, RoundObservation> known = cache.computeIfAbsent(f, k -> new TreeMap<>());
      known.put(r.roundId(), new RoundObservation(r.updatedAt(), r.answer()));
      for (int k = 1; k < rounds; k++) {
        BigInteger id = r.roundId().subtract(BigInteger.valueOf(k));
        if (id.signum() <= 0) break;
        if (known.containsKey(id)) continue;
        calls.add(new CallRequest(f, FeedAbi.getRoundData(id)));
        callFeed.add(f);
      }
    }
    List<CallResult> results = calls.isEmpty() ? List.of() : multicall.aggregate(calls, block);
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).success()) continue;
      FeedReading r = FeedAbi.decodeRound(callFeed.get(i), results.get(i).returnData());
      cache.get(callFeed.get(i)).put(r.roundId(), new RoundObservation(r.updatedAt(), r.answer()));
    }
    Map<Address, List<RoundObservation>> out = new LinkedHashMap<>();
    for (Address f : list) {
      BigInteger top = latestId.get(f);
      BigInteger bottom = top.subtract(BigInteger.valueOf(rounds - 1L));
      cache.get(f).headMap(bottom).clear(); // older rounds are never asked for again
      out.put(f, List.copyOf(cache.get(f).subMap(bottom, true, top, true).values()));
    }
    return out;
  }
}
