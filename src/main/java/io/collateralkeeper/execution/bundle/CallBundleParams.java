package io.collateralkeeper.execution.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigInteger;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * The parameter object of {@code eth_callBundle}: simulate {@code txs} as if in {@code blockNumber}, on the state
 * after {@code stateBlockNumber}.
 *
 * @param txs signed raw transactions, 0x-hex
 * @param blockNumber the block the bundle would be in, hex quantity
 * @param stateBlockNumber the state to simulate on: a hex quantity or a tag such as "latest"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallBundleParams(List<String> txs, String blockNumber, String stateBlockNumber) {

  /** Simulates {@code txs} for block {@code head + 1} on the state of {@code head}. */
  public static CallBundleParams nextBlock(List<String> txs, long head) {
    return new CallBundleParams(
        List.copyOf(txs), Numeric.encodeQuantity(BigInteger.valueOf(head + 1)), Numeric.encodeQuantity(BigInteger.valueOf(head)));
  }
}
