package io.collateralkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.devnet.SeedAccount;
import io.collateralkeeper.devnet.VaultDeployment;
import io.collateralkeeper.devnet.VaultSeeder;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.vault.VaultAbi;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.wallet.WalletLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keeper protect} with the shipped devnet strategy on a real Anvil chain: {@code --explain} reports health,
 * band, VaR/ES and the action without sending anything, and {@code --once} then sends exactly the action explained.
 */
class ProtectCommandIT {
  private static final Path STRATEGY = DevnetFixture.projectDir().resolve("strategies/protect-devnet-vault.yaml");
  private static final Address WALLET = Address.of(WalletLoader.devAccount(2, 31337).address());

  private DevnetFixture fx;
  private VaultDeployment d;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    fx = DevnetFixture.start();
    d = fx.deployment;
    // 10 ETH long at $3,000 with 7,653.1 USDC: equity $7,500 over maintenance $1,500, health 5
    new VaultSeeder(fx.devnet, d, Address.of(fx.deployer.getAddress())).open(List.of(new SeedAccount(WALLET,
        List.of(BigInteger.valueOf(7_653_100_000L), BigInteger.ZERO, BigInteger.ZERO),
        List.of(Units.WAD.multiply(BigInteger.TEN), BigInteger.ZERO))));
    String mint = Wrappers.at(d.usdc(), TestToken::load).mint(WALLET.hex(), BigInteger.valueOf(10_000_000_000L)).encodeFunctionCall();
    fx.devnet.sendAll(List.of(new DevnetControl.DevTx(Address.of(fx.deployer.getAddress()), d.usdc(), mint, 200_000)), 1);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void shippedStrategyMatchesTheDevnetDeployment() {
    assertThat(d.vault().hex()).isEqualTo("0xa513e6e4b8f2a923d98304ec87f64353c4d5c853");
    assertThat(d.usdc().hex()).isEqualTo("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
    assertThat(d.ethFeed().hex()).isEqualTo("0x5fc8d32690cc91d4c39d9d3abcbd16989f875707");
  }

  @Test
  void explainShowsHealthBandAndTheActionThenOnceSendsExactlyThatAction() throws Exception {
    // -5%: equity $6,000 over maintenance $1,425 = health 4.2105; the band is 4.5 / 5.0
    fx.setPrices(DevnetFixture.ETH_START.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)), DevnetFixture.BTC_START);
    BigInteger healthBefore = health();
    BigInteger nonceBefore = fx.chain.pendingNonce(WALLET);
    Path journal = tmp.resolve("protect.db");

    Result explain = run("protect", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "2",
        "--journal", journal.toString(), "--explain");

    assertThat(explain.code).as(explain.err).isZero();
    String out = explain.out;
    assertThat(out).contains("account " + WALLET.hex())
        .contains("health    " + Units.formatHealth(healthBefore))
        .contains("band      min 4.5000  target 5.0000  max 8.0000")
        .contains("limits USDC: per action 20000, per day 50000 (spent today 0), keep 100")
        .contains("spendable 9900 USDC (limited by wallet balance above min-wallet-balance)");
    Matcher m = Pattern.compile("action    top-up ([0-9.]+) USDC: health ([0-9.]+) -> ([0-9.]+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    BigInteger amount = new BigDecimal(m.group(1)).movePointRight(6).toBigIntegerExact();
    assertThat(m.group(2)).isEqualTo(Units.formatHealth(healthBefore));
    assertThat(new BigDecimal(m.group(3))).isBetween(new BigDecimal("5.0000"), new BigDecimal("5.0001"));
    // nothing was sent and no journal was written
    assertThat(fx.chain.pendingNonce(WALLET)).isEqualTo(nonceBefore);
    assertThat(journal).doesNotExist();

    BigInteger walletBefore = usdc(WALLET);
    Result once = run("protect", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "2",
        "--journal", journal.toString(), "--once");

    assertThat(once.code).as(once.err).isZero();
    assertThat(walletBefore.subtract(usdc(WALLET))).isEqualTo(amount); // automine: mined at once
    assertThat(health()).isBetween(Units.WAD.multiply(BigInteger.valueOf(5)), new BigInteger("5000100000000000000"));
  }

