package io.collateralkeeper.protect;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.ProtectionAdapter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * {@code keeper protect --explain}: per account the current health, the band in force (with the VaR / ES figures of an
 * automatic target) and the action protect mode would take now. Reads only; sends nothing.
 */
public final class ProtectExplainer {
  private final ChainClient chain;
  private final ProtectionAdapter adapter;
  private final ProtectSettings settings;
  private final AccountAssessor assessor;
  private final WalletReader walletReader;
  private final SpendLedger ledger;
  private final Address wallet;

  ProtectExplainer(
      ChainClient chain, ProtectionAdapter adapter, ProtectSettings settings, AccountAssessor assessor,
      WalletReader walletReader, SpendLedger ledger, Address wallet) {
    this.chain = chain;
    this.adapter = adapter;
    this.settings = settings;
    this.assessor = assessor;
    this.walletReader = walletReader;
    this.ledger = ledger;
    this.wallet = wallet;
  }

  /** Every protected account's status at {@code head}. */
  public List<AccountStatus> assess(long head) {
    EthBlock.Block block = chain.block(head);
    adapter.refresh(head, block.getTimestamp().longValueExact(),
        settings.accounts().stream().map(ProtectedAccount::address).toList());
    WalletState w = walletReader.read(wallet, settings.tokens(), head);
    Map<Address, BigInteger> spent = ledger.spentToday();
    List<AccountStatus> out = new ArrayList<>();
    for (ProtectedAccount a : settings.accounts()) out.add(assessor.assess(a, w, spent, head));
    return out;
  }

  /** The explanation at {@code head}, as printed. */
  public String explain(long head) {
    return ExplainFormatter.format(head, adapter.name(), wallet, settings, assess(head), ledger.spentToday());
  }
}
