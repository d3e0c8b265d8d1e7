package io.collateralkeeper.daemon;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallRevertedException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.Bid;
import io.collateralkeeper.execution.BidDecision;
import io.collateralkeeper.execution.Bidder;
import io.collateralkeeper.execution.CallSimulator;
import io.collateralkeeper.execution.CoinbaseBid;
import io.collateralkeeper.execution.FeePolicy;
import io.collateralkeeper.execution.NoBid;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.PipelineSettings;
import io.collateralkeeper.execution.ReceiptValuer;
import io.collateralkeeper.execution.SentTx;
import io.collateralkeeper.execution.SettledTx;
import io.collateralkeeper.execution.Submission;
import io.collateralkeeper.execution.TrackReport;
import io.collateralkeeper.execution.TxPipeline;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.oracle.PriceGuard;
import io.collateralkeeper.protocol.AccountHealth;
import io.collateralkeeper.protocol.Decision;
import io.collateralkeeper.protocol.ProtocolAdapter;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.ProfitModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The liquidation loop. At each new head: index new events, re-read accounts and prices, evaluate every account's
 * health locally, let the {@link TxPipeline} settle, replace or cancel earlier transactions (an intent whose account
 * is no longer liquidatable is cancelled), and for each liquidatable account without an open intent in the journal:
 * plan, then most valuable first and in waves: simulate ({@link CallSimulator}: the gas limit each call is signed with
 * is one it succeeded with), price the gas, and submit when the expected net profit reaches the minimum. A wave is
 * journaled and handed to the node while the next one is simulated. Every transaction is journaled before it is
 * broadcast; at start-up the journal is reconciled with the chain, so a restart never sends an intent twice.
 */
