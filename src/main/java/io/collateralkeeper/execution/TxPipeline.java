package io.collateralkeeper.execution;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.BundleAttempt;
import io.collateralkeeper.journal.IntentRecord;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.journal.NewTx;
import io.collateralkeeper.journal.Route;
import io.collateralkeeper.journal.TxKind;
import io.collateralkeeper.journal.TxRecord;
import io.collateralkeeper.journal.TxStatus;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.Signer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends and follows transactions for intents, crash-safely: sign with a managed nonce, journal durably, then
 * broadcast; at each head, settle what was included, replace what is stuck, cancel what is no longer wanted, fill
 * nonce gaps. Never a second transaction for the same intent at a new nonce (the one exception: the node answered
 * "nonce too low" to a fresh nonce, so the first copy can never land). Thread-safe.
 *
 * <p>With a {@link BundleMode} the same rules hold, but nothing goes to the public mempool: {@link #submit} and
 * {@link #track} only sign and journal, and {@link #flush} sends every transaction in flight, in nonce order, as one
 * bundle for the next block. A transaction whose bundle simulation reverts is replaced, at its nonce, by a
 * cancellation; trailing cancellations of transactions that never left our bundles are dropped (their nonces are
 * free again), since a bundle for a block that has passed cannot land.
 */
public final class TxPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(TxPipeline.class);

  private final ChainClient chain;
  private final Journal journal;
  private final TxSigner signer;
  private final NonceManager nonces;
  private final Broadcaster broadcaster;
  private final Rebroadcaster rebroadcaster;
  private final NonceSettler settler;
  private final ReplacementPolicy policy;
  private final FeePolicy fees;
  private final Optional<BundleMode> bundles;
  private final String bundleUuid = UUID.randomUUID().toString();
  private final Set<String> warnedHeld = new HashSet<>();
  private ReconcileSummary startup;

  private TxPipeline(
      ChainClient chain, Journal journal, TxSigner signer, NonceManager nonces, PipelineSettings settings,
      ReceiptValuer valuer) {
    this.chain = chain;
    this.journal = journal;
    this.signer = signer;
    this.nonces = nonces;
    this.broadcaster = new Broadcaster(chain, signer);
    this.rebroadcaster = new Rebroadcaster(broadcaster, journal);
    this.settler = new NonceSettler(chain, journal, signer, valuer);
    this.fees = settings.fees();
    this.bundles = settings.bundles();
    this.policy = new ReplacementPolicy(settings.stuckBlocks(), fees.maxFeeCap());
  }

  /**
   * Starts a pipeline for one signer: reconciles the journal with the chain (see {@link Reconciler}), seeds the
   * nonce manager, and fills nonce gaps with cancellations. Call it once at start-up, before any {@link #submit}.
   *
   * @param chain the endpoint (its chain id already verified)
   * @param journal the journal, open for writing
   * @param key the signing key
   * @param chainId the chain id signed into transactions
   * @param settings K and the fee policy
   * @param valuer values receipts in USD for the journal's outcomes
   * @param head current head block
   * @param baseFee its base fee, wei
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails
   * @throws io.collateralkeeper.journal.JournalException when the journal cannot be written
   */
  public static TxPipeline start(
      ChainClient chain, Journal journal, Signer key, long chainId, PipelineSettings settings, ReceiptValuer valuer,
      long head, BigInteger baseFee) {
    TxSigner signer = new TxSigner(key, chainId);
    Broadcaster b = new Broadcaster(chain, signer);
    Reconciler.Result r =
        new Reconciler(chain, journal, signer, new Rebroadcaster(b, journal), new NonceSettler(chain, journal, signer, valuer))
            .reconcile();
    TxPipeline p = new TxPipeline(chain, journal, signer, r.nonces(), settings, valuer);
    int filled = p.fillGaps(head, baseFee).size();
    p.startup = r.summary(filled, r.nonces().peekNext());
    LOG.info(p.startup.toText());
    return p;
  }

  /** What reconciling the journal found at start-up. */
  public ReconcileSummary startup() {
    return startup;
  }

  /** The sending address. */
  public Address from() {
    return signer.from();
  }

  /** The nonce manager (read its state; the pipeline drives it). */
  public NonceManager nonces() {
    return nonces;
  }

  /**
   * Opens an intent and sends its transaction: sign at the next managed nonce, journal intent and transaction in
   * one durable commit, then broadcast ("already known" counts as accepted).
   *
   * @param intent the intent; refused while another with the same key is open
   * @param call the contract call
   * @param gasLimit gas limit
   * @param fee fee fields
   * @param head current head block (recorded as the block it was sent at)
   * @return sent, or refused with a reason
   * @throws io.collateralkeeper.journal.JournalException when the journal cannot be written (nothing is broadcast)
   */
  public synchronized Submission submit(IntentSpec intent, TxCall call, BigInteger gasLimit, FeeQuote fee, long head) {
    Optional<IntentRecord> open = journal.openIntent(signer.chainId(), intent.key());
    if (open.isPresent()) return refusedOpen(open.get());
    long nonce = nonces.next();
    SignedTx s = signer.sign(nonce, call, gasLimit, fee);
    Optional<IntentRecord> rec;
    try {
      rec = journal.openIntent(signer.chainId(), intent, newTx(s, OptionalLong.empty(), TxKind.CALL, head));
    } catch (RuntimeException e) {
      nonces.markDropped(nonce);
      throw e;
    }
    if (rec.isEmpty()) {
      nonces.markDropped(nonce);
      return refusedOpen(journal.openIntent(signer.chainId(), intent.key()).orElseThrow());
    }
    if (bundles.isPresent()) {
      // goes with the next flush, in this head's bundle
      return new Submission.Sent(
          rec.get(), new SentTx(s.hash(), BigInteger.valueOf(nonce), intent.account(), gasLimit, fee, head), false);
    }
    return broadcastFirst(rec.get(), s, call, fee, head, true);
  }

  /**
   * One transaction to open with {@link #submitAll}.
   *
   * @param intent the intent; refused while another with the same key is open
   * @param call the contract call
   * @param gasLimit gas limit
   * @param fee fee fields
   */
  public record Order(IntentSpec intent, TxCall call, BigInteger gasLimit, FeeQuote fee) {}

  /**
   * {@link #submit} for many intents at once, in order: each transaction is signed at the next managed nonce, all
   * intents and transactions are journaled in ONE durable commit, then all are broadcast in one JSON-RPC batch (the
   * bundle route sends them with the next {@link #flush}), and the accepted ones are marked in one more commit. A
   * refusal by the node is handled for its transaction alone, as {@link #submit} does.
   *
   * @param head current head block (recorded as the block they were sent at)
   * @return one answer per order, in order
   * @throws io.collateralkeeper.journal.JournalException when the journal cannot be written (nothing is broadcast)
   */
  public synchronized List<Submission> submitAll(List<Order> orders, long head) {
    return finish(start(orders, head));
  }

  /**
   * The first half of {@link #submitAll}: signs and journals the transactions in one durable commit, then hands them
   * to the node in one JSON-RPC batch on another thread and returns at once, so that the caller can prepare more while
   * the node answers. {@link #finish} must be called with the result (in the order of the starts) before the pipeline
   * is used for anything else at this head.
   *
   * @throws io.collateralkeeper.journal.JournalException when the journal cannot be written (nothing is broadcast)
   */
  public synchronized Started start(List<Order> orders, long head) {
    Submission[] out = new Submission[orders.size()];
    List<Integer> index = new ArrayList<>();
    List<SignedTx> signed = new ArrayList<>();
    List<IntentRecord> records = new ArrayList<>();
    List<Long> taken = new ArrayList<>();
    try {
      journal.inOneCommit(
          () -> {
            for (int i = 0; i < orders.size(); i++) {
              Optional<IntentRecord> open = journal.openIntent(signer.chainId(), orders.get(i).intent().key());
              if (open.isPresent()) {
                out[i] = refusedOpen(open.get());
                continue;
              }
              taken.add(nonces.next());
              index.add(i);
            }
            for (int k = 0; k < index.size(); k++) {
              // each transaction at the nonce it was given (native ECDSA: about 70 µs each, on this thread)
              Order o = orders.get(index.get(k));
              SignedTx s = signer.sign(taken.get(k), o.call(), o.gasLimit(), o.fee());
              signed.add(s);
              records.add(
                  journal.openIntent(signer.chainId(), o.intent(), newTx(s, OptionalLong.empty(), TxKind.CALL, head))
                      .orElseThrow(() -> new IllegalStateException("intent " + o.intent().key() + " opened twice")));
            }
            return null;
          });
    } catch (RuntimeException e) {
      for (int k = taken.size() - 1; k >= 0; k--) nonces.markDropped(taken.get(k));
      throw e;
    }
    List<String> raw = signed.stream().map(SignedTx::rawHex).toList();
    java.util.concurrent.CompletableFuture<List<BroadcastResult>> answers;
    if (bundles.isPresent() || raw.isEmpty()) {
      answers = java.util.concurrent.CompletableFuture.completedFuture(List.of());
    } else {
      // batches reach the node in nonce order: each waits for the node's answer to the one before
      answers = lastSend.handleAsync((ignored, failure) -> sendAllQuietly(raw), SENDER);
      lastSend = answers;
    }
    return new Started(List.copyOf(orders), head, index, signed, records, out, answers);
  }

  /**
   * The second half of {@link #submitAll}: waits for the node's answers to a {@link #start}, marks the accepted
   * transactions broadcast in one commit, and handles each refusal as {@link #submit} does.
   *
   * @return one answer per order of the start, in order
   */
  public synchronized List<Submission> finish(Started started) {
    List<BroadcastResult> results = started.answers().join(); // Broadcaster.sendAll never throws: no exception here
    List<SignedTx> signed = started.signed();
    journal.inOneCommit(
        () -> {
          for (int k = 0; k < results.size(); k++) {
            if (results.get(k).status() == SendStatus.ACCEPTED) journal.markBroadcast(signed.get(k).hash(), List.of());
          }
          return null;
        });
    Submission[] out = started.out();
    for (int k = 0; k < signed.size(); k++) {
      int i = started.index().get(k);
      Order o = started.orders().get(i);
      SignedTx s = signed.get(k);
      IntentRecord rec = started.records().get(k);
      SentTx sent = new SentTx(s.hash(), BigInteger.valueOf(s.nonce()), o.intent().account(), o.gasLimit(), o.fee(), started.head());
      if (bundles.isPresent()) {
        out[i] = new Submission.Sent(rec, sent, false); // goes with the next flush
      } else if (results.get(k).status() == SendStatus.ACCEPTED) {
        out[i] = new Submission.Sent(rec, sent, true);
      } else {
        out[i] = afterBroadcast(rec, s, o.call(), o.fee(), started.head(), results.get(k), true);
      }
    }
    return List.of(out);
  }

  /**
   * Transactions signed, journaled and being handed to the node by {@link #start}; {@link #finish} reads the answers.
   */
  public record Started(
      List<Order> orders,
      long head,
      List<Integer> index,
      List<SignedTx> signed,
      List<IntentRecord> records,
      Submission[] out,
      java.util.concurrent.CompletableFuture<List<BroadcastResult>> answers) {}

  /** Hands batches to the node off the caller's thread (one virtual thread per batch). */
  private static final java.util.concurrent.Executor SENDER =
      task -> Thread.ofVirtual().name("keeper-send").start(task);

  /** The last batch handed to {@link #SENDER}; the next one is sent after it is answered. */
  private java.util.concurrent.CompletableFuture<?> lastSend = java.util.concurrent.CompletableFuture.completedFuture(null);

  /** {@link Broadcaster#sendAll}, with anything unexpected classified as an unconfirmed send (retried later). */
  private List<BroadcastResult> sendAllQuietly(List<String> raw) {
    try {
      return broadcaster.sendAll(raw);
    } catch (RuntimeException e) {
      BroadcastResult unknown =
          BroadcastResult.classify(new io.collateralkeeper.chain.RpcException("broadcast failed: " + e, e));
      return java.util.Collections.nCopies(raw.size(), unknown);
    }
  }

  private Submission broadcastFirst(
      IntentRecord intent, SignedTx s, TxCall call, FeeQuote fee, long head, boolean mayRetry) {
    return afterBroadcast(intent, s, call, fee, head, broadcaster.send(s.rawHex()), mayRetry);
  }

  /** Journals what the node answered to the first broadcast of an intent's transaction. */
  private Submission afterBroadcast(
      IntentRecord intent, SignedTx s, TxCall call, FeeQuote fee, long head, BroadcastResult r, boolean mayRetry) {
    SentTx sent = new SentTx(s.hash(), BigInteger.valueOf(s.nonce()), intent.account(), s.gasLimit(), fee, head);
    switch (r.status()) {
      case ACCEPTED -> {
        journal.markBroadcast(s.hash(), List.of());
        return new Submission.Sent(intent, sent, true);
      }
      case UNREACHABLE -> {
        LOG.warn("broadcast of {} (nonce {}) unconfirmed, will retry: {}", s.hash(), s.nonce(), r.message());
        return new Submission.Sent(intent, sent, false);
      }
      default -> {
        nonces.markDropped(s.nonce());
        nonces.resync(chain.latestNonce(from()).longValueExact(), chain.pendingNonce(from()).longValueExact());
        if (r.status() == SendStatus.NONCE_TOO_LOW && mayRetry) {
          // nonce consumed by a transaction not in our journal: this copy can never land, so re-sign at a new nonce
          journal.markDropped(s.hash(), Optional.empty());
          long nonce = nonces.next();
          SignedTx again = signer.sign(nonce, call, s.gasLimit(), fee);
          journal.recordSigned(newTx(again, OptionalLong.of(intent.id()), TxKind.CALL, head));
          return broadcastFirst(intent, again, call, fee, head, false);
        }
        journal.markDropped(s.hash(), Optional.of(IntentStatus.FAILED));
        return new Submission.Refused("node refused the transaction: " + r.message());
      }
    }
  }

  /**
   * Follows every nonce in flight at a new head: settles those the chain consumed (receipts of every transaction
   * ever signed at the nonce), broadcasts again transactions the node never confirmed, replaces those stuck K blocks
   * with fees bumped by at least 10% (capped), cancels those whose intent {@code stillWanted} rejects, and fills nonce
   * gaps with cancellations.
   *
   * @param head the new head block
   * @param baseFee its base fee, wei
   * @param stillWanted whether an open intent is still worth its transaction (false: cancel it)
   * @return what was done
   */
  public synchronized TrackReport track(long head, BigInteger baseFee, Predicate<IntentRecord> stillWanted) {
    if (nonces.inFlight().isEmpty() && nonces.gaps().isEmpty()) {
      // nothing to follow: no node read (a steady-state head costs no nonce request)
      return new TrackReport(List.of(), List.of(), List.of(), List.of(), List.of());
    }
    long latest = chain.latestNonce(from()).longValueExact();
    Optional<FeeQuote> market = fees.quote(baseFee);
    List<SettledTx> settled = new ArrayList<>();
    List<Resent> replaced = new ArrayList<>();
    List<Resent> cancelled = new ArrayList<>();
    List<String> held = new ArrayList<>();
    for (long n : nonces.inFlight()) {
      if (n < latest) {
        settler.settle(n).ifPresent(settled::add);
        nonces.markIncluded(n);
        continue;
      }
      List<TxRecord> live = live(n);
      if (live.isEmpty()) continue; // pending, but not ours: another sender of the same key
      TxRecord newest = live.getLast();
      if (newest.status() == TxStatus.SIGNED) rebroadcaster.rebroadcast(live);
      boolean cancelling = newest.kind() == TxKind.CANCEL;
      PendingFees pending = new PendingFees(newest.maxFeeWei(), newest.tipWei(), newest.sentBlock(), cancelling);
      boolean wanted = cancelling || (wanted(newest, stillWanted) && !bundleExpired(live, head));
      switch (policy.decide(pending, head, wanted, baseFee, market)) {
        case ReplacementDecision.Wait w -> { }
        case ReplacementDecision.Replace r -> {
          SignedTx s = cancelling ? signer.cancel(n, r.fee()) : signer.resign(newest.rawSignedHex(), r.fee());
          resend(newest, live, s, r.fee(), newest.kind(), head).ifPresent(replaced::add);
        }
        case ReplacementDecision.Cancel c ->
            resend(newest, live, signer.cancel(n, c.fee()), c.fee(), TxKind.CANCEL, head).ifPresent(cancelled::add);
        case ReplacementDecision.Hold h -> {
          held.add("nonce " + n + " (" + newest.hash() + "): " + h.reason());
          if (warnedHeld.add(newest.hash())) LOG.warn("tx {} at nonce {} left as it is: {}", newest.hash(), n, h.reason());
          if ((head - newest.sentBlock()) % policy.stuckBlocks() == 0) rebroadcaster.rebroadcast(live);
        }
      }
    }
    List<Resent> gaps = fillGaps(head, baseFee);
    return new TrackReport(settled, replaced, cancelled, gaps, held);
  }

  /**
   * Re-checks, after a reorg, every transaction settled in block {@code firstGone} or later: one whose receipt is
   * gone from the chain is unsettled in the journal (signed again, its intent open again) and its nonce is in flight
   * again, so the next {@link #track} broadcasts it again from the journal and settles it when it lands (or replaces
   * or cancels it, as for any transaction in flight). One still included, in whatever block, stays settled.
   *
   * @param firstGone the first block that left the chain
   * @return how many transactions fell out of the chain
   * @throws io.collateralkeeper.chain.RpcException when the endpoint fails (call again at the next head)
   */
  public synchronized int reorged(long firstGone) {
    java.util.SortedSet<Long> undone = new java.util.TreeSet<>();
    for (TxRecord t : journal.settledSince(signer.chainId(), from(), firstGone)) {
      if (chain.receipt(t.hash()).isPresent()) continue;
      journal.unsettle(t.hash());
      undone.add(t.nonce());
      LOG.warn("tx {} at nonce {} fell out of the chain in a reorg: tracked again", t.hash(), t.nonce());
    }
    if (!undone.isEmpty()) {
      nonces.rewind(undone.first(), journal.liveNonces(signer.chainId(), from(), undone.first()));
    }
    return undone.size();
  }

  /** A bundle transaction that has waited {@link BundleMode#maxBlocks} blocks since its nonce was first signed. */
  private boolean bundleExpired(List<TxRecord> live, long head) {
    return bundles.isPresent()
        && live.getLast().route() == Route.BUNDLE
        && live.getLast().kind() == TxKind.CALL
        && head - live.getFirst().sentBlock() >= bundles.get().maxBlocks();
  }

  private boolean wanted(TxRecord tx, Predicate<IntentRecord> stillWanted) {
    if (tx.intentId().isEmpty()) return true;
    Optional<IntentRecord> intent = journal.intent(tx.intentId().getAsLong());
    return intent.isEmpty() || intent.get().status() != IntentStatus.OPEN || stillWanted.test(intent.get());
  }

  /** Journals {@code s} (same nonce and intent as {@code newest}), then broadcasts it. */
  private Optional<Resent> resend(
      TxRecord newest, List<TxRecord> live, SignedTx s, FeeQuote fee, TxKind kind, long head) {
    journal.recordSigned(newTx(s, newest.intentId(), kind, head));
    if (bundles.isPresent()) {
      nonces.markReplaced(s.nonce()); // the older transactions count as replaced once a relay takes the bundle
      return Optional.of(new Resent(s.nonce(), Optional.of(newest.hash()), s.hash(), fee));
    }
    BroadcastResult r = broadcaster.send(s.rawHex());
    switch (r.status()) {
      case ACCEPTED -> {
        journal.markBroadcast(s.hash(), live.stream().map(TxRecord::hash).toList());
        nonces.markReplaced(s.nonce());
        LOG.info("{} {} at nonce {} with {} by {}", kind == TxKind.CANCEL ? "cancelled" : "replaced", newest.hash(),
            s.nonce(), s.hash(), fee);
        return Optional.of(new Resent(s.nonce(), Optional.of(newest.hash()), s.hash(), fee));
      }
      case UNREACHABLE -> {
        LOG.warn("broadcast of {} (nonce {}) unconfirmed, will retry: {}", s.hash(), s.nonce(), r.message());
        return Optional.of(new Resent(s.nonce(), Optional.of(newest.hash()), s.hash(), fee));
      }
      default -> {
        // consumed meanwhile (the next pass settles it) or refused: the transaction in the pool stays
        LOG.warn("node refused {} at nonce {}: {}", s.hash(), s.nonce(), r.message());
        journal.markDropped(s.hash(), Optional.empty());
        return Optional.empty();
      }
    }
  }

  /** Sends a cancellation at every dropped nonce below one in flight. */
  List<Resent> fillGaps(long head, BigInteger baseFee) {
    List<Resent> filled = new ArrayList<>();
    for (long n : nonces.gaps()) {
      FeeQuote fee = fees.quote(baseFee).orElse(new FeeQuote(fees.maxFeeCap(), fees.priorityFee(), baseFee));
      SignedTx s = signer.cancel(n, fee);
      journal.recordSigned(newTx(s, OptionalLong.empty(), TxKind.CANCEL, head));
      nonces.markInFlight(n);
      if (bundles.isPresent()) {
        filled.add(new Resent(n, Optional.empty(), s.hash(), fee));
        continue;
      }
      BroadcastResult r = broadcaster.send(s.rawHex());
      switch (r.status()) {
        case ACCEPTED -> journal.markBroadcast(s.hash(), List.of());
        case UNREACHABLE -> LOG.warn("gap filler {} at nonce {} unconfirmed, will retry", s.hash(), n);
        default -> {
          LOG.warn("node refused the gap filler at nonce {}: {}", n, r.message());
          journal.markDropped(s.hash(), Optional.empty());
          nonces.markDropped(n);
          nonces.resync(chain.latestNonce(from()).longValueExact(), chain.pendingNonce(from()).longValueExact());
          continue;
        }
      }
      LOG.info("nonce gap {} filled with cancellation {}", n, s.hash());
      filled.add(new Resent(n, Optional.empty(), s.hash(), fee));
    }
    return filled;
  }

  /**
   * Bundle route: sends every transaction in flight, newest per nonce in nonce order, as one bundle for block
   * {@code head + 1}. A transaction whose simulation reverts is replaced at its nonce by a cancellation (its intent
   * then ends cancelled, or failed if the cancellation is dropped) and the bundle is tried again; trailing
   * cancellations are dropped first. Public route: does nothing (every transaction was broadcast when signed). Call it
   * once per head, after the head's {@link #track} and {@link #submit}s.
   *
   * @param head the current head block
   * @return what the last send came to; empty when nothing was to be sent or on the public route
   * @throws io.collateralkeeper.chain.RpcException when the node cannot be read
   */
  public synchronized Optional<BundleAttempt> flush(long head) {
    if (bundles.isEmpty()) return Optional.empty();
    Optional<BundleAttempt> last = Optional.empty();
    for (int round = 0; round <= nonces.inFlight().size(); round++) {
      List<TxRecord> txs = bundleTxs();
      if (txs.isEmpty()) return last;
      BundleAttempt a = bundles.get().route().sendOnce(txs.stream().map(TxRecord::rawSignedHex).toList(), head, bundleUuid);
      last = Optional.of(a);
      switch (a) {
        case BundleAttempt.Sent sent -> {
          for (TxRecord t : txs) {
            List<String> older = live(t.nonce()).stream().map(TxRecord::hash).filter(h -> !h.equals(t.hash())).toList();
            if (t.status() == TxStatus.SIGNED || !older.isEmpty()) journal.markBroadcast(t.hash(), older);
          }
          LOG.info("bundle of {} transactions (nonces {}..{}) sent for block {}", txs.size(), txs.getFirst().nonce(),
              txs.getLast().nonce(), sent.targetBlock());
          return last;
        }
        case BundleAttempt.Refused r -> {
          LOG.warn("bundle for block {} not sent: {}", head + 1, r.reason());
          return last;
        }
        case BundleAttempt.SimulationFailed f -> {
          Optional<TxRecord> failed =
              f.failedTxHash().flatMap(h -> txs.stream().filter(t -> t.hash().equalsIgnoreCase(h)).findFirst());
          if (failed.isEmpty() || failed.get().kind() != TxKind.CALL) {
            LOG.warn("bundle for block {} not sent: {}", head + 1, f.reason());
            return last;
          }
          TxRecord t = failed.get();
          LOG.info("bundle transaction {} at nonce {} would revert, cancelling it: {}", t.hash(), t.nonce(), f.reason());
          FeeQuote fee = new FeeQuote(t.maxFeeWei(), t.tipWei(), BigInteger.ZERO);
          journal.recordSigned(newTx(signer.cancel(t.nonce(), fee), t.intentId(), TxKind.CANCEL, head));
        }
      }
    }
    return last;
  }

  /** Newest live transaction per nonce in flight, ascending; trailing bundle-only cancellations are dropped. */
  private List<TxRecord> bundleTxs() {
    List<TxRecord> txs = new ArrayList<>();
    for (long n : nonces.inFlight()) {
      List<TxRecord> live = live(n);
      if (!live.isEmpty()) txs.add(live.getLast());
    }
    while (!txs.isEmpty() && txs.getLast().kind() == TxKind.CANCEL) {
      List<TxRecord> live = live(txs.getLast().nonce());
      if (live.stream().anyMatch(t -> t.route() != Route.BUNDLE)) break; // a public copy may land: keep cancelling
      for (TxRecord t : live) {
        boolean closes = t == live.getLast() && t.intentId().isPresent();
        journal.markDropped(t.hash(), closes ? Optional.of(IntentStatus.FAILED) : Optional.empty());
      }
      nonces.markDropped(txs.removeLast().nonce());
    }
    return txs;
  }

  private List<TxRecord> live(long nonce) {
    return journal.txsAt(signer.chainId(), from(), nonce).stream().filter(t -> t.status().mayLand()).toList();
  }

  private NewTx newTx(SignedTx s, OptionalLong intentId, TxKind kind, long head) {
    return new NewTx(
        s.hash(), intentId, signer.chainId(), from(), s.nonce(), kind, s.maxFeeWei(), s.tipWei(), s.gasLimit(),
        bundles.isPresent() ? Route.BUNDLE : Route.PUBLIC, s.rawHex(), head);
  }

  private static Submission refusedOpen(IntentRecord open) {
    return new Submission.Refused("intent " + open.key() + " is already open (intent " + open.id() + ")");
  }
}
