package io.collateralkeeper.execution;

import static io.collateralkeeper.devnet.relay.RelayFixture.GWEI;
import static io.collateralkeeper.devnet.relay.RelayFixture.dev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.collateralkeeper.devnet.relay.DevnetBundleRelay;
import io.collateralkeeper.devnet.relay.RelayFixture;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The tip floor from Anvil's eth_feeHistory: the median tip of the recent blocks that used gas. */
class FeeHistoryFloorIT {

  @Test
  void shouldTakeTheMedianTipOfRecentNonEmptyBlocks() {
    try (RelayFixture fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL)) {
      Address to = Address.of("0x000000000000000000000000000000000000aaaa");
      long nonce = fx.nonce(dev(1));
      for (long tipGwei : new long[] {3, 1, 2}) { // one transaction per block (automine)
        fx.sendAndMine(fx.sign(dev(1), nonce++, to, BigInteger.ONE, "0x", 21_000, GWEI.multiply(BigInteger.valueOf(tipGwei))));
      }
      fx.devnet.mine(); // an empty block, ignored
      // Anvil fills its fee history in a background task: wait until it covers the three blocks with transactions
      await().atMost(Duration.ofSeconds(10)).until(() -> blocksWithGas(fx) == 3);

      BigInteger floor = new FeeHistoryFloor(fx.chain, 10, 50).floor();

      assertThat(floor).isEqualTo(GWEI.multiply(BigInteger.TWO));
    }
  }

  private static long blocksWithGas(RelayFixture fx) {
    return fx.chain
        .send("eth_feeHistory", fx.chain.web3j().ethFeeHistory(10, DefaultBlockParameterName.LATEST, List.of(50.0)))
        .getFeeHistory()
        .getGasUsedRatio()
        .stream()
        .filter(r -> r > 0)
        .count();
  }
}
