package io.collateralkeeper.oracle;

import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Encoding and decoding of Chainlink {@code AggregatorV3Interface} calls, through the generated wrapper of our
 * MockAggregator (same ABI as every Chainlink aggregator).
 */
public final class FeedAbi {
  private static final MockAggregator WRAPPER =
      MockAggregator.load(
          Address.ZERO.hex(), null, new ReadonlyTransactionManager(null, Address.ZERO.hex()), new DefaultGasProvider());

  private FeedAbi() {}

  /** Calldata of {@code latestRoundData()}. */
  public static String latestRoundData() {
    return WRAPPER.latestRoundData().encodeFunctionCall();
  }

  /** Calldata of {@code decimals()}. */
  public static String decimals() {
    return WRAPPER.decimals().encodeFunctionCall();
  }

  /**
   * Decodes a {@code decimals()} answer (uint8).
   *
   * @throws IllegalArgumentException when the data is not one ABI word holding a uint8
   */
  public static int decodeDecimals(Address feed, String hex) {
    List<Type> r = WRAPPER.decimals().decodeFunctionResponse(hex);
    if (r.size() != 1) throw new IllegalArgumentException("feed " + feed + " returned malformed decimals");
    BigInteger d = (BigInteger) r.get(0).getValue();
    if (d.signum() < 0 || d.compareTo(BigInteger.valueOf(77)) > 0) {
      throw new IllegalArgumentException("feed " + feed + " reports " + d + " decimals");
    }
    return d.intValueExact();
  }

  /** Calldata of {@code getRoundData(roundId)}. */
  public static String getRoundData(BigInteger roundId) {
    return WRAPPER.getRoundData(roundId).encodeFunctionCall();
  }

  /**
   * Decodes a {@code latestRoundData} or {@code getRoundData} answer.
   *
   * @throws IllegalArgumentException when the data is not five ABI words
   */
  public static FeedReading decodeRound(Address feed, String hex) {
    List<Type> r = WRAPPER.latestRoundData().decodeFunctionResponse(hex);
    if (r.size() != 5) throw new IllegalArgumentException("feed " + feed + " returned malformed round data");
    return new FeedReading(
        feed,
        (BigInteger) r.get(0).getValue(),
        (BigInteger) r.get(1).getValue(),
        ((BigInteger) r.get(3).getValue()).longValueExact());
  }
}
