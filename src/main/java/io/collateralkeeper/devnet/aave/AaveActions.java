package io.collateralkeeper.devnet.aave;

import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetControl.DevTx;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User actions on the devnet Aave V3 Pool as impersonated transactions: faucet mints, approvals, supply, borrow,
 * repay, withdraw, e-mode, collateral toggles and liquidations. {@link #open} opens many accounts at once: mints in one
 * block, then every account's transactions packed 200 to a block (explicit nonces, see {@link DevnetControl#sendAll}).
 */
public final class AaveActions {
  /** Aave's interest rate modes ({@code DataTypes.InterestRateMode}). */
  public enum RateMode {
    STABLE(1),
    VARIABLE(2);

    final int code;

    RateMode(int code) {
      this.code = code;
    }
  }

  private static final long POOL_GAS = 1_500_000;
  private static final int TXS_PER_BLOCK = 200;
  private static final int MINTS_PER_TX = 150;
  private static final BigInteger GAS_MONEY = BigInteger.TEN.pow(20);

  private final DevnetControl devnet;
  private final AaveDeployment aave;
  private final Pool pool;

  public AaveActions(DevnetControl devnet, AaveDeployment aave) {
    this.devnet = devnet;
    this.aave = aave;
    this.pool = Wrappers.at(aave.pool(), Pool::load);
  }

  /** Opens the accounts: mints their supplies, then approves, supplies, toggles collateral, enters e-mode
   * and borrows for each. */
  public void open(List<AaveBorrower> accounts) {
    Map<String, Map<Address, BigInteger>> mints = new LinkedHashMap<>();
    for (AaveBorrower a : accounts) {
      a.supplies().forEach(
          (symbol, amount) -> mints.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).put(a.account(), amount));
    }
    List<DevTx> mintTxs = new ArrayList<>();
    mints.forEach((symbol, amounts) -> mintTxs.addAll(mint(symbol, amounts)));
    send(mintTxs);
    List<DevTx> txs = new ArrayList<>();
    for (AaveBorrower a : accounts) {
      a.supplies().forEach((symbol, amount) -> {
        txs.add(approvePool(a.account(), symbol));
        txs.add(supply(a.account(), symbol, amount));
      });
      a.collateralToggles().forEach((symbol, use) -> txs.add(useAsCollateral(a.account(), symbol, use)));
      if (a.eModeCategory() != 0) txs.add(setEMode(a.account(), a.eModeCategory()));
      a.variableBorrows().forEach((symbol, amount) -> txs.add(borrow(a.account(), symbol, amount, RateMode.VARIABLE)));
      a.stableBorrows().forEach((symbol, amount) -> txs.add(borrow(a.account(), symbol, amount, RateMode.STABLE)));
    }
    send(txs);
  }

  /**
   * Sends transactions from impersonated accounts, giving each sender 100 ether for gas first.
   *
   * @throws io.collateralkeeper.KeeperException naming the first reverted transaction
   */
  public void send(List<DevTx> txs) {
    if (txs.isEmpty()) return;
    devnet.autoImpersonate(true);
    devnet.setBalances(txs.stream().map(DevTx::from).distinct().toList(), GAS_MONEY);
    devnet.sendAll(txs, TXS_PER_BLOCK);
  }

  /** Faucet mints of a reserve's token, token units by recipient, from the admin in batches of 150. */
  public List<DevTx> mint(String symbol, Map<Address, BigInteger> amounts) {
    Address token = aave.asset(symbol);
    List<Map.Entry<Address, BigInteger>> entries = new ArrayList<>(amounts.entrySet());
    List<DevTx> txs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i += MINTS_PER_TX) {
      var chunk = entries.subList(i, Math.min(entries.size(), i + MINTS_PER_TX));
      String data = token(token).mintBatch(
          chunk.stream().map(e -> e.getKey().hex()).toList(), chunk.stream().map(Map.Entry::getValue).toList())
          .encodeFunctionCall();
      txs.add(new DevTx(aave.admin(), token, data, 60_000L * chunk.size() + 100_000));
    }
    return txs;
  }

  /** {@code approve(pool, max)} on a reserve's token (also needed before repay and liquidationCall). */
  public DevTx approvePool(Address user, String symbol) {
    Address token = aave.asset(symbol);
    String data = token(token).approve(aave.pool().hex(), Units.MAX_UINT256).encodeFunctionCall();
    return new DevTx(user, token, data, 100_000);
  }

  /** {@code Pool.supply(asset, amount, user, 0)}, token units. */
  public DevTx supply(Address user, String symbol, BigInteger amount) {
    String asset = aave.asset(symbol).hex();
    return poolTx(user, pool.supply(asset, amount, user.hex(), BigInteger.ZERO).encodeFunctionCall());
  }

  /** {@code Pool.borrow(asset, amount, mode, 0, user)}, token units. */
  public DevTx borrow(Address user, String symbol, BigInteger amount, RateMode mode) {
    return poolTx(user, pool.borrow(aave.asset(symbol).hex(), amount, BigInteger.valueOf(mode.code), BigInteger.ZERO,
        user.hex()).encodeFunctionCall());
  }

  /** {@code Pool.repay(asset, amount, mode, user)}, token units ({@link Units#MAX_UINT256} repays all). */
  public DevTx repay(Address user, String symbol, BigInteger amount, RateMode mode) {
    return poolTx(user, pool.repay(aave.asset(symbol).hex(), amount, BigInteger.valueOf(mode.code), user.hex())
        .encodeFunctionCall());
  }

  /** {@code Pool.withdraw(asset, amount, user)}, token units ({@link Units#MAX_UINT256} withdraws all). */
  public DevTx withdraw(Address user, String symbol, BigInteger amount) {
    return poolTx(user, pool.withdraw(aave.asset(symbol).hex(), amount, user.hex()).encodeFunctionCall());
  }

  /** {@code Pool.setUserEMode(category)} (0 leaves e-mode). */
  public DevTx setEMode(Address user, int category) {
    return poolTx(user, pool.setUserEMode(BigInteger.valueOf(category)).encodeFunctionCall());
  }

  /** {@code Pool.setUserUseReserveAsCollateral(asset, use)}. */
  public DevTx useAsCollateral(Address user, String symbol, boolean use) {
    return poolTx(user, pool.setUserUseReserveAsCollateral(aave.asset(symbol).hex(), use).encodeFunctionCall());
  }

  /**
   * {@code Pool.liquidationCall(collateral, debt, user, debtToCover, receiveAToken)} sent by {@code liquidator},
   * which must hold and have approved the debt token.
   *
   * @param debtToCover debt token units ({@link Units#MAX_UINT256} = as much as the close factor allows)
   */
  public DevTx liquidate(
      Address liquidator, String collateral, String debt, Address user, BigInteger debtToCover, boolean receiveAToken) {
    return poolTx(liquidator, pool.liquidationCall(aave.asset(collateral).hex(), aave.asset(debt).hex(), user.hex(),
        debtToCover, receiveAToken).encodeFunctionCall());
  }

  private DevTx poolTx(Address from, String data) {
    return new DevTx(from, aave.pool(), data, POOL_GAS);
  }

  private static TestToken token(Address token) {
    return Wrappers.at(token, TestToken::load);
  }
}
