package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Aave V3.0.2 market (npm {@code @aave/core-v3} 1.19.3 bytecode) deployed on a development chain.
 *
 * @param admin the deployer: owner of the PoolAddressesProvider and of every price feed, ACL admin, pool, risk,
 *     emergency and asset-listing admin, and the reserves' treasury
 * @param provider the PoolAddressesProvider
 * @param aclManager the ACLManager
 * @param pool the Pool proxy (the address users and keepers call)
 * @param poolImpl the Pool implementation behind it
 * @param configurator the PoolConfigurator proxy
 * @param oracle the AaveOracle (base currency USD, unit 1e8)
 * @param dataProvider the AaveProtocolDataProvider
 * @param reserves the listed reserves, in the Pool's reserve order
 * @param startBlock first block of the deployment (where event indexing may start)
 */
public record AaveDeployment(
    Address admin,
    Address provider,
    Address aclManager,
    Address pool,
    Address poolImpl,
    Address configurator,
    Address oracle,
    Address dataProvider,
    List<AaveReserve> reserves,
    long startBlock) {

  public AaveDeployment {
    reserves = List.copyOf(reserves);
  }

  /**
   * The reserve with this symbol.
   *
   * @throws IllegalArgumentException when none is listed
   */
  public AaveReserve reserve(String symbol) {
    return reserves.stream()
        .filter(r -> r.symbol().equals(symbol))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Aave reserve " + symbol));
  }

  /** The underlying token of the reserve with this symbol. */
  public Address asset(String symbol) {
    return reserve(symbol).asset();
  }

  /**
   * Sets reserves' feed answers in one block (a new round each, timestamped with the block), as the feeds' owner.
   *
   * @param answers new answers by reserve symbol, USD with 8 decimals
   */
  public void setPrices(DevnetControl devnet, Map<String, BigInteger> answers) {
    List<DevnetControl.DevTx> txs = new ArrayList<>();
    answers.forEach(
        (symbol, answer) -> {
          Address feed = reserve(symbol).feed();
          String data = Wrappers.at(feed, MockAggregator::load).setAnswer(answer).encodeFunctionCall();
          txs.add(new DevnetControl.DevTx(admin, feed, data, 200_000));
        });
    devnet.sendAll(txs, txs.size());
  }

  /** Sets one reserve's feed answer (USD, 8 decimals); see {@link #setPrices}. */
  public void setPrice(DevnetControl devnet, String symbol, BigInteger answer) {
    setPrices(devnet, Map.of(symbol, answer));
  }
}
