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
