package io.collateralkeeper.protect;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.SettledTx;
import io.collateralkeeper.protocol.ProtectionAdapter;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Checks an included protect transaction against its plan: the ERC-20 {@code Transfer}s out of the wallet in its
 * receipt must not exceed the planned spend, and the account re-evaluated at the prices the action was sized with must
 * be at or above the planned health (the target, or the planned partial health). The protocol's own health view at
 * the inclusion block is recorded too (prices may have moved in that very block).
 */
final class LandingChecker {
  private static final String TRANSFER = EventEncoder.encode(IERC20Detailed.TRANSFER_EVENT);

  private final ChainClient chain;
  private final ProtectionAdapter adapter;
  private final Address wallet;

  LandingChecker(ChainClient chain, ProtectionAdapter adapter, Address wallet) {
    this.chain = chain;
    this.adapter = adapter;
    this.wallet = wallet;
  }

  /**
   * @param plan the plan, or empty after a restart (then only the spend and the on-chain health are checked)
   * @param minWad the band's min (the bar when there is no plan)
   */
  Landing check(SettledTx s, IntentAction action, Optional<Plan> plan, BigInteger minWad) {
    Address account = s.intent().orElseThrow().account();
    long block = s.outcome().block();
    BigInteger onChain = adapter.healthOnChain(account, block);
    if (!s.outcome().success()) {
      return new Landing(account, action.kind(), block, false, action.spend(), BigInteger.ZERO,
          plan.map(Plan::expectedHealth), Optional.empty(), onChain, false);
    }
    BigInteger spent = action.token().map(t -> transfersOut(s.tx().hash(), t)).orElse(BigInteger.ZERO);
    Optional<BigInteger> landed = plan.flatMap(p -> adapter.healthAt(account, p.prices()));
    boolean healthOk = plan.isPresent()
        ? landed.map(h -> h.compareTo(plan.get().expectedHealth()) >= 0).orElse(false)
        : onChain.compareTo(minWad) >= 0;
    boolean spendOk = spent.compareTo(action.spend()) <= 0;
    return new Landing(account, action.kind(), block, true, action.spend(), spent, plan.map(Plan::expectedHealth), landed,
        onChain, healthOk && spendOk);
  }

  /** Sum of {@code Transfer(wallet -> *)} amounts of one token in a receipt, token units. */
  private BigInteger transfersOut(String txHash, Address token) {
    Optional<TransactionReceipt> receipt = chain.receipt(txHash);
    BigInteger total = BigInteger.ZERO;
    if (receipt.isEmpty()) return total;
    List<Log> logs = receipt.get().getLogs();
    for (Log log : logs) {
      if (log.getTopics() == null || log.getTopics().size() != 3 || !TRANSFER.equals(log.getTopics().get(0))) continue;
      if (!token.equals(Address.of(log.getAddress()))) continue;
      var e = IERC20Detailed.getTransferEventFromLog(log);
      if (wallet.equals(Address.of(e.from))) total = total.add(e.value);
    }
    return total;
  }
}
