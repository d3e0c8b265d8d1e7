package io.collateralkeeper.devnet.relay;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A public mempool transaction swept into a block the relay reverted, kept to be put back: its raw bytes and its
 * fields as {@code eth_getTransactionByHash} returned them.
 */
record PublicTx(String hash, String raw, Map<?, ?> fields) {
  private static final Logger LOG = LoggerFactory.getLogger(PublicTx.class);
  private static final List<String> SEND_FIELDS =
      List.of("from", "to", "value", "input", "gas", "nonce", "maxFeePerGas", "maxPriorityFeePerGas", "gasPrice", "accessList");

  /**
   * Puts the transaction back in the mempool: by its raw bytes, or, when those carry Anvil's fake signature of an
   * impersonated sender, as {@code eth_sendTransaction} with the same fields.
   */
  void resubmit(ChainClient chain) {
    try {
      chain.sendRaw(raw);
      return;
    } catch (RpcException rawRefused) {
      // impersonated: Anvil cannot recover a sender from the placeholder signature
    }
    Map<String, Object> tx = new LinkedHashMap<>();
    for (String k : SEND_FIELDS) if (fields.get(k) != null) tx.put(k, fields.get(k));
    if (tx.containsKey("maxFeePerGas")) tx.remove("gasPrice");
    try {
      chain.rpc("eth_sendTransaction", tx);
    } catch (RpcException e) {
      LOG.warn("devnet relay: public transaction {} lost after a failed bundle block: {}", hash, e.getMessage());
    }
  }
}