public final class KeeperDaemon implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KeeperDaemon.class);
  /** The intent action of the adapter's one-time preparation transactions. */
  public static final String PREPARE = "prepare";

  private final ChainClient chain;
  private final ProtocolAdapter adapter;
  private final Journal journal;
  private final Signer signer;
  private final Address from;
  private final PipelineSettings pipelineSettings;
  private final FeePolicy fees;
  private final Bidder bidder;
  private TxPipeline pipeline;
  private BigInteger nativeUsd = BigInteger.ZERO;
  private long nativeUsdBlock = -1;
  private long currentHead = -1;
  private final KeeperSettings settings;
  private final KeeperListener listener;
  private final AccountIndex index;
  private final PriceGuard priceGuard;
  private final CallSimulator simulator;
  private final LandedAhead landedAhead = new LandedAhead();
  /** Liquidations in the first wave of a head: few, so that they leave soon and teach the simulator gas limits. */
  static final int FIRST_WAVE = 4;
  /** Liquidations in each later wave. */
  static final int WAVE = 16;
  private final Map<Address, Attempt> inFlight = new LinkedHashMap<>();
  private final List<Attempt> history = new ArrayList<>();
  private final Set<Address> warnedStale = new LinkedHashSet<>();
  private volatile boolean running = true;
  /** Accounts the indexed events touched that were not re-read yet (kept until a refresh succeeds). */
  private final Set<Address> touched = new LinkedHashSet<>();
  /** Every account is to be read at the next refresh: the first head, after a reorg, at a full refresh. */
  private boolean readAllDue = true;
  private long lastFullRead = -1;
  private long lastHead = -1;
  private String lastHeadHash;
  private long reorgs;

  /**
   * @param maxLogRange largest {@code eth_getLogs} window, blocks
   * @param priceGuard refuses liquidations on stale or deviating prices (beyond the adapter's own protocol checks)
   * @param reorgDepth deepest reorg the account index rolls back from (checkpoints kept), blocks
   */
  public KeeperDaemon(
      ChainClient chain,
      ProtocolAdapter adapter,
      Journal journal,
      Signer signer,
      PipelineSettings pipelineSettings,
      Bidder bidder,
      KeeperSettings settings,
      KeeperListener listener,
      long maxLogRange,
      PriceGuard priceGuard,
      long reorgDepth) {
    this.priceGuard = priceGuard;
    this.chain = chain;
    this.adapter = adapter;
    this.journal = journal;
    this.signer = signer;
    this.from = Address.of(signer.address());
    this.pipelineSettings = pipelineSettings;
    this.fees = pipelineSettings.fees();
    this.bidder = bidder;
    this.settings = settings;
    this.listener = listener;
    this.simulator = new CallSimulator(chain, from, this::gasLimit);
    this.index =
        new AccountIndex(
            chain, journal, adapter, from, settings.chainId(), settings.startBlock(), maxLogRange, reorgDepth);
  }

  /** Polls for new heads until {@link #stop()}; a failing step is logged and retried at the next poll. */
  @Override
  public void run() {
    while (running) {
      try {
        // one request per poll: the latest header (number, hash, timestamp, base fee) is all a new head needs
        EthBlock.Block latest = chain.latestBlock();
        if (latest.getNumber().longValueExact() != lastHead || !latest.getHash().equalsIgnoreCase(lastHeadHash)) {
          processHead(latest);
        } else {
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RpcException e) {
        LOG.warn("step failed, retrying: {}", e.getMessage());
        sleepQuietly();
      } catch (RuntimeException e) {
        // hostile or malformed input that slipped past the client's checks: never end the daemon over it
        LOG.error("step failed unexpectedly, retrying: {}", e.toString().replaceAll("\\s+", " "));
        LOG.debug("step failure", e);
        sleepQuietly();
      }
    }
  }

  /** Asks the loop to end after the current step. */
  public void stop() {
    running = false;
  }

  /** Every attempt made so far, settled or not. */
  public synchronized List<Attempt> attempts() {
    List<Attempt> all = new ArrayList<>(history);
    all.addAll(inFlight.values());
    return all;
  }

  /** Every tracked account's health, computed locally from the last refresh (health factor wad). */
  public synchronized List<AccountHealth> health() {
    return adapter.evaluate();
  }

  /** Reorgs detected so far (each rolled the account index back). */
  public synchronized long reorgs() {
    return reorgs;
  }

  /** The adapter's market key in the journal's account index. */
  public String adapterMarketKey() {
    return adapter.marketKey();
  }

  /** The sending address. */
  public Address from() {
    return from;
  }

  /** Processes one head: the whole pipeline described on the class. */
  public synchronized BlockReport processHead(long head) {
    return processHead(chain.block(head));
  }

  /** Processes one head whose header is already read. */
  public synchronized BlockReport processHead(EthBlock.Block block) {
    long head = block.getNumber().longValueExact();
    long timestamp = block.getTimestamp().longValueExact();
    BigInteger baseFee = block.getBaseFeePerGas() == null ? BigInteger.ZERO : block.getBaseFeePerGas();
    nativeUsdBlock = -1; // read when first needed at this head (a candidate or a receipt to value)
    currentHead = head;

    // Discovery survives restarts and reorgs: the index resumes from the journal and rolls back what left the chain.
    AccountIndex.Update update = index.advance(block, listener::onIndexProgress);
    boolean full = fullReadDue(head, update);
    Collection<Address> toRead = accountsToRead(full, update);
    adapter.refresh(head, timestamp, toRead);
    touched.clear();
    if (full) {
      readAllDue = false;
      lastFullRead = head;
    }
    priceGuard.atBlock(head, timestamp, adapter::priceSources);
    if (pipeline == null) {
      // after the first refresh: reconciling values receipts with the adapter's market state
      pipeline =
          TxPipeline.start(chain, journal, signer, settings.chainId(), pipelineSettings, this::value, head, baseFee);
      prepare(head, baseFee);
    }
    if (update.reorgAncestor().isPresent()) {
      reorgs++;
      int retracked = pipeline.reorged(update.reorgAncestor().getAsLong() + 1);
      if (retracked > 0) LOG.warn("reorg: {} transaction(s) fell out of the chain and are tracked again", retracked);
    }

    Set<Address> liquidatable = new LinkedHashSet<>(adapter.liquidatable());

    // a liquidation is wanted while its account is liquidatable; a preparation (approval) until it lands
    TrackReport track =
        pipeline.track(head, baseFee, intent -> PREPARE.equals(intent.action()) || liquidatable.contains(intent.account()));
    List<Attempt> settled = settle(track);
    Set<Address> open = new LinkedHashSet<>();
    for (IntentRecord i : journal.openIntents(settings.chainId())) open.add(i.account());
    for (Attempt a : settled) landedAhead.landed(a.account(), a.includedBlock());
    Set<Address> ahead = landedAhead.aheadOf(head); // settled after this head: its state does not show them yet

    List<String> skipped = new ArrayList<>(track.held());
    List<Attempt> sent = new ArrayList<>();
    Optional<FeeQuote> quote = fees.quote(baseFee);
    List<Address> toPlan = new ArrayList<>();
    for (Address account : liquidatable) {
      if (open.contains(account) || ahead.contains(account)) continue;
      if (quote.isEmpty()) skipped.add(account + ": base fee " + baseFee + " wei above the gas cap");
      else toPlan.add(account);
    }
    List<Decision.Act> planned = new ArrayList<>();
    for (Decision d : plan(toPlan, quote.orElse(null))) {
      if (d instanceof Decision.Act act) planned.add(act);
      else skipped.add(d.account() + ": " + ((Decision.Skip) d).reason());
    }
    // most valuable first, in waves: the waves are simulated one after the other on another thread while the main
    // thread prices, signs, journals and hands over each wave whose simulation is done, so the first transactions
    // leave while later ones are still being checked
    planned.sort(Comparator.comparing(Decision.Act::revenueUsdWad).reversed());
    List<List<Decision.Act>> plannedWaves = Waves.of(planned, FIRST_WAVE, WAVE);
    List<StartedWave> waves = new ArrayList<>();
    WaveSimulations simulations = new WaveSimulations(simulator, plannedWaves.stream().map(KeeperDaemon::calls).toList());
    try {
      for (int w = 0; w < plannedWaves.size(); w++) {
        List<Decision.Act> wave = plannedWaves.get(w);
        List<CallSimulator.Outcome> sims = simulations.outcomes(w);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < wave.size(); i++) {
          Decision.Act act = wave.get(i);
          CallSimulator.Outcome o = sims.get(i);
          Evaluation e = o.reverted() ? Evaluation.skip("simulation reverted: " + o.revert()) : price(act, o, baseFee, head);
          if (e.candidate() != null) candidates.add(e.candidate());
          else skipped.add(act.account() + ": " + e.skipReason());
        }
        candidates.sort(Comparator.comparing(Candidate::netProfitUsdWad).reversed());
        if (!candidates.isEmpty()) waves.add(new StartedWave(candidates, pipeline.start(orders(candidates), head)));
      }
    } finally {
      simulations.close(); // waits for a simulation still running when a wave failed
      for (StartedWave w : waves) finish(w, sent, skipped); // every wave handed over is journaled as answered
    }
    try {
      pipeline.flush(head); // bundle route: this head's bundle of every transaction in flight
    } catch (RpcException e) {
      LOG.warn("bundle not sent: {}", e.getMessage());
    }
    lastHead = head;
    lastHeadHash = block.getHash();
    Set<Address> openAfter = new LinkedHashSet<>(open);
    for (Attempt a : sent) openAfter.add(a.account());
    BlockReport report =
        new BlockReport(
            head, adapter.accounts().size(), liquidatable, sent, settled, skipped, timestamp, openAfter,
            update.lostToOthers(), priceGuard.problems(), toRead.size());
    listener.onBlock(report);
    return report;
  }

  /** The calls a wave of plans makes, in order. */
  private static List<CallRequest> calls(List<Decision.Act> wave) {
    return wave.stream().map(a -> new CallRequest(a.call().to(), a.call().data())).toList();
  }

  /** The pipeline's orders for candidates, in their order. */
  private List<TxPipeline.Order> orders(List<Candidate> candidates) {
    List<TxPipeline.Order> orders = new ArrayList<>();
    for (Candidate c : candidates) {
      Decision.Act act = c.decision();
      orders.add(new TxPipeline.Order(
          new IntentSpec(adapter.name(), act.account(), "liquidate", c.netProfitUsdWad()), act.call(), c.gasLimit(),
          c.fee()));
    }
    return orders;
  }

  /** Reads the node's answers to a wave handed over by {@link TxPipeline#start}; records what was sent or refused. */
  private void finish(StartedWave wave, List<Attempt> sent, List<String> skipped) {
    List<Submission> submissions;
    try {
      submissions = pipeline.finish(wave.started());
    } catch (RpcException e) {
      skipped.add(wave.candidates().size() + " liquidation(s): send failed: " + e.getMessage());
      LOG.warn("{} liquidation(s) not sent: {}", wave.candidates().size(), e.getMessage());
      return;
    }
    for (int i = 0; i < wave.candidates().size(); i++) {
      Candidate c = wave.candidates().get(i);
      Decision.Act act = c.decision();
      switch (submissions.get(i)) {
        case Submission.Sent sentTx -> {
          Attempt a = Attempt.pending(sentTx.tx(), act.revenueUsdWad(), c.gasCostUsdWad());
          inFlight.put(act.account(), a);
          sent.add(a);
          KeeperLogger.liquidationSubmitted(act.account(), act.summary(), c.netProfitUsdWad(), sentTx.tx().hash());
        }
        case Submission.Refused r -> skipped.add(act.account() + ": not sent: " + r.reason());
      }
    }
  }

  /** Candidates journaled and being handed to the node, most profitable first. */
  private record StartedWave(List<Candidate> candidates, TxPipeline.Started started) {}

  /** True when every account is to be read at this head: the first head, after a reorg, at a full refresh. */
  private boolean fullReadDue(long head, AccountIndex.Update update) {
    if (update.reorgAncestor().isPresent()) readAllDue = true;
    long every = settings.fullRefreshBlocks();
    if (every > 0 && lastFullRead >= 0 && head - lastFullRead >= every) readAllDue = true;
    return readAllDue;
  }

  /**
   * The accounts to re-read: all of them when {@code full}; else those first seen or touched by the events indexed at
   * this head (and by earlier heads whose refresh failed). An account's state changes only through events (interest
   * accrues through indexes the adapters read with the market state), so the others keep their cached state.
   */
  private Collection<Address> accountsToRead(boolean full, AccountIndex.Update update) {
    Set<Address> known = index.accounts();
    touched.addAll(update.found());
    for (Address a : update.touched()) {
      if (known.contains(a) || adapter.accounts().contains(a)) touched.add(a);
    }
    if (!full) return List.copyOf(touched);
    Set<Address> all = new LinkedHashSet<>(known);
    all.addAll(adapter.accounts());
    return all;
  }

  /** Largest gas a simulated liquidation has used so far (starts at a typical 200k). */
  private BigInteger typicalGas = BigInteger.valueOf(200_000);

  /**
   * The adapter's plan for each liquidatable account, in order, unless its prices are stale or deviating. The revenue
   * a plan must reach: gas at the last simulated use (or a typical liquidation's) plus the minimum profit. The plans are
   * made on every core (the adapter's state does not change between refreshes), after the native price and the price
   * guard's feeds are read (both at once).
   */
  private List<Decision> plan(List<Address> accounts, FeeQuote fee) {
    if (accounts.isEmpty()) return List.of();
    // the native price and the guard's feeds: two reads, made at once
    java.util.concurrent.CompletableFuture<BigInteger> nativePrice =
        java.util.concurrent.CompletableFuture.supplyAsync(this::nativeUsd, Background.thread("keeper-read"));
    try {
      priceGuard.judge();
    } finally {
      nativePrice.handle((price, failure) -> null).join(); // never left running past this point
    }
    BigInteger minRevenue =
        ProfitModel.gasCostUsdWad(typicalGas, fee.expectedPricePerGas(), Background.join(nativePrice))
            .add(settings.minProfitUsdWad());
    List<Decision> decisions =
        accounts.parallelStream()
            .map(account -> {
              Optional<String> badPrice = priceGuard.veto(adapter.pricedAssetsOf(account));
              return badPrice.isPresent()
                  ? Decision.skip(account, badPrice.get())
                  : adapter.planLiquidation(account, minRevenue);
            })
            .toList();
    for (Decision d : decisions) {
      if (d instanceof Decision.Skip s) {
        if ((s.reason().startsWith("stale") || s.reason().startsWith("price deviation")) && warnedStale.add(d.account())) {
          KeeperLogger.refusedOnPrice(d.account(), s.reason());
        }
      } else {
        warnedStale.remove(d.account());
      }
    }
    return decisions;
  }

  /**
   * Bids for a planned liquidation whose simulation used {@code sim.gasUsed()} and succeeded at {@code
   * sim.gasLimit()}; a candidate when its net profit is enough.
   */
  private Evaluation price(Decision.Act act, CallSimulator.Outcome sim, BigInteger baseFee, long head) {
    BigInteger nativeUsd = nativeUsd();
    BigInteger gas = sim.gasUsed();
    typicalGas = typicalGas.max(gas);
    BigInteger gasLimit = sim.gasLimit();
    BigInteger profitWei = act.revenueUsdWad().multiply(Units.PRICE_UNIT).divide(nativeUsd);
    BidDecision bid = bidder.bid(profitWei, gasLimit, baseFee, head);
    if (bid instanceof NoBid no) return Evaluation.skip("no bid: " + no.reason());
    FeeQuote offered = ((Bid) bid).feeQuote();
    BigInteger gasCost = ProfitModel.gasCostUsdWad(gas, offered.expectedPricePerGas(), nativeUsd);
    if (settings.coinbasePayment() && act.coinbase().isPresent()) {
      // bundle bid paid by the executor to block.coinbase after its profit check; the tip drops to the floor
      CoinbaseBid cb = CoinbaseBid.of((Bid) bid, bidder.floor(head), gas);
      TxCall paying = act.coinbase().get().paying(cb.coinbaseWei());
      CallRequest call = new CallRequest(paying.to(), paying.data());
      try {
        chain.call(from, call, DefaultBlockParameterName.LATEST);
        if (chain.estimateGas(from, call).compareTo(gasLimit) > 0) {
          return Evaluation.skip("the coinbase payment needs more gas than the limit");
        }
      } catch (CallRevertedException e) {
        return Evaluation.skip("simulation with the coinbase payment reverted (is the executor funded?): " + e.getMessage());
      }
      act = new Decision.Act(act.account(), paying, act.revenueUsdWad(),
          act.summary() + ", coinbase " + cb.coinbaseWei() + " wei", act.coinbase());
      offered = cb.fee();
      gasCost = ProfitModel.gasCostUsdWad(gas, offered.expectedPricePerGas(), nativeUsd)
          .add(ProfitModel.gasCostUsdWad(BigInteger.ONE, cb.coinbaseWei(), nativeUsd));
    }
    BigInteger net = act.revenueUsdWad().subtract(gasCost);
    if (net.compareTo(settings.minProfitUsdWad()) < 0) {
      return Evaluation.skip(
          "unprofitable: net $" + Units.formatWad(net, 4) + " below minimum $"
              + Units.formatWad(settings.minProfitUsdWad(), 2));
    }
    return new Evaluation(new Candidate(act, gasLimit, offered, gasCost, net), null);
  }

  /** The simulated gas plus the configured buffer. */
  private BigInteger gasLimit(BigInteger simulatedGas) {
    return simulatedGas.multiply(BigInteger.valueOf(10_000 + settings.gasLimitBufferBps())).divide(Units.BPS);
  }

  /** Sends the adapter's one-time preparation transactions (e.g. approvals), journaled like any other. */
  private void prepare(long head, BigInteger baseFee) {
    List<TxCall> calls = adapter.preparation(from, head);
    if (calls.isEmpty()) return;
    FeeQuote fee = fees.quote(baseFee).orElseThrow(() -> new RpcException("base fee " + baseFee + " wei above the gas cap"));
    for (TxCall c : calls) {
      BigInteger gas = chain.estimateGas(from, new CallRequest(c.to(), c.data()));
      BigInteger limit = gasLimit(gas);
      IntentSpec intent = new IntentSpec(adapter.name(), c.to(), PREPARE, BigInteger.ZERO);
      Submission s = pipeline.submit(intent, c, limit, fee, head);
      LOG.info("preparation sent to {}: {}", c.to(), s);
    }
  }

  /** Turns the pipeline's settled liquidations into attempts (and logs them). */
  private List<Attempt> settle(TrackReport track) {
    List<Attempt> settled = new ArrayList<>();
    for (SettledTx s : track.settled()) {
      if (s.intent().isEmpty()) continue; // a gap-filling cancellation
      IntentRecord intent = s.intent().get();
      TxRecord tx = s.tx();
      Attempt pending = inFlight.remove(intent.account());
      SentTx sentTx =
          new SentTx(
              tx.hash(),
              BigInteger.valueOf(tx.nonce()),
              intent.account(),
              tx.gasLimit(),
              new FeeQuote(tx.maxFeeWei(), tx.tipWei(), BigInteger.ZERO),
              tx.sentBlock());
      var o = s.outcome();
      Attempt done =
          new Attempt(
              sentTx,
              pending == null ? BigInteger.ZERO : pending.expectedRevenueUsdWad(),
              pending == null ? BigInteger.ZERO : pending.expectedGasCostUsdWad(),
              o.block(),
              o.success(),
              o.realizedRevenueUsdWad(),
              o.gasUsed().multiply(o.effectiveGasPriceWei()),
              o.gasCostUsdWad());
      history.add(done);
      settled.add(done);
      if (o.success()) {
        KeeperLogger.liquidationIncluded(intent.account(), o.block(), o.realizedRevenueUsdWad(), tx.hash());
      } else {
        KeeperLogger.liquidationReverted(intent.account(), o.block(), o.gasUsed(), tx.gasLimit(), tx.hash());
      }
    }
    return settled;
  }

  /** Values a receipt for the journal: revenue from the adapter's reading of its events, gas at the native price. */
  private ReceiptValuer.Valuation value(
      org.web3j.protocol.core.methods.response.TransactionReceipt receipt,
      BigInteger gasCostWei,
      TxRecord tx,
      Optional<IntentRecord> intent) {
    BigInteger revenue =
        receipt.isStatusOK() && intent.isPresent() ? adapter.revenueIn(receipt.getLogs(), from) : BigInteger.ZERO;
    // a bundle bid paid to block.coinbase by the executor counts as gas
    BigInteger paid = receipt.isStatusOK() ? gasCostWei.add(adapter.coinbasePaidWei(receipt.getLogs())) : gasCostWei;
    return new ReceiptValuer.Valuation(revenue, ProfitModel.gasCostUsdWad(BigInteger.ONE, paid, nativeUsd()));
  }

  /**
   * The native coin's USD price (8 decimals) at the current head, read once per head when first needed. {@link #plan}
   * calls it on another thread while this one reads the price guard's feeds, and joins that thread before anything
   * else here touches the cached price.
   */
  private BigInteger nativeUsd() {
    if (nativeUsdBlock != currentHead || currentHead < 0) {
      nativeUsd = readNativePrice(currentHead).answer();
      nativeUsdBlock = currentHead;
    }
    return nativeUsd;
  }

  private FeedReading readNativePrice(long head) {
    String data = chain.call(new CallRequest(settings.nativeUsdFeed(), FeedAbi.latestRoundData()), head);
    FeedReading r = FeedAbi.decodeRound(settings.nativeUsdFeed(), data);
    if (r.answer().signum() <= 0) throw new RpcException("native price feed returned " + r.answer());
    return r;
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private record Candidate(
      Decision.Act decision, BigInteger gasLimit, FeeQuote fee, BigInteger gasCostUsdWad, BigInteger netProfitUsdWad) {}

  /** A candidate to send, or the reason an account was skipped. */
  private record Evaluation(Candidate candidate, String skipReason) {
    static Evaluation skip(String reason) {
      return new Evaluation(null, reason);
    }
  }
}
