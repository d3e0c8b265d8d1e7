package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.devnet.DelayingRpcProxy;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.Scenario;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.wallet.WalletLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The keeper as a real process, killed with SIGKILL in the middle of a burst of liquidations (journaled, not yet
 * acknowledged by the node) and started again on the same journal: it must send no duplicate, leave no nonce gap,
 * and account for every transaction it sent.
 */
class CrashRecoveryIT {
  private static final int ACCOUNTS = 20;

  private DevnetFixture fx;
  private DelayingRpcProxy slowRpc;
  private final List<Process> processes = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
  }

  @AfterEach
  void stop() {
    for (Process p : processes) p.destroyForcibly();
    if (slowRpc != null) slowRpc.close();
    fx.close();
  }

  @Test
  void restartsAfterSigkillMidBurstWithoutDuplicateOrNonceGap() throws Exception {
    List<Address> accounts = Scenario.openLongs(fx, ACCOUNTS, 7, Scenario.health(102), Scenario.health(110));
    Address keeper = Address.of(WalletLoader.devAccount(1, 31337).address());
    long firstBlock = fx.chain.blockNumber() + 1;
    fx.setPricesPct(88);
    assertThat(fx.liquidatableOnChain(accounts)).hasSize(ACCOUNTS);

    // The burst is journaled wave by wave (one commit each, milliseconds apart) and each wave handed to the node in one
    // batch, in nonce order; this endpoint holds the first batch for 3 s and the later ones wait behind it: the kill
    // lands after every commit and before the node answered (the proxy still forwards the batches afterwards, so the
    // transactions may land while no process knows it).
    slowRpc = new DelayingRpcProxy(fx.anvil.rpcUrl(), "eth_sendRawTransaction", Duration.ofSeconds(3));
    Path journal = tmp.resolve("journal.db");
    Path strategy = writeStrategy(slowRpc.url());

    Process first = launch(strategy, journal, new AtomicInteger());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (journalTxsOrEmpty(journal).size() < ACCOUNTS && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(500); // the batch is at the proxy
    assertThat(first.isAlive()).as("keeper still running with the burst journaled").isTrue();
    first.destroyForcibly(); // SIGKILL on Unix
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137); // 128 + SIGKILL

    List<JournalTx> atKill = journalTxs(journal);
    assertThat(atKill).as("the whole burst journaled before the broadcast").hasSize(ACCOUNTS);
    assertThat(atKill).as("killed before the node answered: none marked broadcast").allMatch(t -> t.status().equals("signed"));

    // Restart on the same journal, through a healthy endpoint, until every account is safe and nothing is open.
    Process second = launch(writeStrategy(fx.anvil.rpcUrl()), journal, new AtomicInteger());
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline
        && (!fx.liquidatableOnChain(accounts).isEmpty() || openIntents(journal) > 0 || pendingTxs(keeper))) {
      assertThat(second.isAlive()).as("restarted keeper still running").isTrue();
      Thread.sleep(200);
    }
    Thread.sleep(1_000); // one more poll settles the last receipts
    second.destroy();
    second.waitFor(10, TimeUnit.SECONDS);

    assertThat(fx.liquidatableOnChain(accounts)).isEmpty();
    List<JournalTx> txs = journalTxs(journal);
    assertThat(txs.size()).as("the restarted keeper finished the burst").isGreaterThanOrEqualTo(atKill.size());
    System.out.printf("crash-recovery: %d txs journaled at the kill, %d in all%n", atKill.size(), txs.size());
    Map<String, JournalTx> byHash = new HashMap<>();
    for (JournalTx t : txs) byHash.put(t.hash(), t);

    // Every transaction the keeper's address sent is in the journal and recorded as included (or reverted).
    List<String> onChain = new ArrayList<>();
    long head = fx.chain.blockNumber();
    for (long b = firstBlock; b <= head; b++) {
      EthBlock.Block block = fx.chain.web3j().ethGetBlockByNumber(
              org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(b)), true).send().getBlock();
      for (EthBlock.TransactionResult<?> r : block.getTransactions()) {
        var tx = (org.web3j.protocol.core.methods.response.Transaction) r.get();
        if (keeper.equals(Address.of(tx.getFrom()))) onChain.add(tx.getHash());
      }
    }
    assertThat(onChain).isNotEmpty();
    for (String h : onChain) {
      assertThat(byHash).as("journal knows %s", h).containsKey(h);
      assertThat(byHash.get(h).status()).isEqualTo("included");
    }
    // No nonce gap: the included nonces are exactly 0..latest-1 and nothing is left pending.
    long latest = fx.chain.latestNonce(keeper).longValueExact();
    assertThat(onChain).hasSize((int) latest);
    assertThat(fx.chain.pendingNonce(keeper).longValueExact()).isEqualTo(latest);
    // No duplicate: one included transaction per intent, and no account liquidated twice in one block.
    Map<Long, Integer> includedPerIntent = new HashMap<>();
    for (JournalTx t : txs) {
      if (t.status().equals("included") && t.intentId() > 0) includedPerIntent.merge(t.intentId(), 1, Integer::sum);
    }
    assertThat(includedPerIntent.values()).allMatch(n -> n == 1);
    assertThat(accountsPerBlockUnique(journal)).isTrue();
    // Every intent is closed; none failed for lack of a transaction.
    assertThat(openIntents(journal)).isZero();
  }

  // ------------------------------------------------------------------ helpers

  private Process launch(Path strategy, Path journal, AtomicInteger submitted) throws IOException {
    Path jar = DevnetFixture.projectDir().resolve("target/keeper.jar");
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-jar", jar.toString(), "run", "--strategy", strategy.toString(), "--dev-account", "1", "--journal",
            journal.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    processes.add(p);
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  if (line.contains("liquidation submitted")) submitted.incrementAndGet();
                }
              } catch (IOException ignored) {
                // the process died
              }
            });
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private Path writeStrategy(String rpc) throws IOException {
    String yaml = fx.vaultStrategyYaml(rpc);
    return Files.writeString(tmp.resolve("strategy-" + System.nanoTime() + ".yaml"), yaml);
  }

  private boolean pendingTxs(Address keeper) {
    return !fx.chain.pendingNonce(keeper).equals(fx.chain.latestNonce(keeper));
  }

  record JournalTx(String hash, long intentId, long nonce, String kind, String status) {}

  private static Connection read(Path journal) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + journal + "?open_mode=1");
  }

  private static List<JournalTx> journalTxs(Path journal) throws SQLException {
    List<JournalTx> out = new ArrayList<>();
    try (Connection c = read(journal);
        ResultSet rs = c.createStatement().executeQuery("SELECT hash, intent_id, nonce, kind, status FROM txs")) {
      while (rs.next()) {
        out.add(new JournalTx(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
      }
    }
    return out;
  }

  /** The journal's transactions, or none while the journal is not created yet. */
  private static List<JournalTx> journalTxsOrEmpty(Path journal) {
    if (!Files.exists(journal)) return List.of();
    try {
      return journalTxs(journal);
    } catch (SQLException e) {
      return List.of(); // schema not written yet
    }
  }

  private static int openIntents(Path journal) throws SQLException {
    try (Connection c = read(journal);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM intents WHERE status = 'open'")) {
      return rs.getInt(1);
    }
  }

  /** No two included liquidations of one account in one block. */
  private static boolean accountsPerBlockUnique(Path journal) throws SQLException {
    String q =
        """
        SELECT i.account, o.block, count(*) FROM outcomes o JOIN txs t ON t.hash = o.hash
        JOIN intents i ON i.id = t.intent_id WHERE o.success = 1 GROUP BY i.account, o.block HAVING count(*) > 1""";
    try (Connection c = read(journal);
        ResultSet rs = c.createStatement().executeQuery(q)) {
      return !rs.next();
    }
  }

}