  @Test
  void explainWithAnAutoTargetPrintsVolatilityVarAndExpectedShortfall() throws Exception {
    publishHourlyHistory();
    Path auto = tmp.resolve("auto.yaml");
    Files.writeString(auto, Files.readString(STRATEGY).replace("target: 5.0 ", "target: auto").replace("max: 8.0 ", "max: 50"));

    Result r = run("protect", "--strategy", auto.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "2", "--explain");

    assertThat(r.code).as(r.err).isZero();
    String out = r.out;
    assertThat(out).contains("auto      horizon 60 min, confidence 99.00%, floor 1.0000, covers VaR, EWMA lambda 0.94")
        .contains("feed      " + d.ethFeed().hex() + " exposure +")
        .contains("corr      ");
    Matcher risk = Pattern.compile("risk      sigma ([0-9.]+) USD, VaR ([0-9.]+) USD, ES ([0-9.]+) USD, denominator ([0-9.]+) USD -> target ([0-9.]+)")
        .matcher(out);
    assertThat(risk.find()).as(out).isTrue();
    double sigma = Double.parseDouble(risk.group(1));
    double var = Double.parseDouble(risk.group(2));
    double es = Double.parseDouble(risk.group(3));
    assertThat(var).isCloseTo(2.3263 * sigma, org.assertj.core.api.Assertions.within(0.001 * var));
    assertThat(es).isGreaterThan(var);
    assertThat(new BigDecimal(risk.group(4))).isEqualByComparingTo("1500.00");
    BigDecimal target = new BigDecimal(risk.group(5));
    // target = 1 + VaR / 1,500 (maintenance); with ~10% hourly moves on 10 ETH it is above min 4.5, so the band uses it
    assertThat(target.doubleValue()).isCloseTo(1 + var / 1500, org.assertj.core.api.Assertions.within(1e-3));
    assertThat(target).isGreaterThan(new BigDecimal("4.5"));
    assertThat(out).contains("band      min 4.5000  target " + target.setScale(4, java.math.RoundingMode.HALF_UP) + " (auto)");
    // health 5 is above min: nothing to do yet
    assertThat(out).contains("action    hold: health 5.0");
  }

  @Test
  void aStrategyWithoutAProtectSectionIsAUserError() {
    Result r = run("protect", "--strategy", DevnetFixture.projectDir().resolve("strategies/devnet-vault.yaml").toString(),
        "--rpc", fx.anvil.rpcUrl(), "--dev-account", "2", "--explain");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).startsWith("error: ").contains("no 'protect' section");
  }

  @Test
  void aVaultAccountThatIsNotTheWalletIsAUserError() {
    Result r = run("protect", "--strategy", STRATEGY.toString(), "--rpc", fx.anvil.rpcUrl(), "--dev-account", "3", "--explain");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).startsWith("error: ").contains("only lets an account deposit to and trade on itself");
    assertThat(r.err.strip().lines().count()).isEqualTo(1);
  }

  /**
   * 48 hourly ETH rounds alternating +10% / -10% (an hourly volatility of about 10%: a crash market), ending at the
   * current price now; the vault only checks the latest round's age.
   */
  private void publishHourlyHistory() {
    long now = fx.chain.latestBlock().getTimestamp().longValueExact();
    List<BigInteger> prices = new ArrayList<>();
    BigInteger p = DevnetFixture.ETH_START;
    for (int i = 0; i < 48; i++) {
      prices.add(0, p);
      p = i % 2 == 0 ? p.multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100)) : p.multiply(BigInteger.valueOf(90)).divide(BigInteger.valueOf(100));
    }
    Address owner = Address.of(fx.deployer.getAddress());
    List<DevnetControl.DevTx> txs = new ArrayList<>();
    for (int i = 0; i < prices.size(); i++) {
      long at = now - 3_600L * (prices.size() - 1 - i);
      String data = Wrappers.at(d.ethFeed(), MockAggregator::load).setAnswerAt(prices.get(i), BigInteger.valueOf(at)).encodeFunctionCall();
      txs.add(new DevnetControl.DevTx(owner, d.ethFeed(), data, 200_000));
    }
    fx.devnet.sendAll(txs, 100);
  }

  private BigInteger health() {
    VaultAbi abi = new VaultAbi(d.vault());
    return abi.decodeUint(fx.chain.call(new CallRequest(d.vault(), abi.healthFactor(WALLET)), fx.chain.blockNumber()));
  }

  private BigInteger usdc(Address owner) {
    TestToken t = Wrappers.at(d.usdc(), TestToken::load);
    return (BigInteger) Wrappers.read(fx.chain, d.usdc(), t.balanceOf(owner.hex()), fx.chain.blockNumber()).get(0).getValue();
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
