package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.contracts.aave.AToken;
import io.collateralkeeper.contracts.aave.AaveOracle;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.contracts.aave.PoolAddressesProvider;
import io.collateralkeeper.contracts.aave.StableDebtToken;
import io.collateralkeeper.contracts.aave.VariableDebtToken;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import io.collateralkeeper.risk.aave.ReserveConfig;
import io.collateralkeeper.risk.aave.UserConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Calldata and return-data decoding of the Aave V3 (v3.0.2) calls the reader makes, through the web3j wrappers
 * generated from the npm {@code @aave/core-v3} ABIs (no network use: the wrappers only build and parse data). The
 * function bodies do not depend on the bound address, so one wrapper per contract type serves every instance.
 */
final class AaveAbi {
  private static final String ANY = Address.ZERO.hex();
  private static final ReadonlyTransactionManager TM = new ReadonlyTransactionManager(null, ANY);
  private static final DefaultGasProvider GAS = new DefaultGasProvider();

  @SuppressWarnings("deprecation")
  private static final PoolAddressesProvider PROVIDER = PoolAddressesProvider.load(ANY, null, TM, GAS);

  @SuppressWarnings("deprecation")
  private static final Pool POOL = Pool.load(ANY, null, TM, GAS);

  @SuppressWarnings("deprecation")
  private static final AaveOracle ORACLE = AaveOracle.load(ANY, null, TM, GAS);

  @SuppressWarnings("deprecation")
  private static final AToken A_TOKEN = AToken.load(ANY, null, TM, GAS);

  @SuppressWarnings("deprecation")
  private static final VariableDebtToken VARIABLE_DEBT = VariableDebtToken.load(ANY, null, TM, GAS);

  @SuppressWarnings("deprecation")
  private static final StableDebtToken STABLE_DEBT = StableDebtToken.load(ANY, null, TM, GAS);

  private AaveAbi() {}

  static String getPool() {
    return PROVIDER.getPool().encodeFunctionCall();
  }

  static String getPriceOracle() {
    return PROVIDER.getPriceOracle().encodeFunctionCall();
  }

  static String getPoolDataProvider() {
    return PROVIDER.getPoolDataProvider().encodeFunctionCall();
  }

  /** Decodes a single {@code address} return value. */
  static Address decodeAddress(String hex) {
    return Address.of((String) single(PROVIDER.getPool(), hex).getValue());
  }

  static String getReservesList() {
    return POOL.getReservesList().encodeFunctionCall();
  }

  /** Decodes {@code getReservesList}'s {@code address[]}. */
  static List<Address> decodeAddressList(String hex) {
    List<Address> out = new ArrayList<>();
    for (Object a : (List<?>) single(POOL.getReservesList(), hex).getValue()) {
      out.add(Address.of((String) ((Type<?>) a).getValue()));
    }
    return out;
  }

  static String getReserveData(Address asset) {
    return POOL.getReserveData(asset.hex()).encodeFunctionCall();
  }

  /** Decodes {@code getReserveData(asset)} into the local reserve model. */
  static AaveReserve decodeReserveData(Address asset, String hex) {
    Pool.ReserveData d = (Pool.ReserveData) single(POOL.getReserveData(ANY), hex);
    return new AaveReserve(
        asset,
        d.id.intValueExact(),
        ReserveConfig.decode(d.configuration.data),
        d.liquidityIndex,
        d.currentLiquidityRate,
        d.variableBorrowIndex,
        d.currentVariableBorrowRate,
        d.currentStableBorrowRate,
        d.lastUpdateTimestamp.longValueExact(),
        Address.of(d.aTokenAddress),
        Address.of(d.stableDebtTokenAddress),
        Address.of(d.variableDebtTokenAddress));
  }

  static String getEModeCategoryData(int id) {
    return POOL.getEModeCategoryData(BigInteger.valueOf(id)).encodeFunctionCall();
  }

