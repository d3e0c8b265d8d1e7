package io.collateralkeeper.protect;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.daemon.KeeperAssembly;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeePolicy;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.oracle.RoundHistory;
import io.collateralkeeper.protocol.ProtectionAdapter;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.AssetLimits;
import io.collateralkeeper.strategy.protect.AutoSettings;
import io.collateralkeeper.wallet.Signer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds protect mode from a strategy: the adapter, the resolved settings (token limits in token units), the daemon. */
public final class ProtectAssembly {
  private static final long ALERT_REPEAT_BLOCKS = 50;

  private ProtectAssembly() {}

  /**
   * The daemon. The caller has verified the chain id and owns (closes) the journal.
   *
   * @throws KeeperException when the strategy has no protect section, or an account cannot be protected by this wallet
   */
  public static ProtectDaemon assemble(
      ChainClient chain, StrategyConfig config, Signer signer, Journal journal, AlertSink alerts, ProtectListener listener) {
    Parts p = parts(chain, config, Address.of(signer.address()));
    return new ProtectDaemon(chain, p.adapter(), journal, signer, p.settings(), p.assessor(), p.walletReader(), alerts, listener);
  }

  /**
   * The read-only explainer behind {@code keeper protect --explain}.
   *
   * @param journal the journal to read today's spending from, if one exists
   */
  public static ProtectExplainer explainer(ChainClient chain, StrategyConfig config, Address wallet, Optional<Journal> journal) {
    Parts p = parts(chain, config, wallet);
    SpendLedger ledger = new SpendLedger(journal, java.time.Clock.systemUTC(), p.settings().chainId(),
        IntentAction.protocol(p.adapter().name()));
    return new ProtectExplainer(chain, p.adapter(), p.settings(), p.assessor(), p.walletReader(), ledger, wallet);
  }

  private record Parts(
      ProtectionAdapter adapter, ProtectSettings settings, AccountAssessor assessor, WalletReader walletReader) {}

  private static Parts parts(ChainClient chain, StrategyConfig config, Address wallet) {
    if (config.protect() == null) {
      throw new KeeperException("the strategy has no 'protect' section: add one (see README, Protect mode)");
    }
    ProtectionAdapter adapter = (ProtectionAdapter) KeeperAssembly.adapter(chain, config, wallet);
    Multicall multicall = new Multicall(chain,
        config.protocol().multicall() == null ? Multicall.CANONICAL : Address.of(config.protocol().multicall()), 250);
    ProtectSettings settings = settings(chain, config, wallet);
    AccountAssessor assessor = new AccountAssessor(adapter, settings, new RoundHistory(multicall), wallet);
    return new Parts(adapter, settings, assessor, new WalletReader(chain, multicall));
  }

