package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import io.collateralkeeper.risk.aave.UserConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an Aave V3 (v3.0.2) market and its users at a given block: from the {@code PoolAddressesProvider} the Pool,
 * AaveOracle and data provider; the Pool's reserve list and {@code getReserveData} of each reserve; the e-mode
 * categories in use; oracle prices ({@code AaveOracle.getAssetsPrices}) of every reserve and e-mode price source;
 * and per user, in {@code aggregate3} batches through Multicall3, {@code getUserConfiguration}, {@code getUserEMode},
 * the scaled aToken balance of each collateral reserve and, for each borrowed reserve, the scaled variable debt and
 * the stable debt principal, rate and last update. Reserve decimals come from the configuration bitmap (the value
 * the Pool computes with). Every read is pinned to the block, so the result is one consistent state.
 */
public final class AaveReader {
  private final ChainClient chain;
  private final Multicall multicall;
  private final Address addressesProvider;

  /**
   * @param chain the endpoint
   * @param multicall Multicall3 used for the per-user reads
   * @param addressesProvider the market's PoolAddressesProvider
   */
  public AaveReader(ChainClient chain, Multicall multicall, Address addressesProvider) {
    this.chain = chain;
    this.multicall = multicall;
    this.addressesProvider = addressesProvider;
  }

  /**
   * The market's Pool, oracle and data provider at {@code block}.
   *
   * @throws RpcException when the endpoint fails or the address is not a PoolAddressesProvider
   */
  public AaveContracts contracts(long block) {
    List<String> r =
        chain.callBatch(
            List.of(
                new CallRequest(addressesProvider, AaveAbi.getPool()),
                new CallRequest(addressesProvider, AaveAbi.getPriceOracle()),
                new CallRequest(addressesProvider, AaveAbi.getPoolDataProvider())),
            block);
    try {
      return new AaveContracts(
          addressesProvider,
          AaveAbi.decodeAddress(r.get(0)),
          AaveAbi.decodeAddress(r.get(1)),
          AaveAbi.decodeAddress(r.get(2)));
    } catch (RuntimeException e) {
      throw new RpcException("no Aave PoolAddressesProvider at " + addressesProvider + " (block " + block + ")");
    }
  }

  /**
   * Reads users and the market state they need at {@code block}.
   *
   * @param users accounts to read (any order; duplicates are read once)
   * @throws RpcException when the endpoint fails or a call reverts
   */
  public AaveSnapshot read(List<Address> users, long block) {
    return read(contracts(block), users, block, timestamp(block));
  }

  /**
   * Reads users and the market state they need at {@code block}, for contracts already resolved and a block whose
   * timestamp the caller already has (the per-block path: no provider or block-header reads).
   *
   * @param blockTimestamp the block's timestamp, unix seconds
   * @throws RpcException when the endpoint fails or a call reverts
   */
  public AaveSnapshot read(AaveContracts c, List<Address> users, long block, long blockTimestamp) {
    AaveMarket market = readMarket(c, block, blockTimestamp);
    Map<Address, AavePosition> positions = readPositions(c, market, users, block);
    return new AaveSnapshot(block, withEModesOf(c, market, positions.values(), block), positions);
  }

  /**
   * The market with the e-mode categories (and their price sources' prices) of these positions added where the
   * reserves' configurations did not name them already: users read at earlier blocks keep being evaluated.
   *
   * @throws RpcException when the endpoint fails or a category does not exist
   */
  public AaveMarket withEModesOf(
      AaveContracts c, AaveMarket market, java.util.Collection<AavePosition> positions, long block) {
    Set<Integer> missing = new TreeSet<>();
    for (AavePosition p : positions) {
      if (p.eModeCategory() != 0 && !market.eModes().containsKey(p.eModeCategory())) missing.add(p.eModeCategory());
    }
    return missing.isEmpty() ? market : withEModes(c, market, readEModes(c, missing, block), block);
  }

  /**
   * Reads the reserves, the e-mode categories their configurations name, the prices of every reserve asset and
   * category price source, and the block timestamp.
   *
   * @throws RpcException when the endpoint fails or a call reverts
   */
  public AaveMarket readMarket(AaveContracts c, long block) {
    return readMarket(c, block, timestamp(block));
  }

  private long timestamp(long block) {
    return chain.block(block).getTimestamp().longValueExact();
  }

