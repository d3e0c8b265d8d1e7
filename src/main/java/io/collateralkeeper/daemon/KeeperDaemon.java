package io.collateralkeeper.daemon;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallRevertedException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.LogIndexer;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeePolicy;
import io.collateralkeeper.execution.FeeQuote;
import io.collateralkeeper.execution.SentTx;
import io.collateralkeeper.execution.TxSender;
import io.collateralkeeper.oracle.FeedAbi;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.protocol.AccountHealth;
import io.collateralkeeper.protocol.Decision;
import io.collateralkeeper.protocol.ProtocolAdapter;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.ProfitModel;
import java.math.BigInteger;
import java.util.ArrayList;
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
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The liquidation loop. At each new head: index new events, re-read accounts and prices, settle receipts of earlier
 * attempts, evaluate every account's health locally, and for each liquidatable account without an attempt in
 * flight: plan, simulate ({@code eth_call} and {@code eth_estimateGas}), price the gas, and send when the expected net
 * profit reaches the minimum, most profitable first.
 */
public final class KeeperDaemon implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KeeperDaemon.class);

  private final ChainClient chain;
  private final ProtocolAdapter adapter;
  private final TxSender sender;
  private final FeePolicy fees;
  private final KeeperSettings settings;
  private final KeeperListener listener;
  private final LogIndexer indexer;
  private final Map<Address, Attempt> inFlight = new LinkedHashMap<>();
  private final List<Attempt> history = new ArrayList<>();
  private final Set<Address> warnedStale = new LinkedHashSet<>();
  private volatile boolean running = true;
  private long nextLogBlock;
  private long lastHead = -1;

  public KeeperDaemon(
      ChainClient chain,
      ProtocolAdapter adapter,
      TxSender sender,
      FeePolicy fees,
      KeeperSettings settings,
      KeeperListener listener,
      long maxLogRange) {
    this.chain = chain;
    this.adapter = adapter;
    this.sender = sender;
    this.fees = fees;
    this.settings = settings;
    this.listener = listener;
    this.indexer = new LogIndexer(chain, adapter.eventSources(), maxLogRange);
    this.nextLogBlock = settings.startBlock();
  }

  /** Polls for new heads until {@link #stop()}; a failing step is logged and retried at the next poll. */
  @Override
  public void run() {
    while (running) {
      try {
        long head = chain.blockNumber();
        if (head > lastHead) {
          processHead(head);
        } else {
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RpcException e) {
        LOG.warn("step failed, retrying: {}", e.getMessage());
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

  /** Processes one head: the whole pipeline described on the class. */
  public synchronized BlockReport processHead(long head) {
    EthBlock.Block block = chain.block(head);
    long timestamp = block.getTimestamp().longValueExact();
    BigInteger baseFee = block.getBaseFeePerGas() == null ? BigInteger.ZERO : block.getBaseFeePerGas();

    Set<Address> toRead = new LinkedHashSet<>(adapter.accounts());
    if (nextLogBlock <= head) {
      toRead.addAll(adapter.accountsIn(indexer.fetch(nextLogBlock, head)));
      nextLogBlock = head + 1;
    }
    adapter.refresh(head, timestamp, toRead);
    FeedReading nativePrice = readNativePrice(head);
    List<Attempt> settled = settle(head, nativePrice.answer());

    List<AccountHealth> health = adapter.evaluate();
    Set<Address> liquidatable = new LinkedHashSet<>();
    for (AccountHealth h : health) if (h.liquidatable()) liquidatable.add(h.account());

    List<String> skipped = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    Optional<FeeQuote> quote = fees.quote(baseFee);
    for (Address account : liquidatable) {
      if (inFlight.containsKey(account)) continue;
      if (quote.isEmpty()) {
        skipped.add(account + ": base fee " + baseFee + " wei above the gas cap");
        continue;
      }
      Evaluation e = evaluateCandidate(account, quote.get(), nativePrice.answer());
      if (e.candidate() != null) candidates.add(e.candidate());
      else skipped.add(account + ": " + e.skipReason());
    }
    candidates.sort(Comparator.comparing(Candidate::netProfitUsdWad).reversed());
    List<Attempt> sent = new ArrayList<>();
    for (Candidate c : candidates) {
      try {
        SentTx tx = sender.send(c.decision().account(), c.decision().call(), c.gasLimit(), c.fee(), head);
        Attempt a = Attempt.pending(tx, c.decision().revenueUsdWad(), c.gasCostUsdWad());
        inFlight.put(c.decision().account(), a);
        sent.add(a);
        LOG.info(
            "liquidation submitted: account {} {} expected net ${} tx {}",
            c.decision().account(),
            c.decision().summary(),
            Units.formatWad(c.netProfitUsdWad(), 2),
            tx.hash());
      } catch (RpcException e) {
        skipped.add(c.decision().account() + ": send failed: " + e.getMessage());
        LOG.warn("liquidation of {} not sent: {}", c.decision().account(), e.getMessage());
      }
    }
    lastHead = head;
    BlockReport report = new BlockReport(head, adapter.accounts().size(), liquidatable, sent, settled, skipped);
    listener.onBlock(report);
    return report;
  }

  /** Largest gas a simulated liquidation has used so far (starts at a typical 200k). */
  private BigInteger typicalGas = BigInteger.valueOf(200_000);

  private Evaluation evaluateCandidate(Address account, FeeQuote fee, BigInteger nativeUsd) {
    // Expected revenue needed: gas at the last simulated use (or a typical liquidation's) plus the minimum profit.
    BigInteger gasGuess = ProfitModel.gasCostUsdWad(typicalGas, fee.expectedPricePerGas(), nativeUsd);
    Decision d = adapter.planLiquidation(account, gasGuess.add(settings.minProfitUsdWad()));
    if (d instanceof Decision.Skip s) {
      if (s.reason().startsWith("stale")) {
        if (warnedStale.add(account)) LOG.warn("no liquidation of {}: {}", account, s.reason());
      }
      return Evaluation.skip(s.reason());
    }
    warnedStale.remove(account);
    Decision.Act act = (Decision.Act) d;
    BigInteger gas;
    try {
      CallRequest call = new CallRequest(act.call().to(), act.call().data());
      chain.call(sender.from(), call, DefaultBlockParameterName.LATEST);
      gas = chain.estimateGas(sender.from(), call);
      typicalGas = typicalGas.max(gas);
    } catch (CallRevertedException e) {
      return Evaluation.skip("simulation reverted: " + e.getMessage());
    }
    BigInteger gasLimit =
        gas.multiply(BigInteger.valueOf(10_000 + settings.gasLimitBufferBps())).divide(Units.BPS);
    BigInteger gasCost = ProfitModel.gasCostUsdWad(gas, fee.expectedPricePerGas(), nativeUsd);
    BigInteger net = act.revenueUsdWad().subtract(gasCost);
    if (net.compareTo(settings.minProfitUsdWad()) < 0) {
      return Evaluation.skip(
          "unprofitable: net $" + Units.formatWad(net, 4) + " below minimum $"
              + Units.formatWad(settings.minProfitUsdWad(), 2));
    }
    return new Evaluation(new Candidate(act, gasLimit, fee, gasCost, net), null);
  }

  private List<Attempt> settle(long head, BigInteger nativeUsd) {
    List<Attempt> settled = new ArrayList<>();
    for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      Attempt a = it.next().getValue();
      Optional<TransactionReceipt> r = chain.receipt(a.tx().hash());
      if (r.isEmpty()) continue;
      TransactionReceipt receipt = r.get();
      boolean ok = receipt.isStatusOK();
      BigInteger price = receipt.getEffectiveGasPrice() == null
              ? BigInteger.ZERO
              : org.web3j.utils.Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
      BigInteger gasWei = receipt.getGasUsed().multiply(price);
      BigInteger revenue = ok ? adapter.revenueIn(receipt.getLogs(), sender.from()) : BigInteger.ZERO;
      Attempt done =
          new Attempt(
              a.tx(),
              a.expectedRevenueUsdWad(),
              a.expectedGasCostUsdWad(),
              receipt.getBlockNumber().longValueExact(),
              ok,
              revenue,
              gasWei,
              ProfitModel.gasCostUsdWad(receipt.getGasUsed(), price, nativeUsd));
      it.remove();
      history.add(done);
      settled.add(done);
      if (ok) {
        LOG.info("liquidation included: account {} block {} fee ${} tx {}", a.account(), done.includedBlock(), Units.formatWad(revenue, 2), a.tx().hash());
      } else {
        LOG.warn(
            "liquidation reverted: account {} block {} index {} gas {}/{} tx {}",
            a.account(),
            done.includedBlock(),
            receipt.getTransactionIndex(),
            receipt.getGasUsed(),
            a.tx().gasLimit(),
            a.tx().hash());
      }
    }
    return settled;
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
