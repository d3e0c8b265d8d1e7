package io.collateralkeeper.journal;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The keeper's journal: an embedded SQLite database in WAL mode with {@code synchronous=FULL}, so that every method
 * that writes has its commit on disk when it returns — a transaction is journaled before it is broadcast.
 *
 * <p>Tables: {@code intents} (one per opportunity acted on; at most one open per intent key and chain),
 * {@code txs} (every signed transaction, with its raw envelope), {@code outcomes} (gas and realized revenue of
 * included transactions), {@code schema_version}. Amounts are decimal text of exact integers.
 *
 * <p>One writer: a writing journal holds an OS lock on {@code FILE.lock}; methods are synchronized, so one instance
 * may be shared by threads. Every SQL failure surfaces as a one-line {@link JournalException}.
 */
public final class Journal implements AutoCloseable {
  private final Path file;
  private final Connection conn;
  private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();
  private final Clock clock;
  private final JournalLock lock;

  private Journal(Path file, Connection conn, Clock clock, JournalLock lock) {
    this.file = file;
    this.conn = conn;
    this.clock = clock;
    this.lock = lock;
  }

  /** {@link #open(Path, Clock)} with the system clock. */
  public static Journal open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /**
   * Opens (creating it if missing) the journal for writing, and locks it.
   *
   * @param file the database file
   * @param clock the clock timestamps come from
   * @throws JournalException when the file is not a keeper journal, is damaged, is newer than this keeper, or is in
   *     use by another keeper process
   */
  public static Journal open(Path file, Clock clock) {
    Path abs = file.toAbsolutePath();
    try {
      if (abs.getParent() != null) Files.createDirectories(abs.getParent());
    } catch (java.io.IOException e) {
      throw new JournalException("cannot create the journal's directory " + abs.getParent() + ": " + e.getMessage(), e);
    }
    JournalLock lock = JournalLock.acquire(abs);
    try {
      return connect(file, clock, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Opens an existing journal to read it (no lock: a running keeper may be writing it).
   *
   * @throws JournalException when the file is missing, not a keeper journal, damaged or newer than this keeper
   */
  public static Journal openExisting(Path file) {
    if (!Files.isRegularFile(file)) throw new JournalException("journal not found: " + file);
    return connect(file, Clock.systemUTC(), null);
  }

  private static Journal connect(Path file, Clock clock, JournalLock lock) {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    cfg.enforceForeignKeys(true);
    cfg.setBusyTimeout(5_000);
    Connection c = null;
    try {
      c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      JournalSchema.createOrVerify(c, file, clock.millis());
      // only once the file is known to be ours: switching to WAL rewrites the header of someone else's database
      if (lock != null) {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("PRAGMA journal_mode = WAL");
        }
      }
      return new Journal(file, c, clock, lock);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new JournalException(file + " is not a keeper journal (" + reason(e) + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  // ---------------------------------------------------------------- intents

  /** The open intent with this key on this chain, if any. */
  public synchronized Optional<IntentRecord> openIntent(long chainId, String key) {
    return query(
            "SELECT * FROM intents WHERE chain_id = ? AND intent_key = ? AND status = 'open'",
            JournalRows::intent,
            chainId,
            key)
        .stream()
        .findFirst();
  }

  /**
   * Opens an intent and journals its first signed transaction, in one durable commit.
   *
   * @param chainId chain id
   * @param spec the intent
   * @param firstTx its first transaction (its intent id is filled in)
   * @return the new intent, or empty when an intent with the same key is already open (nothing is written)
   */
  public synchronized Optional<IntentRecord> openIntent(long chainId, IntentSpec spec, NewTx firstTx) {
    if (firstTx.chainId() != chainId) throw new IllegalArgumentException("transaction signed for another chain");
    return inTransaction(
        () -> {
          if (openIntent(chainId, spec.key()).isPresent()) return Optional.empty();
          long now = clock.millis();
          long id =
              insert(
                  "INSERT INTO intents (created_ms, chain_id, protocol, account, action, intent_key,"
                      + " expected_profit_usd_wad, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')",
                  now,
                  chainId,
                  spec.protocol(),
                  spec.account().hex(),
                  spec.action(),
                  spec.key(),
                  spec.expectedProfitUsdWad().toString());
          insertTx(firstTx.forIntent(id), now);
          return intent(id);
        });
  }

  /** The intent with this id, if any. */
  public synchronized Optional<IntentRecord> intent(long id) {
    return query("SELECT * FROM intents WHERE id = ?", JournalRows::intent, id).stream().findFirst();
  }

  /** Every open intent on this chain, oldest first. */
  public synchronized List<IntentRecord> openIntents(long chainId) {
    return query("SELECT * FROM intents WHERE chain_id = ? AND status = 'open' ORDER BY id", JournalRows::intent, chainId);
  }

  /**
   * Every intent of one protocol opened on this chain at or after {@code sinceMs} (by the journal's clock), oldest
   * first: protect mode sums the day's spending from them.
   */
  public synchronized List<IntentRecord> intentsSince(long chainId, String protocol, long sinceMs) {
    return query(
        "SELECT * FROM intents WHERE chain_id = ? AND protocol = ? AND created_ms >= ? ORDER BY id",
        JournalRows::intent,
        chainId,
        protocol,
        sinceMs);
  }

  /** Sets an open intent's final status (no effect on an intent already closed). */
  public synchronized void closeIntent(long id, IntentStatus status) {
    update(
        "UPDATE intents SET status = ?, closed_ms = ? WHERE id = ? AND status = 'open'",
        status.db(),
        clock.millis(),
        id);
  }

  // ---------------------------------------------------------------- account index

  /**
   * The next block to index events from for a market, if it was indexed before.
   *
   * @param market a stable market key, e.g. "aave-v3:0x...provider"
   */
  public synchronized OptionalLong indexedUpTo(long chainId, String market) {
    List<Long> r =
        query("SELECT next_block FROM index_progress WHERE chain_id = ? AND market = ?", rs -> rs.getLong(1), chainId, market);
    return r.isEmpty() ? OptionalLong.empty() : OptionalLong.of(r.get(0));
  }

  /** Every account indexed for a market. */
  public synchronized List<Address> indexedAccounts(long chainId, String market) {
    return query(
        "SELECT account FROM indexed_accounts WHERE chain_id = ? AND market = ? ORDER BY rowid",
        rs -> Address.of(rs.getString(1)),
        chainId,
        market);
  }

  /** Records, in one commit, that a market's events are indexed up to {@code nextBlock - 1} and its new accounts. */
  public synchronized void recordIndexed(long chainId, String market, long nextBlock, java.util.Collection<Address> accounts) {
    inTransaction(
        () -> {
          for (Address a : accounts) {
            update("INSERT OR IGNORE INTO indexed_accounts (chain_id, market, account) VALUES (?, ?, ?)", chainId, market, a.hex());
          }
          update(
              "INSERT INTO index_progress (chain_id, market, next_block) VALUES (?, ?, ?) "
                  + "ON CONFLICT (chain_id, market) DO UPDATE SET next_block = excluded.next_block",
              chainId,
              market,
              nextBlock);
          return null;
        });
  }

  // ---------------------------------------------------------------- reorgs

  /** The blocks (number and hash) the index was last advanced to for a market, newest first. */
  public synchronized List<BlockRef> indexCheckpoints(long chainId, String market) {
    return query(
        "SELECT block, hash FROM index_checkpoints WHERE chain_id = ? AND market = ? ORDER BY block DESC",
        rs -> new BlockRef(rs.getLong(1), rs.getString(2)),
        chainId,
        market);
  }

  /**
   * Records, in one commit, that a market's events are indexed up to {@code head} (whose hash is kept as a
   * checkpoint, with the checkpoints from {@code keepFrom} on), and the accounts first seen, each with the block of
   * the event that revealed it.
   */
  public synchronized void recordIndexed(
      long chainId, String market, BlockRef head, java.util.Map<Address, BlockRef> firstSeen, long keepFrom) {
    inTransaction(
        () -> {
          for (var e : firstSeen.entrySet()) {
            update(
                "INSERT OR IGNORE INTO indexed_accounts (chain_id, market, account, first_block, first_block_hash)"
                    + " VALUES (?, ?, ?, ?, ?)",
                chainId, market, e.getKey().hex(), e.getValue().block(), e.getValue().hash());
          }
          update(
              "INSERT INTO index_progress (chain_id, market, next_block) VALUES (?, ?, ?) "
                  + "ON CONFLICT (chain_id, market) DO UPDATE SET next_block = excluded.next_block",
              chainId, market, head.block() + 1);
          update(
              "INSERT OR REPLACE INTO index_checkpoints (chain_id, market, block, hash) VALUES (?, ?, ?, ?)",
              chainId, market, head.block(), head.hash());
          update("DELETE FROM index_checkpoints WHERE chain_id = ? AND market = ? AND block < ?", chainId, market, keepFrom);
          return null;
        });
  }

  /**
   * Rolls a market's index back to {@code ancestor} (the last block still on the chain), in one commit: accounts
   * first seen after it are removed (re-indexing finds those whose events are still on the chain), checkpoints
   * after it are removed, and indexing resumes at {@code ancestor + 1}.
   *
   * @return the accounts removed
   */
  public synchronized List<Address> rollBackIndex(long chainId, String market, long ancestor) {
    return inTransaction(
        () -> {
          List<Address> dropped =
              query(
                  "SELECT account FROM indexed_accounts WHERE chain_id = ? AND market = ? AND first_block > ?"
                      + " ORDER BY rowid",
                  rs -> Address.of(rs.getString(1)),
                  chainId, market, ancestor);
          update("DELETE FROM indexed_accounts WHERE chain_id = ? AND market = ? AND first_block > ?", chainId, market, ancestor);
          update("DELETE FROM index_checkpoints WHERE chain_id = ? AND market = ? AND block > ?", chainId, market, ancestor);
          update(
              "UPDATE index_progress SET next_block = ? WHERE chain_id = ? AND market = ? AND next_block > ?",
              ancestor + 1, chainId, market, ancestor + 1);
          return dropped;
        });
  }

  /** Transactions of this signer settled as included or reverted in block {@code firstBlock} or later, by nonce. */
  public synchronized List<TxRecord> settledSince(long chainId, Address signer, long firstBlock) {
    return query(
        "SELECT t.* FROM txs t JOIN outcomes o ON o.hash = t.hash WHERE t.chain_id = ? AND t.signer = ?"
            + " AND t.status IN ('included','reverted') AND o.block >= ? ORDER BY t.nonce",
        JournalRows::tx,
        chainId, signer.hex(), firstBlock);
  }

  /**
   * Undoes the settlement of a transaction whose block left the chain, in one commit: its outcome is deleted, it is
   * {@code signed} again (to be broadcast again), and the intent its inclusion closed is open again (unless another
   * intent with the same key was opened since).
   */
  public synchronized void unsettle(String hash) {
    inTransaction(
        () -> {
          Optional<TxRecord> t = tx(hash);
          if (t.isEmpty()) throw new JournalException("tx " + hash + " is not journaled");
          update("DELETE FROM outcomes WHERE hash = ?", hash);
          setStatus(hash, TxStatus.SIGNED, "status IN ('included','reverted')");
          if (t.get().intentId().isPresent()) {
            update(
                "UPDATE intents SET status = 'open', closed_ms = NULL WHERE id = ? AND status <> 'open'"
                    + " AND NOT EXISTS (SELECT 1 FROM intents j WHERE j.chain_id = intents.chain_id"
                    + " AND j.intent_key = intents.intent_key AND j.status = 'open')",
                t.get().intentId().getAsLong());
          }
          return null;
        });
  }

  /**
   * Runs several journal writes as one durable commit (one fsync instead of one per write): all of them are
   * recorded, or none when {@code work} throws.
   *
   * @throws JournalException when the journal cannot be written
   */
  public synchronized <T> T inOneCommit(java.util.function.Supplier<T> work) {
    return inTransaction(work::get);
  }

  // ---------------------------------------------------------------- transactions

  /** Journals a signed transaction (a replacement or a cancellation) with status {@code signed}, durably. */
  public synchronized void recordSigned(NewTx tx) {
    inTransaction(
        () -> {
          insertTx(tx, clock.millis());
          return null;
        });
  }

  /**
   * Records that the node accepted a transaction; the transactions it supersedes at the same nonce become
   * {@code replaced}. One commit.
   */
  public synchronized void markBroadcast(String hash, List<String> superseded) {
    inTransaction(
        () -> {
          setStatus(hash, TxStatus.BROADCAST, "status IN ('signed','broadcast','replaced')");
          for (String old : superseded) setStatus(old, TxStatus.REPLACED, "status IN ('signed','broadcast')");
          return null;
        });
  }

  /**
   * Records that a transaction will never be included (rejected by the node), closing its intent as given when the
   * intent is still open. One commit.
   */
  public synchronized void markDropped(String hash, Optional<IntentStatus> closeIntentAs) {
    inTransaction(
        () -> {
          setStatus(hash, TxStatus.DROPPED, "status IN ('signed','broadcast','replaced')");
          if (closeIntentAs.isPresent()) {
            OptionalLong intent = tx(hash).map(TxRecord::intentId).orElse(OptionalLong.empty());
            if (intent.isPresent()) closeIntent(intent.getAsLong(), closeIntentAs.get());
          }
          return null;
        });
  }

  /** The transaction with this hash, if journaled. */
  public synchronized Optional<TxRecord> tx(String hash) {
    return query("SELECT * FROM txs WHERE hash = ?", JournalRows::tx, hash).stream().findFirst();
  }

  /** Every transaction journaled at this signer's nonce, in signing order. */
  public synchronized List<TxRecord> txsAt(long chainId, Address signer, long nonce) {
    return query(
        "SELECT * FROM txs WHERE chain_id = ? AND signer = ? AND nonce = ? ORDER BY signed_ms, rowid",
        JournalRows::tx,
        chainId,
        signer.hex(),
        nonce);
  }

  /** Every transaction of an intent, in signing order. */
  public synchronized List<TxRecord> txsOf(long intentId) {
    return query("SELECT * FROM txs WHERE intent_id = ? ORDER BY signed_ms, rowid", JournalRows::tx, intentId);
  }

  /**
   * Nonces of this signer that are not settled: some transaction at the nonce may still land (signed, broadcast or
   * replaced) and none is included or reverted. Ascending.
   */
  public synchronized SortedSet<Long> unsettledNonces(long chainId, Address signer) {
    return new TreeSet<>(
        query(
            "SELECT DISTINCT nonce FROM txs t WHERE chain_id = ? AND signer = ?"
                + " AND status IN ('signed','broadcast','replaced') AND NOT EXISTS (SELECT 1 FROM txs u"
                + " WHERE u.chain_id = t.chain_id AND u.signer = t.signer AND u.nonce = t.nonce"
                + " AND u.status IN ('included','reverted'))",
            rs -> rs.getLong(1),
            chainId,
            signer.hex()));
  }

  /** Nonces at or above {@code from} that have a journaled transaction not dropped. Ascending. */
  public synchronized SortedSet<Long> liveNonces(long chainId, Address signer, long from) {
    return new TreeSet<>(
        query(
            "SELECT DISTINCT nonce FROM txs WHERE chain_id = ? AND signer = ? AND nonce >= ? AND status <> 'dropped'",
            rs -> rs.getLong(1),
            chainId,
            signer.hex(),
            from));
  }

  /** The highest nonce of this signer with a journaled transaction that is not dropped. */
  public synchronized OptionalLong highestLiveNonce(long chainId, Address signer) {
    List<Long> r =
        query(
            "SELECT MAX(nonce) FROM txs WHERE chain_id = ? AND signer = ? AND status <> 'dropped'",
            rs -> rs.getObject(1) == null ? null : rs.getLong(1),
            chainId,
            signer.hex());
    return r.isEmpty() || r.get(0) == null ? OptionalLong.empty() : OptionalLong.of(r.get(0));
  }

  // ---------------------------------------------------------------- settlement

  /**
   * Settles a nonce whose transaction {@code outcome.hash()} was included, in one commit: that transaction becomes
   * {@code included} or {@code reverted} with its outcome; every other one at the nonce that could still land
   * becomes {@code replaced}; its intent (if open) gets {@code intentStatus}; other open intents with transactions
   * at this nonce become {@code failed}.
   *
   * @throws JournalException when the hash is not journaled at this nonce
   */
  public synchronized void settleIncluded(
      long chainId, Address signer, long nonce, OutcomeRecord outcome, IntentStatus intentStatus) {
    inTransaction(
        () -> {
          List<TxRecord> txs = txsAt(chainId, signer, nonce);
          TxRecord included =
              txs.stream()
                  .filter(t -> t.hash().equals(outcome.hash()))
                  .findFirst()
                  .orElseThrow(() -> new JournalException("tx " + outcome.hash() + " is not journaled at nonce " + nonce));
          long now = clock.millis();
          update(
              "INSERT OR REPLACE INTO outcomes (hash, block, success, gas_used, effective_gas_price_wei,"
                  + " realized_revenue_usd_wad, gas_cost_usd_wad, recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              outcome.hash(),
              outcome.block(),
              outcome.success() ? 1 : 0,
              outcome.gasUsed().toString(),
              outcome.effectiveGasPriceWei().toString(),
              outcome.realizedRevenueUsdWad().toString(),
              outcome.gasCostUsdWad().toString(),
              now);
          setStatus(included.hash(), outcome.success() ? TxStatus.INCLUDED : TxStatus.REVERTED, "1 = 1");
          for (TxRecord t : txs) {
            if (t.hash().equals(included.hash())) continue;
            if (t.status().mayLand()) setStatus(t.hash(), TxStatus.REPLACED, "1 = 1");
            if (t.intentId().isPresent() && !t.intentId().equals(included.intentId())) {
              closeIntent(t.intentId().getAsLong(), IntentStatus.FAILED);
            }
          }
          if (included.intentId().isPresent()) closeIntent(included.intentId().getAsLong(), intentStatus);
          return null;
        });
  }

  /**
   * Settles a nonce that a transaction not in the journal consumed, in one commit: every transaction at it that
   * could still land becomes {@code dropped}, and their open intents {@code failed}.
   */
  public synchronized void settleConsumedElsewhere(long chainId, Address signer, long nonce) {
    inTransaction(
        () -> {
          for (TxRecord t : txsAt(chainId, signer, nonce)) {
            if (!t.status().mayLand()) continue;
            setStatus(t.hash(), TxStatus.DROPPED, "1 = 1");
            if (t.intentId().isPresent()) closeIntent(t.intentId().getAsLong(), IntentStatus.FAILED);
          }
          return null;
        });
  }

  /** The outcome of an included transaction, if recorded. */
  public synchronized Optional<OutcomeRecord> outcome(String hash) {
    return query("SELECT * FROM outcomes WHERE hash = ?", JournalRows::outcome, hash).stream().findFirst();
  }

  // ---------------------------------------------------------------- history

  /** Every journaled transaction with its intent and outcome, for {@code keeper history}. */
  public synchronized List<HistoryRow> historyRows() {
    return query(
        "SELECT t.intent_id, i.protocol, i.status AS intent_status, COALESCE(i.created_ms, t.signed_ms) AS at_ms,"
            + " t.status AS tx_status, o.* FROM txs t LEFT JOIN intents i ON i.id = t.intent_id"
            + " LEFT JOIN outcomes o ON o.hash = t.hash ORDER BY at_ms, t.rowid",
        JournalRows::history);
  }

  // ---------------------------------------------------------------- plumbing

  /** The value of an SQLite pragma on this connection (diagnostics and tests), e.g. {@code synchronous}. */
  synchronized String pragma(String name) {
    if (!name.matches("[a-z_]+")) throw new IllegalArgumentException("not a pragma name: " + name);
    return query("PRAGMA " + name, rs -> rs.getString(1)).stream().findFirst().orElse("");
  }

  private void insertTx(NewTx tx, long now) throws SQLException {
    insert(
        "INSERT INTO txs (hash, intent_id, chain_id, signer, nonce, kind, max_fee_wei, tip_wei, gas_limit, route,"
            + " raw_signed_hex, signed_ms, sent_block, status, updated_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'signed', ?)",
        tx.hash(),
        tx.intentId().isPresent() ? tx.intentId().getAsLong() : null,
        tx.chainId(),
        tx.signer().hex(),
        tx.nonce(),
        tx.kind().db(),
        tx.maxFeeWei().toString(),
        tx.tipWei().toString(),
        tx.gasLimit().toString(),
        tx.route().db(),
        tx.rawSignedHex(),
        now,
        tx.sentBlock(),
        now);
  }

  private void setStatus(String hash, TxStatus status, String onlyWhen) {
    update(
        "UPDATE txs SET status = ?, updated_ms = ? WHERE hash = ? AND " + onlyWhen,
        status.db(),
        clock.millis(),
        hash);
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in one SQLite transaction (nested calls join the outer one). */
  private <T> T inTransaction(SqlWork<T> work) {
    try {
      if (!conn.getAutoCommit()) return work.run();
      conn.setAutoCommit(false);
      try {
        T result = work.run();
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(mapper.map(rs));
      return out;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void update(String sql, Object... args) {
    try {
      prepare(sql, args).executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private long insert(String sql, Object... args) throws SQLException {
    PreparedStatement ps = prepare(sql, args);
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      return keys.next() ? keys.getLong(1) : -1;
    }
  }

  /**
   * The statement for {@code sql} with {@code args} bound. Statements are prepared once per connection and kept (every
   * SQL text here is a constant, so the cache is bounded); a statement's result set is closed before it is reused.
   */
  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) ps.setNull(i + 1, Types.NULL);
      else if (a instanceof BigInteger b) ps.setString(i + 1, b.toString());
      else ps.setObject(i + 1, a);
    }
    return ps;
  }

  private JournalException failure(SQLException e) {
    return new JournalException("journal " + file + ": " + reason(e), e);
  }

  private static String reason(SQLException e) {
    if (e instanceof SQLiteException s) {
      SQLiteErrorCode code = s.getResultCode();
      if (code == SQLiteErrorCode.SQLITE_NOTADB) return "not an SQLite database";
      if (code == SQLiteErrorCode.SQLITE_CORRUPT) return "the database is corrupt";
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // closing: nothing left to do with it
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing
    }
  }

  /** Closes the database and releases the writer's lock. */
  @Override
  public synchronized void close() {
    for (PreparedStatement ps : statements.values()) closeQuietly(ps);
    statements.clear();
    closeQuietly(conn);
    if (lock != null) lock.close();
  }
}
