package io.collateralkeeper.protocol.vault;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Type;

/** Reads a CrossMarginVault's layout, its feeds and its accounts in batches through Multicall3. */
public final class VaultReader {
  private final ChainClient chain;
  private final Multicall multicall;
  private final Address vault;
  private final VaultAbi abi;

  public VaultReader(ChainClient chain, Multicall multicall, Address vault) {
    this.chain = chain;
    this.multicall = multicall;
    this.vault = vault;
    this.abi = new VaultAbi(vault);
  }

  /** The vault contract. */
  public Address vault() {
    return vault;
  }

  /** Encoder/decoder for this vault. */
  public VaultAbi abi() {
    return abi;
  }

  /**
   * Reads the vault's collaterals, markets and heartbeat at {@code block}.
   *
   * @throws RpcException when the endpoint fails or the address holds no vault
   */
  public VaultLayout readLayout(long block) {
    List<String> counts =
        chain.callBatch(
            List.of(
                new CallRequest(vault, abi.collateralCount()),
                new CallRequest(vault, abi.marketCount()),
                new CallRequest(vault, abi.heartbeat())),
            block);
    if (counts.stream().anyMatch(c -> c == null || c.length() < 66)) {
      throw new RpcException("no CrossMarginVault at " + vault + " (block " + block + ")");
    }
    int nc = abi.decodeUint(counts.get(0)).intValueExact();
    int nm = abi.decodeUint(counts.get(1)).intValueExact();
    long heartbeat = abi.decodeUint(counts.get(2)).longValueExact();
    List<CallRequest> calls = new ArrayList<>();
    for (int i = 0; i < nc; i++) calls.add(new CallRequest(vault, abi.collateral(i)));
    for (int j = 0; j < nm; j++) calls.add(new CallRequest(vault, abi.market(j)));
    List<String> res = chain.callBatch(calls, block);
    List<VaultCollateral> collaterals = new ArrayList<>();
    List<Address> tokens = new ArrayList<>();
    List<Address> collateralFeeds = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      List<Type> c = abi.decodeCollateral(res.get(i));
      tokens.add(Address.of((String) c.get(0).getValue()));
      collateralFeeds.add(Address.of((String) c.get(1).getValue()));
      collaterals.add(
          new VaultCollateral(i, ((BigInteger) c.get(2).getValue()).intValueExact(), ((BigInteger) c.get(3).getValue()).intValueExact()));
    }
    List<VaultMarket> markets = new ArrayList<>();
    List<Address> marketFeeds = new ArrayList<>();
    for (int j = 0; j < nm; j++) {
      List<Type> m = abi.decodeMarket(res.get(nc + j));
      marketFeeds.add(Address.of((String) m.get(0).getValue()));
      markets.add(
          new VaultMarket(
              j,
              ((BigInteger) m.get(1).getValue()).intValueExact(),
              ((BigInteger) m.get(2).getValue()).intValueExact(),
              ((BigInteger) m.get(3).getValue()).intValueExact()));
    }
    return new VaultLayout(new VaultConfig(collaterals, markets, heartbeat), tokens, collateralFeeds, marketFeeds);
  }

  /**
   * Feed rounds and account states read together at one block.
   *
   * @param feeds latest round of each feed, in the order asked
   * @param accounts state of each account, in the order asked
   */
  public record Reading(Map<Address, FeedReading> feeds, Map<Address, VaultAccount> accounts) {}

  /**
   * Reads each feed's latest round at {@code block}.
   *
   * @throws RpcException when a feed call fails (a feed that reverts is not usable)
   */
  public Map<Address, FeedReading> readFeeds(List<Address> feeds, long block) {
    return read(feeds, List.of(), block).feeds();
  }

  /**
   * Reads the state of every account at {@code block} ({@code getAccount}, batched).
   *
   * @throws RpcException when the endpoint fails or a call reverts
   */
  public Map<Address, VaultAccount> readAccounts(List<Address> accounts, long block) {
    return read(List.of(), accounts, block).accounts();
  }

  /**
   * Reads feeds ({@code latestRoundData}) and accounts ({@code getAccount}) at {@code block} in one Multicall3 batch:
   * one JSON-RPC batch of {@code ceil((feeds + accounts) / calls per aggregate)} {@code eth_call}s.
   *
   * @throws RpcException when the endpoint fails, a feed reverts or a {@code getAccount} reverts
   */
  public Reading read(List<Address> feeds, List<Address> accounts, long block) {
    Map<Address, FeedReading> feedOut = new LinkedHashMap<>();
    Map<Address, VaultAccount> accountOut = new LinkedHashMap<>();
    String round = FeedAbi.latestRoundData();
    int done = 0;
    do {
      // one JSON-RPC batch request at a time, decoded before the next is asked for
      boolean first = done == 0;
      int n = Math.min(Math.max(1, multicall.callsPerRequest() - (first ? feeds.size() : 0)), accounts.size() - done);
      List<CallRequest> calls = new ArrayList<>((first ? feeds.size() : 0) + n);
      if (first) for (Address f : feeds) calls.add(new CallRequest(f, round));
      List<Address> chunk = accounts.subList(done, done + n);
      for (Address a : chunk) calls.add(new CallRequest(vault, abi.getAccount(a)));
      List<CallResult> res = calls.isEmpty() ? List.of() : multicall.aggregate(calls, block);
      int offset = 0;
      if (first) {
        for (int i = 0; i < feeds.size(); i++) {
          if (!res.get(i).success()) throw new RpcException("price feed " + feeds.get(i) + " reverted on latestRoundData");
          feedOut.put(feeds.get(i), FeedAbi.decodeRound(feeds.get(i), res.get(i).returnData()));
        }
        offset = feeds.size();
      }
      for (int i = 0; i < n; i++) {
        CallResult r = res.get(offset + i);
        if (!r.success()) throw new RpcException("getAccount(" + chunk.get(i) + ") reverted");
        accountOut.put(chunk.get(i), abi.decodeAccount(r.returnData()));
      }
      done += n;
    } while (done < accounts.size());
    return new Reading(feedOut, accountOut);
  }

  /** The Multicall3 the reader batches through. */
  public Multicall multicall() {
    return multicall;
  }

  /**
   * {@code healthFactor(account)} at {@code block}, wad.
   *
   * @throws RpcException when the call fails
   */
  public BigInteger healthOnChain(Address account, long block) {
    return abi.decodeUint(chain.call(new CallRequest(vault, abi.healthFactor(account)), block));
  }
}