  /** {@link #readMarket(AaveContracts, long)} with the block's timestamp (unix seconds) already known. */
  public AaveMarket readMarket(AaveContracts c, long block, long timestamp) {
    String list = chain.call(new CallRequest(c.pool(), AaveAbi.getReservesList()), block);
    List<Address> assets = AaveAbi.decodeAddressList(list);
    List<CallRequest> calls = new ArrayList<>();
    for (Address a : assets) calls.add(new CallRequest(c.pool(), AaveAbi.getReserveData(a)));
    List<String> data = chain.callBatch(calls, block);
    Map<Integer, AaveReserve> reserves = new HashMap<>();
    Set<Integer> categories = new TreeSet<>();
    for (int i = 0; i < assets.size(); i++) {
      AaveReserve r = AaveAbi.decodeReserveData(assets.get(i), data.get(i));
      reserves.put(r.id(), r);
      if (r.config().eModeCategory() != 0) categories.add(r.config().eModeCategory());
    }
    Map<Integer, EModeCategory> eModes = readEModes(c, categories, block);
    AaveMarket bare = new AaveMarket(reserves, Map.of(), eModes, timestamp);
    return withPrices(c, bare, block);
  }

  /**
   * Reads e-mode categories ({@code Pool.getEModeCategoryData}).
   *
   * @throws RpcException when the endpoint fails or a category does not exist (zero liquidation threshold)
   */
  public Map<Integer, EModeCategory> readEModes(AaveContracts c, Set<Integer> ids, long block) {
    List<Integer> list = new ArrayList<>(ids);
    List<CallRequest> calls = new ArrayList<>();
    for (int id : list) calls.add(new CallRequest(c.pool(), AaveAbi.getEModeCategoryData(id)));
    List<String> data = chain.callBatch(calls, block);
    Map<Integer, EModeCategory> out = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      EModeCategory e = AaveAbi.decodeEModeCategory(list.get(i), data.get(i));
      if (e.liquidationThreshold() == 0) throw new RpcException("e-mode category " + list.get(i) + " does not exist");
      out.put(e.id(), e);
    }
    return out;
  }

  /**
   * Reads each user's configuration, e-mode and balances in the reserves their configuration marks.
   *
   * @return positions in the order of {@code users}
   * @throws RpcException when the endpoint fails or a call reverts
   */
  public Map<Address, AavePosition> readPositions(
      AaveContracts c, AaveMarket market, List<Address> users, long block) {
    List<Address> distinct = new ArrayList<>(new LinkedHashSet<>(users));
    List<CallRequest> first = new ArrayList<>(2 * distinct.size());
    for (Address u : distinct) {
      first.add(new CallRequest(c.pool(), AaveAbi.getUserConfiguration(u)));
      first.add(new CallRequest(c.pool(), AaveAbi.getUserEMode(u)));
    }
    List<CallResult> heads = aggregate(first, block);
    List<UserConfig> configs = new ArrayList<>();
    List<Integer> eModes = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      configs.add(AaveAbi.decodeUserConfiguration(heads.get(2 * i).returnData()));
      eModes.add(AaveAbi.decodeUint(heads.get(2 * i + 1).returnData()).intValueExact());
    }
    List<BalanceCalls> plans = new ArrayList<>();
    List<CallRequest> second = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      plans.add(BalanceCalls.plan(distinct.get(i), configs.get(i), market, second));
    }
    List<CallResult> balances = aggregate(second, block);
    Map<Address, AavePosition> out = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      Address u = distinct.get(i);
      out.put(u, new AavePosition(u, configs.get(i), eModes.get(i), plans.get(i).decode(balances)));
    }
    return out;
  }

  /** Adds categories to a market, with the prices of their price sources. */
  private AaveMarket withEModes(AaveContracts c, AaveMarket market, Map<Integer, EModeCategory> more, long block) {
    Map<Integer, EModeCategory> all = new HashMap<>(market.eModes());
    all.putAll(more);
    return withPrices(c, new AaveMarket(market.reserves(), market.prices(), all, market.timestamp()), block);
  }

  /** The market with oracle prices of every reserve asset and e-mode price source. */
  private AaveMarket withPrices(AaveContracts c, AaveMarket market, long block) {
    Set<Address> assets = new TreeSet<>();
    market.reserves().values().forEach(r -> assets.add(r.asset()));
    List<Address> priced = new ArrayList<>(assets);
    for (EModeCategory e : market.eModes().values()) {
      if (e.hasPriceSource() && !priced.contains(e.priceSource())) priced.add(e.priceSource());
    }
    List<BigInteger> prices =
        AaveAbi.decodeUintList(chain.call(new CallRequest(c.oracle(), AaveAbi.getAssetsPrices(priced)), block));
    if (prices.size() != priced.size()) {
      throw new RpcException("AaveOracle returned " + prices.size() + " prices for " + priced.size() + " assets");
    }
    Map<Address, BigInteger> byAsset = new HashMap<>();
    for (int i = 0; i < priced.size(); i++) byAsset.put(priced.get(i), prices.get(i));
    return new AaveMarket(market.reserves(), byAsset, market.eModes(), market.timestamp());
  }

  private List<CallResult> aggregate(List<CallRequest> calls, long block) {
    List<CallResult> results = multicall.aggregate(calls, block);
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).success()) {
        throw new RpcException("Aave read reverted: call to " + calls.get(i).to() + " at block " + block);
      }
    }
    return results;
  }
}