  static ProtectSettings settings(ChainClient chain, StrategyConfig config, Address wallet) {
    StrategyConfig.Protect p = config.protect();
    boolean vault = config.protocol() instanceof StrategyConfig.ReferenceVault;
    List<ProtectedAccount> accounts = new ArrayList<>();
    for (int i = 0; i < p.accounts().size(); i++) {
      StrategyConfig.ProtectAccount a = p.accounts().get(i);
      Address address = Address.of(a.address());
      if (vault && !address.equals(wallet)) {
        throw new KeeperException("protect.accounts[" + i + "]: the reference vault only lets an account deposit to and"
            + " trade on itself: " + address + " is not the wallet's address " + wallet);
      }
      if (a.max() != null && !address.equals(wallet)) {
        throw new KeeperException("protect.accounts[" + i + "].max: only the account itself can withdraw surplus, and "
            + address + " is not the wallet's address " + wallet);
      }
      accounts.add(new ProtectedAccount(address, Units.toWad(a.min()),
          a.autoTarget() ? Optional.empty() : Optional.of(Units.toWad(new BigDecimal(a.target().trim()))),
          Optional.ofNullable(a.max()).map(Units::toWad)));
    }
    List<ActionKind> order = new ArrayList<>();
    List<String> names = p.actions() != null ? p.actions() : List.of("top-up", vault ? "reduce" : "repay");
    for (String n : names) order.add(ActionKind.fromKey(n).orElseThrow());
    StrategyConfig.Gas g = config.gas();
    BigDecimal capGwei = p.maxGasPriceGwei() == null ? g.maxFeeGwei() : p.maxGasPriceGwei().min(g.maxFeeGwei());
    BigInteger tip = g.minPriorityFeeGwei() == null ? BigInteger.ZERO : gwei(g.minPriorityFeeGwei());
    FeePolicy fees = new FeePolicy(gwei(capGwei), tip.min(gwei(capGwei)));
    return new ProtectSettings(
        config.chain().chainId(),
        accounts,
        order,
        assets(chain, p.assets() == null ? List.of() : p.assets()),
        auto(p.auto()),
        p.minNativeBalance() == null ? BigInteger.ZERO : Units.toWad(p.minNativeBalance()),
        fees,
        g.replaceAfterBlocks() == null ? 3 : g.replaceAfterBlocks(),
        g.gasLimitBufferBps() == null ? 2500 : g.gasLimitBufferBps(),
        Address.of(g.nativeUsdFeed()),
        Duration.ofMillis(config.chain().pollIntervalMs() == null ? 500 : config.chain().pollIntervalMs()),
        ALERT_REPEAT_BLOCKS);
  }

  /** Reads each token's symbol and decimals and turns its whole-token limits into token units. */
  private static List<AssetLimits> assets(ChainClient chain, List<StrategyConfig.ProtectAsset> assets) {
    List<AssetLimits> out = new ArrayList<>();
    long block = chain.blockNumber();
    for (int i = 0; i < assets.size(); i++) {
      StrategyConfig.ProtectAsset a = assets.get(i);
      Address token = Address.of(a.token());
      IERC20Detailed erc20 = Wrappers.at(token, IERC20Detailed::load);
      int decimals;
      String symbol;
      try {
        decimals = ((BigInteger) Wrappers.read(chain, token, erc20.decimals(), block).get(0).getValue()).intValueExact();
        symbol = (String) Wrappers.read(chain, token, erc20.symbol(), block).get(0).getValue();
      } catch (RuntimeException e) { // RpcException, CallRevertedException, or malformed return data
        throw new KeeperException("protect.assets[" + i + "].token: " + token + " is not an ERC-20 token on this chain ("
            + e.getMessage() + ")");
      }
      String key = "protect.assets[" + i + "]";
      out.add(new AssetLimits(token, symbol, decimals,
          Optional.ofNullable(a.maxPerAction()).map(v -> units(v, decimals, key + ".max-per-action")),
          Optional.ofNullable(a.maxPerDay()).map(v -> units(v, decimals, key + ".max-per-day")),
          a.minWalletBalance() == null ? BigInteger.ZERO : units(a.minWalletBalance(), decimals, key + ".min-wallet-balance")));
    }
    return out;
  }

  private static AutoSettings auto(StrategyConfig.Auto a) {
    StrategyConfig.Auto x = a == null ? new StrategyConfig.Auto(null, null, null, null, null, null) : a;
    return new AutoSettings(
        (x.horizonMinutes() == null ? 60 : x.horizonMinutes()) * 60,
        x.confidence() == null ? 0.99 : x.confidence().doubleValue(),
        x.floor() == null ? Units.WAD : Units.toWad(x.floor()),
        x.rounds() == null ? 200 : x.rounds().intValue(),
        x.ewmaLambda() == null ? 0.94 : x.ewmaLambda().doubleValue(),
        "es".equals(x.measure()));
  }

  private static BigInteger units(BigDecimal whole, int decimals, String key) {
    try {
      return whole.movePointRight(decimals).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new KeeperException(key + ": " + whole.toPlainString() + " has more decimals than the token's " + decimals);
    }
  }

  private static BigInteger gwei(BigDecimal gwei) {
    return gwei.movePointRight(9).toBigIntegerExact();
  }
}
