package io.collateralkeeper.execution;

import static io.collateralkeeper.devnet.relay.RelayFixture.GWEI;
import static io.collateralkeeper.devnet.relay.RelayFixture.dev;
import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.relay.DevnetBundleRelay;
import io.collateralkeeper.devnet.relay.RelayFixture;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The tip floor from Anvil's eth_feeHistory: the median tip of the recent blocks that used gas. */
class FeeHistoryFloorIT {

  @Test
  void shouldTakeTheMedianTipOfRecentNonEmptyBlocks() {
    try (RelayFixture fx = RelayFixture.start(DevnetBundleRelay.Mode.BUILD_ON_CALL)) {
      Address to = Address.of("0x000000000000000000000000000000000000aaaa");
      long nonce = fx.nonce(dev(1));
      for (long tipGwei : new long[] {3, 1, 2}) { // one transaction per block (automine)
        fx.chain.sendRaw(fx.sign(dev(1), nonce++, to, BigInteger.ONE, "0x", 21_000, GWEI.multiply(BigInteger.valueOf(tipGwei))));
      }
      fx.devnet.mine(); // an empty block, ignored

      BigInteger floor = new FeeHistoryFloor(fx.chain, 10, 50).floor();

      assertThat(floor).isEqualTo(GWEI.multiply(BigInteger.TWO));
    }
  }
}
