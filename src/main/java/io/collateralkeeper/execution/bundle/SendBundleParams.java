package io.collateralkeeper.execution.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * The parameter object of {@code eth_sendBundle} (Flashbots relay API).
 *
 * @param txs signed raw transactions, 0x-hex, executed in this order
 * @param blockNumber the one block the bundle is valid for, hex quantity
 * @param revertingTxHashes hashes of the transactions allowed to revert (null for none)
 * @param replacementUuid an id under which a later bundle replaces this one (null for none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendBundleParams(
    List<String> txs, String blockNumber, List<String> revertingTxHashes, String replacementUuid) {

  /** A bundle of {@code txs} for {@code block}, none allowed to revert. */
  public static SendBundleParams of(List<String> txs, long block, String replacementUuid) {
    return new SendBundleParams(List.copyOf(txs), Numeric.encodeQuantity(java.math.BigInteger.valueOf(block)), null, replacementUuid);
  }
}
