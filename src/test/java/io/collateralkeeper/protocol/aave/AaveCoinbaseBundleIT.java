package io.collateralkeeper.protocol.aave;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.FlashLiquidator;
import io.collateralkeeper.daemon.Attempt;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.daemon.KeeperDaemon;
import io.collateralkeeper.daemon.KeeperListener;
import io.collateralkeeper.devnet.AnvilBinary;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilProcess;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.aave.AaveDevnet;
import io.collateralkeeper.devnet.relay.DevnetBundleRelay;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The bundle route with {@code route.payment: coinbase} on the real Aave V3 devnet: the keeper's liquidations go as
 * bundles through the devnet relay, each paying the builder from the FlashLiquidator's ether after its profit check
 * (the Liquidated event's coinbaseWei), with only the floor as priority fee; none reverts.
 */
class AaveCoinbaseBundleIT {
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETH = BigInteger.TEN.pow(18);
  @TempDir Path tmp;

  @Test
  void liquidatesThroughBundlesPayingTheCoinbaseFromTheExecutor() throws Exception {
    Signer keeper = WalletLoader.devAccount(1, 31337);
    try (AnvilProcess anvil = AnvilProcess.start(AnvilBinary.locate(DevnetFixture.projectDir()),
            AnvilOptions.devnet().withGasLimit(1_000_000_000L));
        ChainClient chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30));
        Journal journal = Journal.open(tmp.resolve("journal.db"))) {
      DevnetControl devnet = new DevnetControl(chain);
      AaveDevnet d = AaveDevnet.deploy(chain, DevnetFixture.projectDir(), keeper, 12);
      devnet.setBalances(List.of(d.executor()), ETH.multiply(BigInteger.TEN));
      try (DevnetBundleRelay relay = DevnetBundleRelay.start(chain, DevnetBundleRelay.Mode.BUILD_ON_ARRIVAL)) {
        StrategyConfig config = new StrategyConfig(
            new StrategyConfig.Chain(List.of(anvil.rpcUrl()), 31337L, 20L, 30_000L),
            new StrategyConfig.AaveV3(d.aave().provider().hex(), d.multicall().hex(), d.aave().startBlock(), 5_000L,
                "flash-loan", d.executor().hex(), null, d.dex().router().hex(), null),
            null,
            new StrategyConfig.Liquidation(new BigDecimal("1"), null),
            StrategyConfig.Gas.basic(new BigDecimal("200"), new BigDecimal("1"), d.aave().reserve("WETH").feed().hex()),
            new StrategyConfig.Route("bundle", List.of(relay.url()), null, null, 5L, "coinbase"),
            null);
        KeeperDaemon daemon = KeeperAssembly.assemble(chain, config, keeper, journal, KeeperListener.NONE);
        daemon.processHead(chain.blockNumber());
        d.aave().setPrice(devnet, "WETH", BigInteger.valueOf(2_700_00000000L)); // -10%
        for (int i = 0; i < 20; i++) {
          var r = daemon.processHead(chain.blockNumber());
          if (r.liquidatable().isEmpty() && daemon.attempts().stream().allMatch(Attempt::included)) break;
        }

        List<Attempt> attempts = daemon.attempts();
        assertThat(attempts).isNotEmpty().allMatch(Attempt::included).noneMatch(Attempt::reverted);
        String liquidated = EventEncoder.encode(FlashLiquidator.LIQUIDATED_EVENT);
        BigInteger paid = BigInteger.ZERO;
        for (Attempt a : attempts) {
          TransactionReceipt receipt = chain.receipt(a.tx().hash()).orElseThrow();
          var tx = chain.web3j().ethGetTransactionByHash(a.tx().hash()).send().getTransaction().orElseThrow();
          assertThat(tx.getMaxPriorityFeePerGas()).as("only the floor as tip").isEqualTo(GWEI);
          Log log = receipt.getLogs().stream().filter(l -> l.getTopics().get(0).equals(liquidated)).findFirst().orElseThrow();
          BigInteger coinbaseWei = FlashLiquidator.getLiquidatedEventFromLog(log).coinbaseWei;
          assertThat(coinbaseWei).isPositive();
          paid = paid.add(coinbaseWei);
        }
        assertThat(chain.balance(d.executor())).isEqualTo(ETH.multiply(BigInteger.TEN).subtract(paid));
      }
    }
  }
}
