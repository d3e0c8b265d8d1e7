package io.collateralkeeper.devnet.aave;

import static io.collateralkeeper.devnet.AbiValues.address;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.AaveProtocolDataProvider;
import io.collateralkeeper.contracts.aave.PoolConfigurator;
import io.collateralkeeper.devnet.TxPlan;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.RemoteFunctionCall;

/**
 * Lists and configures the reserves of a deployed Aave V3 Pool: token implementations, one interest rate strategy per
 * distinct {@link RateStrategySpec}, {@code PoolConfigurator.initReserves} (which creates each reserve's AToken,
 * StableDebtToken and VariableDebtToken proxies), then collateral, borrowing, reserve factor, liquidation protocol
 * fee, isolation mode, e-mode categories and flash loan premiums, all as the admin.
 */
final class ReserveListing {
  private static final long CALL_GAS = 500_000;
  private static final long INIT_RESERVE_GAS = 4_000_000;

  private final AaveArtifacts artifacts;
  private final Address provider;
  private final Address pool;
  private final Address configuratorAddress;
  private final PoolConfigurator configurator;
  private final Address treasury;
  private final Map<RateStrategySpec, Address> strategies = new LinkedHashMap<>();

  ReserveListing(AaveArtifacts artifacts, Address provider, Address pool, Address configurator, Address treasury) {
    this.artifacts = artifacts;
    this.provider = provider;
    this.pool = pool;
    this.configuratorAddress = configurator;
    this.configurator = Wrappers.at(configurator, PoolConfigurator::load);
    this.treasury = treasury;
  }

  /** Adds the listing transactions to {@code plan}; {@code assets} are the reserves' tokens in spec order. */
  void plan(TxPlan plan, AaveMarketSpec spec, List<Address> assets) {
    Address aToken = artifacts.create(plan, "AToken", List.of(address(pool)));
    Address stableDebt = artifacts.create(plan, "StableDebtToken", List.of(address(pool)));
    Address variableDebt = artifacts.create(plan, "VariableDebtToken", List.of(address(pool)));
    for (ReserveSpec r : spec.reserves()) strategies.computeIfAbsent(r.rates(), rates -> strategy(plan, rates));
    for (int i = 0; i < assets.size(); i++) {
      ReserveSpec r = spec.reserves().get(i);
      var input =
          new PoolConfigurator.InitReserveInput(
              aToken.hex(), stableDebt.hex(), variableDebt.hex(), BigInteger.valueOf(r.decimals()),
              strategies.get(r.rates()).hex(), assets.get(i).hex(), treasury.hex(), Address.ZERO.hex(),
              "Aave Devnet " + r.symbol(), "aDev" + r.symbol(),
              "Aave Devnet Variable Debt " + r.symbol(), "variableDebtDev" + r.symbol(),
              "Aave Devnet Stable Debt " + r.symbol(), "stableDebtDev" + r.symbol(), new byte[0]);
      call(plan, configurator.initReserves(List.of(input)), INIT_RESERVE_GAS);
    }
    for (int i = 0; i < assets.size(); i++) configure(plan, spec.reserves().get(i), assets.get(i).hex());
    for (EModeSpec e : spec.eModes()) {
      call(plan, configurator.setEModeCategory(big(e.id()), big(e.ltvBps()), big(e.liquidationThresholdBps()),
          big(e.liquidationBonusBps()), Address.ZERO.hex(), e.label()), CALL_GAS);
    }
    for (int i = 0; i < assets.size(); i++) {
      int category = spec.reserves().get(i).eModeCategory();
      if (category != 0) call(plan, configurator.setAssetEModeCategory(assets.get(i).hex(), big(category)), CALL_GAS);
    }
    call(plan, configurator.updateFlashloanPremiumTotal(big(spec.flashLoanPremiumTotalBps())), CALL_GAS);
    call(plan, configurator.updateFlashloanPremiumToProtocol(big(spec.flashLoanPremiumToProtocolBps())), CALL_GAS);
  }

  private void configure(TxPlan plan, ReserveSpec r, String asset) {
    if (r.collateral()) {
      call(plan, configurator.configureReserveAsCollateral(asset, big(r.ltvBps()), big(r.liquidationThresholdBps()),
          big(r.liquidationBonusBps())), CALL_GAS);
    }
    call(plan, configurator.setReserveBorrowing(asset, true), CALL_GAS);
    call(plan, configurator.setReserveFlashLoaning(asset, true), CALL_GAS);
    if (r.stableBorrowing()) call(plan, configurator.setReserveStableRateBorrowing(asset, true), CALL_GAS);
    call(plan, configurator.setReserveFactor(asset, big(r.reserveFactorBps())), CALL_GAS);
    call(plan, configurator.setLiquidationProtocolFee(asset, big(r.liquidationProtocolFeeBps())), CALL_GAS);
    if (r.debtCeiling() > 0) call(plan, configurator.setDebtCeiling(asset, big(r.debtCeiling())), CALL_GAS);
    if (r.borrowableInIsolation()) call(plan, configurator.setBorrowableInIsolation(asset, true), CALL_GAS);
  }

  /** Reads the token proxies initReserves created, through the data provider. */
  List<AaveReserve> read(
      ChainClient chain, Address dataProvider, AaveMarketSpec spec, List<Address> assets, List<Address> feeds) {
    AaveProtocolDataProvider dp = Wrappers.at(dataProvider, AaveProtocolDataProvider::load);
    List<RemoteFunctionCall<?>> calls = new ArrayList<>();
    for (Address a : assets) calls.add(dp.getReserveTokensAddresses(a.hex()));
    List<List<Type>> tokens =
        Wrappers.readAll(chain, java.util.Collections.nCopies(assets.size(), dataProvider), calls, chain.blockNumber());
    List<AaveReserve> out = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      ReserveSpec r = spec.reserves().get(i);
      List<Type> t = tokens.get(i); // (aToken, stableDebtToken, variableDebtToken)
      out.add(new AaveReserve(r.symbol(), r.decimals(), assets.get(i), addr(t, 0), addr(t, 2), addr(t, 1),
          feeds.get(i), strategies.get(r.rates())));
    }
    return out;
  }

  private Address strategy(TxPlan plan, RateStrategySpec s) {
    return artifacts.create(plan, "DefaultReserveInterestRateStrategy", List.of(address(provider),
        new Uint256(s.optimalUsageRatio()), new Uint256(s.baseVariableBorrowRate()),
        new Uint256(s.variableRateSlope1()), new Uint256(s.variableRateSlope2()),
        new Uint256(s.stableRateSlope1()), new Uint256(s.stableRateSlope2()),
        new Uint256(s.baseStableRateOffset()), new Uint256(s.stableRateExcessOffset()),
        new Uint256(s.optimalStableToTotalDebtRatio())));
  }

  private void call(TxPlan plan, RemoteFunctionCall<?> fn, long gas) {
    plan.call(configuratorAddress, fn.encodeFunctionCall(), gas);
  }

  private static Address addr(List<Type> decoded, int i) {
    return Address.of(decoded.get(i).getValue().toString());
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
