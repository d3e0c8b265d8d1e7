package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import java.util.Locale;

/**
 * Broadcasts signed transactions to the public mempool ({@code eth_sendRawTransaction}) and classifies the answer. For
 * an impersonated sender on Anvil ({@code keeper simulate}) it sends the same transaction's fields with {@code
 * eth_sendTransaction} instead, and checks that Anvil gave it the hash that was journaled.
 */
final class Broadcaster {
  private final ChainClient chain;
  private final Address impersonated;

  /** Broadcasts with {@code eth_sendRawTransaction}. */
  Broadcaster(ChainClient chain) {
    this(chain, (Address) null);
  }

  /** Broadcasts the transactions {@code signer} makes: raw, or as an impersonated sender's. */
  Broadcaster(ChainClient chain, TxSigner signer) {
    this(chain, signer.impersonated() ? signer.from() : null);
  }

  private Broadcaster(ChainClient chain, Address impersonated) {
    this.chain = chain;
    this.impersonated = impersonated;
  }

  /** Sends {@code rawHex}; never throws for a node's refusal or a transport failure, which are classified. */
  BroadcastResult send(String rawHex) {
    try {
      if (impersonated == null) {
        chain.sendRaw(rawHex);
        return BroadcastResult.ACCEPTED;
      }
      return sendImpersonated(rawHex);
    } catch (RpcException e) {
      return BroadcastResult.classify(e);
    }
  }

  /**
   * Sends many signed transactions: in one JSON-RPC batch (one round trip) for a real signer; one by one for an
   * impersonated sender. Never throws; each answer is classified.
   */
  java.util.List<BroadcastResult> sendAll(java.util.List<String> rawHexes) {
    if (impersonated != null || rawHexes.size() == 1) return rawHexes.stream().map(this::send).toList();
    return chain.sendRawBatch(rawHexes).stream()
        .map(r -> r.map(BroadcastResult::classify).orElse(BroadcastResult.ACCEPTED))
        .toList();
  }

  private BroadcastResult sendImpersonated(String rawHex) {
    String expected =
        ImpersonatedEnvelope.hash(org.web3j.utils.Numeric.hexStringToByteArray(rawHex), impersonated);
    Object hash = chain.rpc("eth_sendTransaction", ImpersonatedEnvelope.sendTransactionParams(rawHex, impersonated));
    if (!(hash instanceof String h) || !h.toLowerCase(Locale.ROOT).equals(expected)) {
      return new BroadcastResult(
          SendStatus.REJECTED,
          "Anvil answered hash " + hash + " for impersonated transaction " + expected
              + ": its impersonation scheme differs from Anvil 1.7.1's");
    }
    return BroadcastResult.ACCEPTED;
  }
}