  static EModeCategory decodeEModeCategory(int id, String hex) {
    Pool.EModeCategory c = (Pool.EModeCategory) single(POOL.getEModeCategoryData(BigInteger.ONE), hex);
    return new EModeCategory(
        id,
        c.ltv.intValueExact(),
        c.liquidationThreshold.intValueExact(),
        c.liquidationBonus.intValueExact(),
        Address.of(c.priceSource),
        c.label);
  }

  static String getUserConfiguration(Address user) {
    return POOL.getUserConfiguration(user.hex()).encodeFunctionCall();
  }

  static UserConfig decodeUserConfiguration(String hex) {
    return new UserConfig(((Pool.UserConfigurationMap) single(POOL.getUserConfiguration(ANY), hex)).data);
  }

  static String getUserEMode(Address user) {
    return POOL.getUserEMode(user.hex()).encodeFunctionCall();
  }

  static String getUserAccountData(Address user) {
    return POOL.getUserAccountData(user.hex()).encodeFunctionCall();
  }

  /** Decodes {@code getUserAccountData}'s six values (the zero-LTV flag is not returned; it reads false). */
  static AaveAccountData decodeUserAccountData(String hex) {
    List<Type> r = POOL.getUserAccountData(ANY).decodeFunctionResponse(hex);
    if (r.size() != 6) throw new IllegalArgumentException("getUserAccountData returned " + r.size() + " values");
    return new AaveAccountData(
        uint(r.get(0)), uint(r.get(1)), uint(r.get(2)), uint(r.get(3)), uint(r.get(4)), uint(r.get(5)), false);
  }

  static String liquidationCall(
      Address collateral, Address debt, Address user, BigInteger debtToCover, boolean receiveAToken) {
    return POOL.liquidationCall(collateral.hex(), debt.hex(), user.hex(), debtToCover, receiveAToken)
        .encodeFunctionCall();
  }

  static String getAssetsPrices(List<Address> assets) {
    return ORACLE.getAssetsPrices(assets.stream().map(Address::hex).toList()).encodeFunctionCall();
  }

  /** Decodes {@code getAssetsPrices}'s {@code uint256[]}. */
  static List<BigInteger> decodeUintList(String hex) {
    List<BigInteger> out = new ArrayList<>();
    for (Object v : (List<?>) single(ORACLE.getAssetsPrices(List.of()), hex).getValue()) out.add(uint((Type<?>) v));
    return out;
  }

  static String scaledBalanceOf(Address user) {
    return A_TOKEN.scaledBalanceOf(user.hex()).encodeFunctionCall();
  }

  static String variableScaledBalanceOf(Address user) {
    return VARIABLE_DEBT.scaledBalanceOf(user.hex()).encodeFunctionCall();
  }

  static String principalBalanceOf(Address user) {
    return STABLE_DEBT.principalBalanceOf(user.hex()).encodeFunctionCall();
  }

  static String getUserStableRate(Address user) {
    return STABLE_DEBT.getUserStableRate(user.hex()).encodeFunctionCall();
  }

  static String getUserLastUpdated(Address user) {
    return STABLE_DEBT.getUserLastUpdated(user.hex()).encodeFunctionCall();
  }

  static String balanceOf(Address user) {
    return A_TOKEN.balanceOf(user.hex()).encodeFunctionCall();
  }

  /** Decodes a single unsigned integer return value (any width). */
  static BigInteger decodeUint(String hex) {
    return uint(single(A_TOKEN.scaledBalanceOf(ANY), hex));
  }

  private static Type<?> single(RemoteFunctionCall<?> fn, String hex) {
    List<Type> r = fn.decodeFunctionResponse(hex);
    if (r.size() != 1) throw new IllegalArgumentException("expected one return value, got " + r.size());
    return r.get(0);
  }

  private static BigInteger uint(Type<?> t) {
    return (BigInteger) t.getValue();
  }
}
