package io.collateralkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.BlockReport;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.SentTx;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.OutcomeRecord;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpportunityLedgerTest {
  private static final Address A = Address.of("0x" + "a".repeat(40));
  private static final Address B = Address.of("0x" + "b".repeat(40));
  private static final Address C = Address.of("0x" + "c".repeat(40));
  private static final Address TOKEN = Address.of("0x" + "d".repeat(40));
  private static final BigInteger USD = BigInteger.TEN.pow(18);

  private static BigInteger usd(long v) {
    return BigInteger.valueOf(v).multiply(USD);
  }

  private static Attempt attempt(String hash, Address account, long sent, long included, boolean success, long revenue, long gasUsd) {
    SentTx tx = new SentTx(hash, BigInteger.ONE, account, BigInteger.valueOf(300_000), new FeeQuote(BigInteger.TEN, BigInteger.ONE, BigInteger.ONE), sent);
    return new Attempt(tx, usd(100), usd(5), included, success, usd(revenue), BigInteger.valueOf(7), usd(gasUsd));
  }

  private static IntentRecord intent(Address account, String action, IntentStatus status) {
    return new IntentRecord(1, 0, 31337, "p", account, action, "k", BigInteger.ZERO, status);
  }

  @Test
  void shouldReportWonRevertedCancelledPendingAndSkippedOpportunities() {
    OpportunityLedger ledger = new OpportunityLedger();
    ledger.record(new BlockReport(10, 3, Set.of(A, B, C), List.of(), List.of(),
        List.of(C + ": unprofitable: net $0.01 below minimum $1", "nonce 4 (0x1): held")));
    ledger.record(new BlockReport(11, 3, Set.of(C), List.of(), List.of(), List.of(C + ": no bid: gas above profit")));
    List<Attempt> attempts = List.of(
        attempt("0xa1", A, 10, 11, true, 100, 4),
        attempt("0xb1", B, 10, 11, false, 0, 3),
        attempt("0xb2", B, 11, 12, true, 0, 1),
        attempt("0xa2", A, 12, -1, false, 0, 0),
        attempt("0xd1", TOKEN, 9, 10, true, 0, 1));
    Map<String, IntentRecord> intents = Map.of(
        "0xa1", intent(A, "liquidate", IntentStatus.WON),
        "0xb1", intent(B, "liquidate", IntentStatus.LOST),
        "0xb2", intent(B, "liquidate", IntentStatus.CANCELLED),
        "0xd1", intent(TOKEN, KeeperDaemon.PREPARE, IntentStatus.WON));
    OutcomeRecord outcome = new OutcomeRecord("0xa1", 11, true, BigInteger.valueOf(250_000), BigInteger.ONE, usd(100), usd(4));

    List<Opportunity> rows = ledger.opportunities(attempts, h -> Optional.ofNullable(intents.get(h)),
        h -> h.equals("0xa1") ? Optional.of(outcome) : Optional.empty());

    assertThat(rows).extracting(Opportunity::account, Opportunity::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(A, Opportunity.Status.WON),
        org.assertj.core.groups.Tuple.tuple(B, Opportunity.Status.REVERTED),
        org.assertj.core.groups.Tuple.tuple(B, Opportunity.Status.CANCELLED),
        org.assertj.core.groups.Tuple.tuple(C, Opportunity.Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(A, Opportunity.Status.PENDING));
    Opportunity won = rows.get(0);
    assertThat(won.expectedProfitUsdWad()).isEqualTo(usd(95));
    assertThat(won.realizedProfitUsdWad()).isEqualTo(usd(96));
    assertThat(won.gasUsed()).isEqualTo(BigInteger.valueOf(250_000));
    assertThat(won.withinGasEstimate()).isTrue(); // |96 - 95| <= 5
    assertThat(rows.get(1).realizedProfitUsdWad()).isEqualTo(usd(-3));
    assertThat(rows.get(1).reason()).isEqualTo("reverted in block 11");
    assertThat(rows.get(2).reason()).contains("no longer liquidatable");
    assertThat(rows.get(3).reason()).isEqualTo("no bid: gas above profit");
    assertThat(rows.get(3).block()).isEqualTo(11);
    assertThat(rows.get(4).reason()).isEqualTo("not included by the end of the run");
  }

  @Test
  void shouldFlagARealizedProfitFurtherFromTheExpectedThanTheGasEstimate() {
    Opportunity far = new Opportunity(A, "liquidate", Opportunity.Status.WON, 1, Optional.of("0x1"), usd(95), usd(5),
        usd(110), usd(101), BigInteger.ONE, BigInteger.ONE, "");
    assertThat(far.withinGasEstimate()).isFalse();
  }

  @Test
  void shouldGiveAOneLineVerdict() {
    List<Opportunity> rows = List.of(
        new Opportunity(A, "liquidate", Opportunity.Status.WON, 1, Optional.of("0x1"), usd(95), usd(5), usd(100), usd(96),
            BigInteger.ONE, BigInteger.ONE, ""),
        new Opportunity(B, "liquidate", Opportunity.Status.REVERTED, 1, Optional.of("0x2"), usd(50), usd(5), BigInteger.ZERO,
            usd(-3), BigInteger.ONE, BigInteger.ONE, "reverted in block 2"),
        Opportunity.skipped(C, 2, "unprofitable"));
    SimulationReport r = new SimulationReport("http://127.0.0.1:1", 1, 100, 110, 10, A, List.of(), rows,
        new BalanceCheck(BigInteger.ONE, BigInteger.ONE, List.of(), usd(100)));
    assertThat(r.verdict()).isEqualTo(
        "would have earned $96.00, lost $3.00 to reverts (1 won, 1 reverted, 0 cancelled, 0 pending, 1 skipped in 10 blocks)");
    assertThat(SimulationText.render(r)).contains("verdict: " + r.verdict()).contains("INCONSISTENT");
  }
}
