package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.config.StrategyLoader;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentStatus;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.risk.Units;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keeper devnet --protocol aave} serves the market at the addresses of the shipped
 * {@code strategies/aave-v3-devnet.yaml}, and {@code keeper run} with that file liquidates every borrower its WETH
 * shock made liquidatable (flash-loan funding through the devnet's FlashLiquidator), with no reverted transaction.
 */
class DevnetCommandIT {
  private static final Path STRATEGY = DevnetFixture.projectDir().resolve("strategies/aave-v3-devnet.yaml");
  private static final int BORROWERS = 12;
  @TempDir Path tmp;

  @Test
  void theShippedAaveDevnetStrategyLiquidatesEveryShockedBorrower() throws Exception {
    System.setProperty("keeper.home", DevnetFixture.projectDir().toString());
    int port = freePort();
    StringWriter devnetOut = new StringWriter();
    StringWriter devnetErr = new StringWriter();
    Thread devnet =
        Thread.ofPlatform().daemon().start(() -> Main.execute(new PrintWriter(devnetOut, true), new PrintWriter(devnetErr, true),
            "devnet", "--protocol", "aave", "--port", Integer.toString(port), "--accounts", Integer.toString(BORROWERS),
            "--block-time-ms", "250", "--shock", "WETH=-10%", "--shock-after-blocks", "4", "--blocks", "400"));
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> devnetOut.toString().contains("keeper: ") || !devnet.isAlive());
      assertThat(devnetOut.toString()).as(devnetErr.toString()).contains("devnet ready");
      output = devnetOut.toString();

      StrategyConfig config = new StrategyLoader().load(STRATEGY);
      StrategyConfig.AaveV3 aave = (StrategyConfig.AaveV3) config.protocol();
      assertThat(printed("PoolAddressesProvider")).isEqualTo(Address.of(aave.addressesProvider()));
      assertThat(printed("FlashLiquidator")).isEqualTo(Address.of(aave.executor()));
      assertThat(printed("Uniswap V2 router")).isEqualTo(Address.of(aave.dexRouter()));
      assertThat(printed("Multicall3")).isEqualTo(Address.of(aave.multicall()));
      assertThat(printed("WETH/USD feed")).isEqualTo(Address.of(config.gas().nativeUsdFeed()));

      String rpc = "http://127.0.0.1:" + port;
      Path journal = tmp.resolve("journal.db");
      await().atMost(Duration.ofSeconds(30)).until(() -> devnetOut.toString().contains("shock applied"));
      try (ChainClient chain = ChainClient.http(rpc, Duration.ofSeconds(30))) {
        Address pool = printed("Pool");
        assertThat(liquidatable(chain, pool)).as("the shock made borrowers liquidatable").isNotEmpty();
        // one head per invocation: each run reconciles the journal, settles what landed, and sends what is due
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
          StringWriter err = new StringWriter();
          int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--strategy",
              STRATEGY.toString(), "--rpc", rpc, "--dev-account", "1", "--journal", journal.toString(), "--once");
          assertThat(code).as(err.toString()).isZero();
          return liquidatable(chain, pool).isEmpty();
        });
        // one more head: the run that sent the last liquidations settles them from their receipts
        StringWriter err = new StringWriter();
        assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "--strategy",
            STRATEGY.toString(), "--rpc", rpc, "--dev-account", "1", "--journal", journal.toString(), "--once"))
            .as(err.toString()).isZero();
      }
      try (Journal j = Journal.openExisting(journal)) {
        var rows = j.historyRows();
        assertThat(rows).anyMatch(r -> r.intentStatus().equals(java.util.Optional.of(IntentStatus.WON)));
        assertThat(rows).noneMatch(r -> r.intentStatus().equals(java.util.Optional.of(IntentStatus.OPEN)));
        assertThat(rows).noneMatch(r -> r.intentStatus().equals(java.util.Optional.of(IntentStatus.LOST)));
      }
    } finally {
      devnet.interrupt();
      devnet.join(10_000);
    }
  }

  private List<Address> liquidatable(ChainClient chain, Address poolAddress) {
    Pool pool = Wrappers.at(poolAddress, Pool::load);
    List<Address> out = new ArrayList<>();
    long head = chain.blockNumber();
    for (int i = 0; i < BORROWERS; i++) {
      Address b = io.collateralkeeper.devnet.aave.AaveDevnet.borrower(i);
      String hex = chain.call(new CallRequest(poolAddress, pool.getUserAccountData(b.hex()).encodeFunctionCall()), head).substring(2);
      BigInteger hf = new BigInteger(hex.substring(64 * 5, 64 * 6), 16);
      if (hf.compareTo(Units.WAD) < 0) out.add(b);
    }
    return out;
  }

  private String output = "";

  /** The address the devnet printed on the line starting with {@code label}. */
  private Address printed(String label) {
    Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +(0x[0-9a-fA-F]{40})").matcher(output);
    assertThat(m.find()).as("'" + label + "' in:\n" + output).isTrue();
    return Address.of(m.group(1));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
