package io.collateralkeeper.protect;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallRevertedException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.Submission;
import io.collateralkeeper.execution.TxPipeline;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.protocol.ProtectionAdapter;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.protect.ProtectOption;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Sends one decided protect action: encode it, check the gas price cap, simulate it ({@code eth_call}, then {@code
 * eth_estimateGas}; a reverting simulation is never sent), check that the worst-case gas leaves the wallet's minimum
 * native balance, then submit it through the journaled {@link TxPipeline}. Every refusal is a one-line reason.
 */
final class ProtectExecutor {
  /** The result: submitted, or why not. */
  sealed interface Outcome {
    record Sent(SentAction action, long intentId) implements Outcome {}

    record NotSent(String reason) implements Outcome {}
  }

  private final ChainClient chain;
  private final ProtectionAdapter adapter;
  private final ProtectSettings settings;
  private final Address wallet;
  private final String protocol;

  ProtectExecutor(ChainClient chain, ProtectionAdapter adapter, ProtectSettings settings, Address wallet, String protocol) {
    this.chain = chain;
    this.adapter = adapter;
    this.settings = settings;
    this.wallet = wallet;
    this.protocol = protocol;
  }

  Outcome execute(
      TxPipeline pipeline, Address account, ProtectOption option, BigInteger targetWad, BigInteger baseFee,
      BigInteger nativeWei, long head) {
    TxCall call = adapter.encodeProtection(account, wallet, option);
    Optional<FeeQuote> fee = settings.fees().quote(baseFee);
    if (fee.isEmpty()) {
      return new Outcome.NotSent("base fee " + gwei(baseFee) + " gwei plus tip is above the gas price cap "
          + gwei(settings.fees().maxFeeCap()) + " gwei");
    }
    BigInteger gas;
    try {
      CallRequest request = new CallRequest(call.to(), call.data());
      chain.call(wallet, request, DefaultBlockParameterName.LATEST);
      gas = chain.estimateGas(wallet, request);
    } catch (CallRevertedException e) {
      return new Outcome.NotSent("simulation reverted: " + e.getMessage());
    }
    BigInteger gasLimit = gas.multiply(BigInteger.valueOf(10_000 + settings.gasLimitBufferBps())).divide(Units.BPS);
    BigInteger worst = gasLimit.multiply(fee.get().maxFeePerGas());
    if (nativeWei.subtract(worst).compareTo(settings.minNativeWei()) < 0) {
      return new Outcome.NotSent("the wallet holds " + Units.formatWad(nativeWei, 6) + " native; the worst-case gas "
          + Units.formatWad(worst, 6) + " would leave less than min-native-balance " + Units.formatWad(settings.minNativeWei(), 6));
    }
    IntentSpec intent = new IntentSpec(protocol, account, IntentAction.of(option).text(option.slot()), BigInteger.ZERO);
    return switch (pipeline.submit(intent, call, gasLimit, fee.get(), head)) {
      case Submission.Sent s -> new Outcome.Sent(new SentAction(account, option, targetWad, s.tx().hash()), s.intent().id());
      case Submission.Refused r -> new Outcome.NotSent("not sent: " + r.reason());
    };
  }

  private static String gwei(BigInteger wei) {
    return new java.math.BigDecimal(wei, 9).stripTrailingZeros().toPlainString();
  }
}
