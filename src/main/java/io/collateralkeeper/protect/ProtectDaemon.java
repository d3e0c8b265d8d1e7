package io.collateralkeeper.protect;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.PipelineSettings;
import io.collateralkeeper.execution.ReceiptValuer;
import io.collateralkeeper.execution.SettledTx;
import io.collateralkeeper.execution.Submission;
import io.collateralkeeper.execution.TrackReport;
import io.collateralkeeper.execution.TxPipeline;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.protocol.ProtectionAdapter;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.ProfitModel;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.ProtectDecision;
import io.collateralkeeper.strategy.protect.ProtectOption;
import io.collateralkeeper.strategy.protect.SpendAllowance;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The protect loop ({@code keeper protect}). At each new head: re-read the protected accounts and prices, let the
 * {@link TxPipeline} settle, replace or cancel earlier protect transactions (one whose account has recovered to its
 * target is cancelled), check what landed against its plan, then for each account without a transaction in flight:
 * assess it ({@link AccountAssessor}) and send the chosen action ({@link ProtectExecutor}), or alert when nothing can
 * be done. Every transaction is journaled before it is broadcast and an account with an open intent is never acted on
 * again until it settles, so a restart never sends twice; the day's spending is read back from the journal.
 */
public final class ProtectDaemon implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ProtectDaemon.class);

  private final ChainClient chain;
  private final ProtectionAdapter adapter;
  private final Journal journal;
  private final Signer signer;
  private final Address wallet;
  private final ProtectSettings settings;
  private final AccountAssessor assessor;
  private final WalletReader walletReader;
  private final SpendLedger ledger;
  private final ProtectExecutor executor;
  private final LandingChecker checker;
  private final AlertThrottle throttle;
  private final ProtectListener listener;
  private final String protocol;
  private final Map<Long, Plan> plans = new HashMap<>();
  private final List<SettledTx> deferred = new ArrayList<>();
  private final List<ProtectAlert> raised = new ArrayList<>();
  private TxPipeline pipeline;
  private BigInteger nativeUsd = BigInteger.ZERO;
  private volatile boolean running = true;
  private long lastHead = -1;

  ProtectDaemon(
      ChainClient chain, ProtectionAdapter adapter, Journal journal, Signer signer, ProtectSettings settings,
      AccountAssessor assessor, WalletReader walletReader, AlertSink alerts, ProtectListener listener) {
    this.chain = chain;
    this.adapter = adapter;
    this.journal = journal;
    this.signer = signer;
    this.wallet = Address.of(signer.address());
    this.settings = settings;
    this.assessor = assessor;
    this.walletReader = walletReader;
    this.protocol = IntentAction.protocol(adapter.name());
    this.ledger = new SpendLedger(Optional.of(journal), java.time.Clock.systemUTC(), settings.chainId(), protocol);
    this.executor = new ProtectExecutor(chain, adapter, settings, wallet, protocol);
    this.checker = new LandingChecker(chain, adapter, wallet);
    this.throttle = new AlertThrottle(alerts, settings.alertRepeatBlocks());
    this.listener = listener;
  }

  /** Polls for new heads until {@link #stop()}; a failing step is logged and retried at the next poll. */
  @Override
  public void run() {
    while (running) {
      try {
        long head = chain.blockNumber();
        if (head > lastHead) processHead(head);
        else Thread.sleep(settings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RpcException e) {
        LOG.warn("protect step failed, retrying: {}", e.getMessage());
        try {
          Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Asks the loop to end after the current step. */
  public void stop() {
    running = false;
  }

  /** The wallet (sending address). */
  public Address wallet() {
    return wallet;
  }

  /** Processes one head: the whole loop described on the class. */
  public synchronized ProtectReport processHead(long head) {
    raised.clear();
    EthBlock.Block block = chain.block(head);
    BigInteger baseFee = block.getBaseFeePerGas() == null ? BigInteger.ZERO : block.getBaseFeePerGas();
    nativeUsd = nativePrice(head);
    adapter.refresh(head, block.getTimestamp().longValueExact(), settings.accounts().stream().map(ProtectedAccount::address).toList());
    if (pipeline == null) {
      pipeline = TxPipeline.start(chain, journal, signer, settings.chainId(),
          new PipelineSettings(settings.stuckBlocks(), settings.fees()), this::value, head, baseFee);
      prepare(head, baseFee);
    }
    TrackReport track = pipeline.track(head, baseFee, this::stillWanted);
    List<Landing> landings = land(track.settled(), head);

    Set<Address> busy = new HashSet<>();
    // included after the block the state was read at: the state does not show it yet, so acting again would repeat it
    for (SettledTx d : deferred) busy.add(d.intent().orElseThrow().account());
    boolean approving = false;
    for (IntentRecord i : journal.openIntents(settings.chainId())) {
      if (!protocol.equals(i.protocol())) continue;
      if (IntentAction.parse(i.action()).isEmpty()) approving = true;
      else busy.add(i.account());
    }
    WalletState w = walletReader.read(wallet, settings.tokens(), head);
    Map<Address, BigInteger> spent = ledger.spentToday();
    List<AccountStatus> statuses = new ArrayList<>();
    List<SentAction> sent = new ArrayList<>();
    for (ProtectedAccount a : settings.accounts()) {
      AccountStatus st = assessor.assess(a, w, spent, head);
      statuses.add(st);
      st.health().filter(h -> h.compareTo(Units.WAD) < 0).ifPresent(h -> alert(ProtectAlert.Severity.CRITICAL, a.address(),
          ProtectAlert.LIQUIDATABLE, "health " + Units.formatHealth(h) + " is below 1: the account can be liquidated", head));
      st.notes().stream().filter(n -> n.startsWith("not enough feed history")).forEach(n ->
          alert(ProtectAlert.Severity.WARNING, a.address(), ProtectAlert.NO_HISTORY, n, head));
      if (busy.contains(a.address())) continue; // one transaction at a time
      if (approving) {
        if (!(st.decision() instanceof ProtectDecision.Hold)) {
          alert(ProtectAlert.Severity.CRITICAL, a.address(), ProtectAlert.CANNOT_ACT,
              "health " + st.health().map(Units::formatHealth).orElse("?") + " needs action, but the wallet's token"
                  + " approvals are not included yet", head);
        }
        continue;
      }
      switch (st.decision()) {
        case ProtectDecision.Hold h -> LOG.debug("protect {}: {}", a.address(), h.reason());
        case ProtectDecision.CannotAct c -> {
          alertLimits(st, head);
          alert(ProtectAlert.Severity.CRITICAL, a.address(), ProtectAlert.CANNOT_ACT, c.reason() + limitsText(st), head);
        }
        case ProtectDecision.Act act -> {
          alertLimits(st, head);
          Optional<SentAction> s = act(a, st, act, baseFee, w, head);
          if (s.isPresent()) {
            sent.add(s.get());
            ProtectOption o = s.get().option();
            if (o.token().isPresent() && o.spend().signum() > 0) {
              spent.merge(o.token().get(), o.spend(), BigInteger::add);
              w = w.minus(o.token().get(), o.spend());
            }
          }
        }
      }
    }
    lastHead = head;
    ProtectReport report = new ProtectReport(head, statuses, sent, landings, List.copyOf(raised));
    listener.onBlock(report);
    return report;
  }

  private Optional<SentAction> act(
      ProtectedAccount a, AccountStatus st, ProtectDecision.Act act, BigInteger baseFee, WalletState w, long head) {
    ProtectOption o = act.option();
    BigInteger target = st.band().orElseThrow().target();
    if (act.shortOfTarget()) {
      alert(ProtectAlert.Severity.CRITICAL, a.address(), ProtectAlert.SHORT_OF_TARGET,
          "no action within the limits reaches target " + Units.formatHealth(target) + "; doing the best one: "
              + Describe.option(o, settings), head);
    }
    ProtectExecutor.Outcome out;
    try {
      out = executor.execute(pipeline, a.address(), o, target, baseFee, w.nativeWei(), head);
    } catch (RpcException e) {
      out = new ProtectExecutor.Outcome.NotSent("send failed: " + e.getMessage());
    }
    switch (out) {
      case ProtectExecutor.Outcome.Sent s -> {
        plans.put(s.intentId(), new Plan(o, target, adapter.priceSnapshot(), act.shortOfTarget()));
        LOG.info("protect submitted: account {} {} (target {}) tx {}", a.address(), Describe.option(o, settings),
            Units.formatHealth(target), s.action().txHash());
        return Optional.of(s.action());
      }
      case ProtectExecutor.Outcome.NotSent n -> {
        alert(ProtectAlert.Severity.CRITICAL, a.address(), ProtectAlert.CANNOT_ACT,
            "health " + st.health().map(Units::formatHealth).orElse("?") + ", wanted to " + Describe.option(o, settings)
                + " but " + n.reason(), head);
        return Optional.empty();
      }
    }
  }

  /** A spending option cut down by a limit is worth an alert even when another action saves the day. */
  private void alertLimits(AccountStatus st, long head) {
    for (ProtectOption o : considered(st)) {
      if (!o.kind().spends() || o.token().isEmpty() || o.needed().isEmpty()) continue;
      if (o.amount().compareTo(o.needed().get()) >= 0) continue;
      SpendAllowance allowance = st.allowances().get(o.token().get());
      String by = allowance == null ? "the limits" : allowance.limitedBy().text();
      alert(ProtectAlert.Severity.WARNING, st.address(), ProtectAlert.LIMIT_REACHED,
          o.kind().key() + " of " + Describe.what(o, settings) + " limited to " + Describe.amount(o, o.amount(), settings)
              + " by " + by + " (needed " + Describe.amount(o, o.needed().get(), settings) + ")", head);
    }
  }

  private static List<ProtectOption> considered(AccountStatus st) {
    return switch (st.decision()) {
      case ProtectDecision.Act a -> a.considered();
      case ProtectDecision.CannotAct c -> c.considered();
      case ProtectDecision.Hold h -> List.of();
    };
  }

  private String limitsText(AccountStatus st) {
    StringBuilder b = new StringBuilder();
    st.allowances().forEach((token, a) -> settings.limits(token).ifPresent(l ->
        b.append("; ").append(l.symbol()).append(" spendable ").append(l.format(a.amount())).append(" (")
            .append(a.limitedBy().text()).append(")")));
    return b.toString();
  }

  /** Checks settled protect transactions against their plans (deferred when included after the block we read). */
  private List<Landing> land(List<SettledTx> settled, long head) {
    List<SettledTx> todo = new ArrayList<>(deferred);
    deferred.clear();
    todo.addAll(settled);
    List<Landing> out = new ArrayList<>();
    for (SettledTx s : todo) {
      if (s.intent().isEmpty() || !protocol.equals(s.intent().get().protocol())) continue;
      IntentRecord intent = s.intent().get();
      Optional<IntentAction> action = IntentAction.parse(intent.action());
      if (s.outcome().block() > head) {
        deferred.add(s);
        continue;
      }
      if (s.intentStatus() == IntentStatus.CANCELLED) {
        plans.remove(intent.id());
        LOG.info("protect {} on {} cancelled: no longer needed", intent.action(), intent.account());
        continue;
      }
      if (action.isEmpty()) {
        if (!s.outcome().success()) {
          alert(ProtectAlert.Severity.CRITICAL, intent.account(), ProtectAlert.REVERTED, "approval reverted: " + s.tx().hash(), head);
        }
        continue;
      }
      Optional<Plan> plan = Optional.ofNullable(plans.remove(intent.id()));
      BigInteger min = settings.accounts().stream().filter(a -> a.address().equals(intent.account())).findFirst()
          .map(ProtectedAccount::min).orElse(Units.WAD);
      Landing l = checker.check(s, action.get(), plan, min);
      out.add(l);
      report(l, intent, s.tx(), head);
    }
    return out;
  }

  private void report(Landing l, IntentRecord intent, TxRecord tx, long head) {
    if (!l.success()) {
      alert(ProtectAlert.Severity.CRITICAL, l.account(), ProtectAlert.REVERTED,
          "protect transaction " + tx.hash() + " (" + intent.action() + ") reverted in block " + l.block(), head);
      return;
    }
    if (l.actualSpend().compareTo(l.plannedSpend()) > 0) {
      alert(ProtectAlert.Severity.CRITICAL, l.account(), ProtectAlert.OVERSPENT, "transaction " + tx.hash() + " moved "
          + l.actualSpend() + " token units, planned " + l.plannedSpend(), head);
    }
    if (!l.ok() && l.actualSpend().compareTo(l.plannedSpend()) <= 0) {
      alert(ProtectAlert.Severity.CRITICAL, l.account(), ProtectAlert.LANDED_SHORT, "after " + tx.hash() + " health at the"
          + " sizing prices is " + l.landedHealth().map(Units::formatHealth).orElse("unknown") + ", planned "
          + l.plannedHealth().map(Units::formatHealth).orElse("-") + "; on chain " + Units.formatHealth(l.onChainHealth()), head);
    }
    LOG.info("protect landed: account {} {} block {}: spent {} of planned {}, health at sizing prices {} (planned {}),"
            + " on chain {}", l.account(), l.kind().key(), l.block(), l.actualSpend(), l.plannedSpend(),
        l.landedHealth().map(Units::formatHealth).orElse("-"), l.plannedHealth().map(Units::formatHealth).orElse("-"),
        Units.formatHealth(l.onChainHealth()));
  }

  /** An open protect intent stays wanted while its account still needs it (else it is cancelled at its nonce). */
  private boolean stillWanted(IntentRecord intent) {
    if (!protocol.equals(intent.protocol())) return true;
    Optional<IntentAction> action = IntentAction.parse(intent.action());
    Optional<BigInteger> health = adapter.health(intent.account());
    if (action.isEmpty() || health.isEmpty()) return true;
    Plan plan = plans.get(intent.id());
    if (action.get().kind() == ActionKind.WITHDRAW) {
      return plan == null || health.get().compareTo(plan.option().healthBefore()) >= 0;
    }
    if (plan == null) return true;
    return health.get().compareTo(plan.targetWad()) < 0;
  }

  /** Sends the ERC-20 approvals top-ups and repayments need, once, journaled like every transaction. */
  private void prepare(long head, BigInteger baseFee) {
    List<TxCall> calls = adapter.protectionApprovals(wallet, settings.tokens(), head);
    if (calls.isEmpty()) return;
    FeeQuote fee = settings.fees().quote(baseFee)
        .orElseThrow(() -> new RpcException("base fee " + baseFee + " wei above the gas price cap: cannot approve tokens"));
    for (TxCall c : calls) {
      BigInteger gas = chain.estimateGas(wallet, new CallRequest(c.to(), c.data()));
      BigInteger limit = gas.multiply(BigInteger.valueOf(10_000 + settings.gasLimitBufferBps())).divide(Units.BPS);
      Submission s = pipeline.submit(new IntentSpec(protocol, c.to(), "approve", BigInteger.ZERO), c, limit, fee, head);
      LOG.info("approval of token {} sent: {}", c.to(), s);
    }
  }

  private void alert(ProtectAlert.Severity severity, Address account, String code, String message, long head) {
    ProtectAlert a = new ProtectAlert(severity, account, code, message);
    if (throttle.offer(a, head)) raised.add(a);
  }

  private ReceiptValuer.Valuation value(TransactionReceipt receipt, BigInteger gasCostWei, TxRecord tx,
      Optional<IntentRecord> intent) {
    return new ReceiptValuer.Valuation(BigInteger.ZERO, ProfitModel.gasCostUsdWad(BigInteger.ONE, gasCostWei, nativeUsd));
  }

  private BigInteger nativePrice(long head) {
    String data = chain.call(new CallRequest(settings.nativeUsdFeed(), FeedAbi.latestRoundData()), head);
    FeedReading r = FeedAbi.decodeRound(settings.nativeUsdFeed(), data);
    if (r.answer().signum() <= 0) throw new RpcException("native price feed returned " + r.answer());
    return r.answer();
  }
}
