package io.collateralkeeper.protocol.vault;

import io.collateralkeeper.contracts.CrossMarginVault;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.VaultAccount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * ABI encoding and decoding of {@code CrossMarginVault} calls, through the web3j wrapper generated from
 * contracts-abi/CrossMarginVault.abi (no network use: the wrapper only builds and parses call data).
 */
public final class VaultAbi {
  private static final String ANY = Address.ZERO.hex();
  private final CrossMarginVault wrapper;

  @SuppressWarnings("deprecation")
  public VaultAbi(Address vault) {
    this.wrapper =
        CrossMarginVault.load(vault.hex(), null, new ReadonlyTransactionManager(null, ANY), new DefaultGasProvider());
  }

  public String getAccount(Address account) {
    return wrapper.getAccount(account.hex()).encodeFunctionCall();
  }

  /** Decodes {@code getAccount}'s return data. */
  @SuppressWarnings("unchecked")
  public VaultAccount decodeAccount(String hex) {
    List<Type> r = wrapper.getAccount(ANY).decodeFunctionResponse(hex);
    if (r.size() != 4) throw new IllegalArgumentException("getAccount returned " + r.size() + " values");
    return new VaultAccount(
        values((List<Type>) r.get(0).getValue()),
        (BigInteger) r.get(1).getValue(),
        values((List<Type>) r.get(2).getValue()),
        values((List<Type>) r.get(3).getValue()));
  }

  public String healthFactor(Address account) {
    return wrapper.healthFactor(account.hex()).encodeFunctionCall();
  }

  public BigInteger decodeUint(String hex) {
    return (BigInteger) wrapper.healthFactor(ANY).decodeFunctionResponse(hex).get(0).getValue();
  }

  public String accountValue(Address account) {
    return wrapper.accountValue(account.hex()).encodeFunctionCall();
  }

  public AccountValue decodeAccountValue(String hex) {
    List<Type> r = wrapper.accountValue(ANY).decodeFunctionResponse(hex);
    return new AccountValue(
        (BigInteger) r.get(0).getValue(), (BigInteger) r.get(1).getValue(), (BigInteger) r.get(2).getValue());
  }

  public String liquidate(Address account, int marketId, BigInteger size) {
    return wrapper.liquidate(account.hex(), BigInteger.valueOf(marketId), size).encodeFunctionCall();
  }

  public String deposit(int collateralId, BigInteger amount) {
    return wrapper.deposit(BigInteger.valueOf(collateralId), amount).encodeFunctionCall();
  }

  public String withdraw(int collateralId, BigInteger amount) {
    return wrapper.withdraw(BigInteger.valueOf(collateralId), amount).encodeFunctionCall();
  }

  public String trade(int marketId, BigInteger sizeDelta) {
    return wrapper.trade(BigInteger.valueOf(marketId), sizeDelta).encodeFunctionCall();
  }

  /** {@code multicall(bytes[])}: several of the caller's own vault calls in one transaction. */
  public String multicall(List<String> calls) {
    List<byte[]> data = new ArrayList<>();
    for (String c : calls) data.add(org.web3j.utils.Numeric.hexStringToByteArray(c));
    return wrapper.multicall(data).encodeFunctionCall();
  }

  public String collateralCount() {
    return wrapper.collateralCount().encodeFunctionCall();
  }

  public String marketCount() {
    return wrapper.marketCount().encodeFunctionCall();
  }

  public String heartbeat() {
    return wrapper.heartbeat().encodeFunctionCall();
  }

  public String collateral(int id) {
    return wrapper.collaterals(BigInteger.valueOf(id)).encodeFunctionCall();
  }

  /** Decodes {@code collaterals(id)}: token, feed, decimals, haircut bps. */
  public List<Type> decodeCollateral(String hex) {
    return wrapper.collaterals(BigInteger.ZERO).decodeFunctionResponse(hex);
  }

  public String market(int id) {
    return wrapper.markets(BigInteger.valueOf(id)).encodeFunctionCall();
  }

  /** Decodes {@code markets(id)}: feed, initial, maintenance margin and liquidation fee bps. */
  public List<Type> decodeMarket(String hex) {
    return wrapper.markets(BigInteger.ZERO).decodeFunctionResponse(hex);
  }

  private static List<BigInteger> values(List<Type> types) {
    List<BigInteger> out = new ArrayList<>(types.size());
    for (Type t : types) out.add((BigInteger) t.getValue());
    return out;
  }
}
