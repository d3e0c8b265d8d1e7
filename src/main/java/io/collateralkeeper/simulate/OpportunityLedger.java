package io.collateralkeeper.simulate;

import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.OutcomeRecord;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects a dry run's opportunities from the daemon's per-block reports and its attempts. Pure: outcomes come in
 * through a lookup of the journal.
 */
public final class OpportunityLedger {
  // the daemon's skip lines: "0xACCOUNT: reason" (lines about nonces are not opportunities)
  private static final Pattern SKIP = Pattern.compile("(0x[0-9a-f]{40}): (.*)", Pattern.DOTALL);

  private record Skip(long block, String reason) {}

  private final Map<Address, Skip> lastSkip = new LinkedHashMap<>();

  /** Records one block's report (its skip reasons). */
  public void record(BlockReport report) {
    for (String line : report.skipped()) {
      Matcher m = SKIP.matcher(line);
      if (m.matches()) lastSkip.put(Address.of(m.group(1)), new Skip(report.block(), m.group(2)));
    }
  }

  /**
   * The opportunities: every liquidation attempt (preparations such as approvals are not opportunities: their gas
   * shows in the balance check), then every account skipped after its last attempt (or never attempted), by block
   * then account.
   *
   * @param attempts the daemon's attempts, settled or not
   * @param intents the journal's intent of a transaction, by hash
   * @param outcomes the journal's outcome of an included transaction, by hash
   */
  public List<Opportunity> opportunities(
      List<Attempt> attempts,
      Function<String, Optional<IntentRecord>> intents,
      Function<String, Optional<OutcomeRecord>> outcomes) {
    List<Opportunity> out = new ArrayList<>();
    Map<Address, Long> lastAttempt = new LinkedHashMap<>();
    for (Attempt a : attempts) {
      Optional<IntentRecord> intent = intents.apply(a.tx().hash());
      if (intent.isPresent() && KeeperDaemon.PREPARE.equals(intent.get().action())) continue;
      out.add(row(a, intent, outcomes.apply(a.tx().hash())));
      lastAttempt.merge(a.account(), a.tx().sentAtBlock(), Math::max);
    }
    lastSkip.forEach((account, skip) -> {
      Long attempted = lastAttempt.get(account);
      if (attempted == null || skip.block() > attempted) out.add(Opportunity.skipped(account, skip.block(), skip.reason()));
    });
    out.sort(Comparator.comparingLong(Opportunity::block).thenComparing(Opportunity::account));
    return out;
  }

  private static Opportunity row(Attempt a, Optional<IntentRecord> intent, Optional<OutcomeRecord> outcome) {
    BigInteger expectedProfit = a.expectedRevenueUsdWad().subtract(a.expectedGasCostUsdWad());
    Optional<String> tx = Optional.of(a.tx().hash());
    if (!a.included()) {
      return new Opportunity(a.account(), "liquidate", Opportunity.Status.PENDING, a.tx().sentAtBlock(), tx,
          expectedProfit, a.expectedGasCostUsdWad(), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
          "not included by the end of the run");
    }
    BigInteger gasUsed = outcome.map(OutcomeRecord::gasUsed).orElse(BigInteger.ZERO);
    BigInteger realized = a.revenueUsdWad().subtract(a.gasCostUsdWad());
    boolean cancelled = intent.isPresent() && intent.get().status() == IntentStatus.CANCELLED;
    Opportunity.Status status =
        cancelled ? Opportunity.Status.CANCELLED : a.success() ? Opportunity.Status.WON : Opportunity.Status.REVERTED;
    String reason = switch (status) {
      case CANCELLED -> "cancelled in block " + a.includedBlock() + ": the account was no longer liquidatable";
      case REVERTED -> "reverted in block " + a.includedBlock();
      default -> "";
    };
    return new Opportunity(a.account(), "liquidate", status, a.tx().sentAtBlock(), tx, expectedProfit,
        a.expectedGasCostUsdWad(), a.revenueUsdWad(), realized, gasUsed, a.gasCostWei(), reason);
  }
}
