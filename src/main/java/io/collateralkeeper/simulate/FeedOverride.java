package io.collateralkeeper.simulate;

import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.ForkPriceFeed;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.oracle.FeedReading;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Replaces a price feed on an Anvil fork by a {@code ForkPriceFeed} answering a shocked price: reads the feed's
 * decimals and latest round, puts the ForkPriceFeed runtime code at the feed's address ({@code anvil_setCode}), writes
 * its round into storage slots 0-4 ({@code anvil_setStorageAt}: round id + 1, answer, startedAt and updatedAt = the
 * block's timestamp, decimals), and reads it back. Feeds that only serve the legacy {@code latestAnswer} (as some
 * AaveOracle sources do) are read through it. Development chains only.
 */
final class FeedOverride {
  private static final ForkPriceFeed FEED = Wrappers.at(Address.ZERO, ForkPriceFeed::load);

  private final ChainClient fork;
  private String runtimeCode;

  FeedOverride(ChainClient fork) {
    this.fork = fork;
  }

  /**
   * Installs {@code shock} on {@code feed}.
   *
   * @param names the asset names that reach the feed (for the report)
   * @param block the fork's head: the round read and the timestamp written
   * @throws KeeperException when the feed answers neither {@code latestRoundData} nor {@code latestAnswer}, or the
   *     override does not read back
   */
  AppliedShock install(Shock shock, Address feed, Set<String> names, long block) {
    int decimals = decimals(feed, block);
    BigInteger round = BigInteger.ZERO;
    BigInteger before;
    try {
      FeedReading r = FeedAbi.decodeRound(feed, fork.call(new CallRequest(feed, FeedAbi.latestRoundData()), block));
      round = r.roundId();
      before = r.answer();
    } catch (RpcException | IllegalArgumentException noRoundData) {
      before = latestAnswer(feed, block);
    }
    BigInteger after = shock.apply(before);
    BigInteger timestamp = fork.block(block).getTimestamp();
    new DevnetControl(fork).setCode(feed, runtimeCode());
    List<String> words =
        List.of(
            uint(round.add(BigInteger.ONE)),
            TypeEncoder.encode(new Int256(after)),
            uint(timestamp),
            uint(timestamp),
            uint(BigInteger.valueOf(decimals)));
    for (int slot = 0; slot < words.size(); slot++) {
      fork.rpc("anvil_setStorageAt", feed.hex(), Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(slot), 64),
          "0x" + words.get(slot));
    }
    FeedReading check = FeedAbi.decodeRound(feed, fork.call(null, new CallRequest(feed, FeedAbi.latestRoundData()),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST));
    if (!check.answer().equals(after) || !latestAnswerNow(feed).equals(after)) {
      throw new KeeperException("the shocked feed " + feed + " answers " + check.answer() + " instead of " + after);
    }
    return new AppliedShock(shock, feed, names, decimals, before, after);
  }

  /** ForkPriceFeed's runtime code: what its creation code returns, from an eth_call without a recipient. */
  private String runtimeCode() {
    if (runtimeCode == null) {
      runtimeCode = new DevnetControl(fork).runtimeCode(ForkPriceFeed.BINARY);
    }
    return runtimeCode;
  }

  private int decimals(Address feed, long block) {
    try {
      return Numeric.toBigInt(fork.call(new CallRequest(feed, FEED.decimals().encodeFunctionCall()), block)).intValueExact();
    } catch (RpcException | ArithmeticException | NumberFormatException noDecimals) {
      return 8; // AaveOracle sources without decimals() answer in the oracle's 8-decimal USD base
    }
  }

  private BigInteger latestAnswer(Address feed, long block) {
    try {
      String hex = fork.call(new CallRequest(feed, FEED.latestAnswer().encodeFunctionCall()), block);
      return new BigInteger(Numeric.hexStringToByteArray(hex));
    } catch (RpcException | NumberFormatException e) {
      throw new KeeperException("feed " + feed + " answers neither latestRoundData nor latestAnswer: cannot shock it");
    }
  }

  private BigInteger latestAnswerNow(Address feed) {
    String hex = fork.call(null, new CallRequest(feed, FEED.latestAnswer().encodeFunctionCall()),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST);
    return new BigInteger(Numeric.hexStringToByteArray(hex));
  }

  private static String uint(BigInteger v) {
    return TypeEncoder.encode(new Uint256(v));
  }
}
