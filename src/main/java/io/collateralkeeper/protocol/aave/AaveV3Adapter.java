package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.FlashLiquidator;
import io.collateralkeeper.contracts.aave.AaveOracle;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.dex.SwapQuote;
import io.collateralkeeper.dex.UniswapV2Quoter;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.PriceSource;
import io.collateralkeeper.protocol.AccountHealth;
import io.collateralkeeper.protocol.CoinbasePayment;
import io.collateralkeeper.protocol.Decision;
import io.collateralkeeper.protocol.PriceSnapshot;
import io.collateralkeeper.protocol.ProtectRequest;
import io.collateralkeeper.protocol.ProtectionAdapter;
import io.collateralkeeper.protocol.ProtocolAdapter;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.fast.AaveHealthBook;
import io.collateralkeeper.strategy.aave.AaveLiquidationOption;
import io.collateralkeeper.strategy.aave.AaveLiquidationPlanner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@link ProtocolAdapter} for an Aave V3 market (v3.0.x Pool): accounts come from the Pool's position events
 * ({@link AavePoolEvents}); state is read with {@link AaveReader}; health is {@link AaveMath} (equal to {@code
 * Pool.getUserAccountData} to the wei); liquidations are sized by {@link AaveLiquidationPlanner} over every
 * (collateral, debt) pair and three sizes, priced by selling the seized collateral on a Uniswap V2 router, and funded
 * either from the keeper's inventory ({@code Pool.liquidationCall} from the keeper's wallet) or by our {@code
 * FlashLiquidator} executor ({@code flashLoanSimple} → {@code liquidationCall} → swap → repay, reverting below a
 * minimum profit). As a {@link ProtectionAdapter} it sizes supplies, repayments and withdrawals for protect mode with
 * the same math ({@link AaveProtection}).
 */
public final class AaveV3Adapter implements ProtectionAdapter {
  private static final String LIQUIDATED = EventEncoder.encode(FlashLiquidator.LIQUIDATED_EVENT);

  /**
   * How liquidations are funded.
   *
   * @param executor the FlashLiquidator, or null for inventory funding
   * @param receiveAToken inventory funding: take aTokens instead of the underlying
   */
  public record Funding(Address executor, boolean receiveAToken) {
    public boolean flashLoan() {
      return executor != null;
    }
  }

  private final ChainClient chain;
  private final Multicall multicall;
  private final AaveReader reader;
  private final AaveContracts contracts;
  private final UniswapV2Quoter quoter;
  private final Funding funding;
  private final Address keeper;
  private final AaveLiquidationPlanner planner;
  private final AaveProtection protection;
  private final Map<Address, AavePosition> positions = new LinkedHashMap<>();
  /**
   * Health of every user, exact: re-evaluated where a user was re-read, a price they use moved or an index of a
   * reserve they use accrued.
   */
  private final AaveHealthBook book = new AaveHealthBook();
  private final Map<Address, BigInteger> inventory = new HashMap<>();
  private AaveMarket market;
  private long block;
  private long sourcesBlock = -1;
  private List<PriceSource> sources = List.of();

  /**
   * @param quoter prices the sale of seized collateral; null when only protect mode uses the adapter (no liquidation)
   * @param keeper the keeper's sending address (inventory balances, and the liquidator in receipts)
   * @throws io.collateralkeeper.chain.RpcException when the provider or Pool cannot be read
   */
  public AaveV3Adapter(
      ChainClient chain, Multicall multicall, Address addressesProvider, UniswapV2Quoter quoter, Funding funding,
      Address keeper) {
    this.chain = chain;
    this.multicall = multicall;
    this.reader = new AaveReader(chain, multicall, addressesProvider);
    long head = chain.blockNumber();
    this.contracts = reader.contracts(head);
    this.quoter = quoter;
    this.funding = funding;
    this.keeper = keeper;
    long premium = 0;
    if (funding.flashLoan()) {
      Pool pool = Wrappers.at(contracts.pool(), Pool::load);
      String data = chain.call(new CallRequest(contracts.pool(), pool.FLASHLOAN_PREMIUM_TOTAL().encodeFunctionCall()), head);
      premium = AaveAbi.decodeUint(data).longValueExact();
    }
    this.planner = new AaveLiquidationPlanner(!funding.flashLoan() && funding.receiveAToken(), premium);
    this.protection = new AaveProtection(chain, contracts);
  }

  @Override
  public String name() {
    return "aave-v3";
  }

  /** The market's contracts. */
  public AaveContracts contracts() {
    return contracts;
  }

  @Override
  public List<Address> eventSources() {
    return List.of(contracts.pool());
  }

  @Override
  public Set<Address> accountsIn(List<Log> logs) {
    return AavePoolEvents.usersIn(logs, contracts.pool());
  }

  /**
   * 300 blocks: an aToken transfer between users moves the sender's scaled balance without a Pool event naming the
   * sender (only the aToken's {@code BalanceTransfer}), so every user is re-read now and then.
   */
  @Override
  public long defaultFullRefreshBlocks() {
    return 300;
  }

  @Override
  public void refresh(long block, long blockTimestamp, Collection<Address> accounts) {
    AaveSnapshot s = reader.read(contracts, List.copyOf(accounts), block, blockTimestamp);
    positions.putAll(s.positions());
    // users read at earlier heads may be in e-mode categories no reserve names and no user read now is in
    this.market = reader.withEModesOf(contracts, s.market(), positions.values(), block);
    this.block = block;
    s.positions().values().forEach(book::put);
    book.setMarket(market);
    book.evaluate();
    if (!funding.flashLoan()) readInventory(block);
  }

  @Override
  public List<AccountHealth> evaluate() {
    List<AccountHealth> out = new ArrayList<>(positions.size());
    for (AavePosition p : positions.values()) out.add(new AccountHealth(p.user(), book.healthFactor(p.user())));
    return out;
  }

  /** The book's liquidatable users (only users whose inputs changed since the last refresh were evaluated again). */
  @Override
  public List<Address> liquidatable() {
    return book.liquidatable();
  }

  @Override
  public void forget(Collection<Address> gone) {
    for (Address a : gone) {
      positions.remove(a);
      book.remove(a);
    }
  }

  @Override
  public Decision planLiquidation(Address account, BigInteger minRevenueUsdWad) {
    AavePosition p = positions.get(account);
    if (p == null) return Decision.skip(account, "unknown account");
    if (quoter == null) return Decision.skip(account, "no DEX router configured (protocol.dex-router)");
    List<AaveLiquidationOption> options = planner.options(p, market);
    if (options.isEmpty()) return Decision.skip(account, "not liquidatable");
    List<UniswapV2Quoter.Request> sales = new ArrayList<>();
    for (AaveLiquidationOption o : options) {
      sales.add(new UniswapV2Quoter.Request(o.collateralAsset(), o.debtAsset(), o.outcome().collateralToLiquidator()));
    }
    List<Optional<SwapQuote>> quotes = quoter.quote(sales, block);
    List<Optional<BigInteger>> proceeds = quotes.stream().map(q -> q.map(SwapQuote::amountOut)).toList();
    Optional<AaveLiquidationPlanner.Chosen> best = planner.best(market, options, proceeds);
    if (best.isEmpty()) return Decision.skip(account, "no DEX path to sell the seized collateral");
    AaveLiquidationPlanner.Chosen c = best.get();
    AaveLiquidationOption o = c.option();
    if (c.profitUsdWad().compareTo(minRevenueUsdWad) < 0) {
      return Decision.skip(
          account,
          "unprofitable: best liquidation earns $" + Units.formatWad(c.profitUsdWad(), 4) + " after the DEX sale, $"
              + Units.formatWad(minRevenueUsdWad, 4) + " needed");
    }
    TxCall call;
    Optional<CoinbasePayment> coinbase = Optional.empty();
    if (funding.flashLoan()) {
      BigInteger minProfit = AaveLiquidationPlanner.fromUsdWad(market, o.debtAsset(), minRevenueUsdWad).max(BigInteger.ONE);
      List<String> path = quotes.get(c.index()).orElseThrow().path().stream().map(Address::hex).toList();
      FlashLiquidator.Liquidation l =
          new FlashLiquidator.Liquidation(
              o.collateralAsset().hex(), o.debtAsset().hex(), account.hex(), o.debtToCover(),
              o.collateralAsset().equals(o.debtAsset()) ? List.of() : path, minProfit, BigInteger.ZERO);
      call = TxCall.of(funding.executor(), Wrappers.at(funding.executor(), FlashLiquidator::load).liquidate(l).encodeFunctionCall());
      coinbase = Optional.of(wei -> TxCall.of(funding.executor(), Wrappers.at(funding.executor(), FlashLiquidator::load)
          .liquidate(new FlashLiquidator.Liquidation(l.collateralAsset, l.debtAsset, l.user, l.debtToCover, l.swapPath,
              l.minProfit, wei))
          .encodeFunctionCall()));
    } else {
      BigInteger held = inventory.getOrDefault(o.debtAsset(), BigInteger.ZERO);
      if (held.compareTo(o.debtToCover()) < 0) {
        return Decision.skip(
            account, "inventory: the wallet holds " + held + " of " + o.debtAsset() + ", the liquidation needs " + o.debtToCover());
      }
      Pool pool = Wrappers.at(contracts.pool(), Pool::load);
      call = TxCall.of(contracts.pool(), pool.liquidationCall(o.collateralAsset().hex(), o.debtAsset().hex(), account.hex(),
          o.debtToCover(), funding.receiveAToken()).encodeFunctionCall());
    }
    String summary =
        "repay %s of %s, seize %s of %s, health %s, profit after sale $%s"
            .formatted(o.outcome().debtRepaid(), shortAddress(o.debtAsset()), o.outcome().collateralToLiquidator(),
                shortAddress(o.collateralAsset()), Units.formatHealth(o.outcome().healthFactor()),
                Units.formatWad(c.profitUsdWad(), 2));
    return new Decision.Act(account, call, c.profitUsdWad(), summary, coinbase);
  }

  /**
   * Flash-loan funding: the executor's {@code Liquidated.profit} (debt asset) at the oracle price. Inventory: for each
   * Pool {@code LiquidationCall} whose liquidator is the keeper, collateral received minus debt repaid, both at the
   * oracle price (the seized collateral stays in the wallet unsold).
   */
  @Override
  public BigInteger revenueIn(List<Log> receiptLogs, Address keeper) {
    BigInteger total = BigInteger.ZERO;
    for (Log log : receiptLogs) {
      if (log.getTopics() == null || log.getTopics().isEmpty()) continue;
      Address from = Address.of(log.getAddress());
      if (funding.flashLoan() && from.equals(funding.executor()) && LIQUIDATED.equals(log.getTopics().get(0))) {
        var e = FlashLiquidator.getLiquidatedEventFromLog(log);
        total = total.add(AaveLiquidationPlanner.usdWad(market, Address.of(e.debtAsset), e.profit));
      } else if (!funding.flashLoan() && from.equals(contracts.pool())
          && AavePoolEvents.LIQUIDATION_CALL_TOPIC.equals(log.getTopics().get(0))) {
        var e = Pool.getLiquidationCallEventFromLog(log);
        if (!keeper.equals(Address.of(e.liquidator))) continue;
        total = total
            .add(AaveLiquidationPlanner.usdWad(market, Address.of(e.collateralAsset), e.liquidatedCollateralAmount))
            .subtract(AaveLiquidationPlanner.usdWad(market, Address.of(e.debtAsset), e.debtToCover));
      }
    }
    return total;
  }

  /** The executor's {@code Liquidated.coinbaseWei} (flash-loan funding). */
  @Override
  public BigInteger coinbasePaidWei(List<Log> receiptLogs) {
    BigInteger paid = BigInteger.ZERO;
    if (!funding.flashLoan()) return paid;
    for (Log log : receiptLogs) {
      if (log.getTopics() == null || log.getTopics().isEmpty()) continue;
      if (Address.of(log.getAddress()).equals(funding.executor()) && LIQUIDATED.equals(log.getTopics().get(0))) {
        paid = paid.add(FlashLiquidator.getLiquidatedEventFromLog(log).coinbaseWei);
      }
    }
    return paid;
  }

  @Override
  public Set<Address> accounts() {
    return positions.keySet();
  }

  /** Inventory funding: {@code approve(Pool, max)} for every reserve asset the Pool may not pull from the keeper yet. */
  @Override
  public List<TxCall> preparation(Address keeper, long block) {
    if (funding.flashLoan()) return List.of();
    AaveMarket m = market != null ? market : reader.readMarket(contracts, block);
    List<Address> assets = m.reserves().values().stream().map(AaveReserve::asset).toList();
    List<CallRequest> calls = new ArrayList<>();
    for (Address a : assets) {
      calls.add(new CallRequest(a, erc20(a).allowance(keeper.hex(), contracts.pool().hex()).encodeFunctionCall()));
    }
    List<CallResult> r = multicall.aggregate(calls, block);
    List<TxCall> approvals = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      BigInteger allowance = r.get(i).success() ? AaveAbi.decodeUint(r.get(i).returnData()) : BigInteger.ZERO;
      if (allowance.compareTo(Units.MAX_UINT256.shiftRight(1)) < 0) {
        approvals.add(TxCall.of(assets.get(i), erc20(assets.get(i)).approve(contracts.pool().hex(), Units.MAX_UINT256).encodeFunctionCall()));
      }
    }
    return approvals;
  }

  /**
   * Every reserve asset and e-mode price source with its feed, {@code AaveOracle.getSourceOfAsset}, read at the last
   * refreshed block (once per block, through Multicall3). A source of {@link Address#ZERO} means the oracle's
   * fallback prices the asset.
   */
  @Override
  public List<PriceSource> priceSources() {
    if (market == null) return List.of();
    if (sourcesBlock == block) return sources;
    Set<Address> assets = new java.util.TreeSet<>();
    market.reserves().values().forEach(r -> assets.add(r.asset()));
    market.eModes().values().stream().filter(e -> e.hasPriceSource()).forEach(e -> assets.add(e.priceSource()));
    List<Address> list = new ArrayList<>(assets);
    AaveOracle oracle = Wrappers.at(contracts.oracle(), AaveOracle::load);
    List<CallRequest> calls = new ArrayList<>();
    for (Address a : list) calls.add(new CallRequest(contracts.oracle(), oracle.getSourceOfAsset(a.hex()).encodeFunctionCall()));
    List<CallResult> r = multicall.aggregate(calls, block);
    List<PriceSource> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Address feed = r.get(i).success() ? AaveAbi.decodeAddress(r.get(i).returnData()) : Address.ZERO;
      out.add(new PriceSource(list.get(i), feed));
    }
    sources = List.copyOf(out);
    sourcesBlock = block;
    return sources;
  }

  /** The reserves the account supplies as collateral or borrows, and its e-mode category's price source. */
  @Override
  public Set<Address> pricedAssetsOf(Address account) {
    AavePosition p = positions.get(account);
    if (p == null || market == null) return Set.of();
    Set<Address> out = new java.util.LinkedHashSet<>();
    for (AaveReserve r : market.reserves().values()) {
      if (p.config().isUsingAsCollateralOrBorrowing(r.id())) out.add(r.asset());
    }
    if (p.eModeCategory() != 0 && market.eModes().containsKey(p.eModeCategory())) {
      var e = market.eMode(p.eModeCategory());
      if (e.hasPriceSource()) out.add(e.priceSource());
    }
    return out;
  }

  /** Users of the Pool's {@code LiquidationCall} events whose liquidator is neither the keeper nor its executor. */
  @Override
  public Set<Address> liquidatedByOthers(List<Log> logs, Address keeper) {
    Set<Address> out = new java.util.LinkedHashSet<>();
    for (Log log : logs) {
      if (log.getTopics() == null || log.getTopics().isEmpty() || log.isRemoved()) continue;
      if (!contracts.pool().equals(Address.of(log.getAddress()))) continue;
      if (!AavePoolEvents.LIQUIDATION_CALL_TOPIC.equals(log.getTopics().get(0))) continue;
      var e = Pool.getLiquidationCallEventFromLog(log);
      Address liquidator = Address.of(e.liquidator);
      if (liquidator.equals(keeper) || (funding.flashLoan() && liquidator.equals(funding.executor()))) continue;
      out.add(Address.of(e.user));
    }
    return out;
  }

  /** The cached position of one account (tests and tools). */
  public Optional<AavePosition> position(Address account) {
    return Optional.ofNullable(positions.get(account));
  }

  /** The market read at the last refresh. */
  public AaveMarket market() {
    return market;
  }

  private void readInventory(long block) {
    List<Address> assets = market.reserves().values().stream().map(AaveReserve::asset).toList();
    List<CallRequest> calls = new ArrayList<>();
    String balanceOfKeeper = AaveAbi.balanceOf(keeper);
    for (Address a : assets) calls.add(new CallRequest(a, balanceOfKeeper));
    List<CallResult> r = multicall.aggregate(calls, block);
    for (int i = 0; i < assets.size(); i++) {
      if (r.get(i).success()) inventory.put(assets.get(i), AaveAbi.decodeUint(r.get(i).returnData()));
    }
  }

  private static IERC20Detailed erc20(Address token) {
    return Wrappers.at(token, IERC20Detailed::load);
  }

  private static String shortAddress(Address asset) {
    return asset.hex().substring(0, 8);
  }

  // ------------------------------------------------------------------ protect mode

  @Override
  public Optional<BigInteger> health(Address account) {
    AavePosition p = positions.get(account);
    return p == null ? Optional.empty() : Optional.of(AaveMath.accountData(p, market).healthFactor());
  }

  @Override
  public Optional<String> protectionBlocked(Address account) {
    return positions.containsKey(account) ? Optional.empty() : Optional.of("account not read");
  }

  @Override
  public List<io.collateralkeeper.strategy.protect.ProtectOption> sizeProtection(Address account, ProtectRequest request) {
    AavePosition p = positions.get(account);
    return p == null ? List.of() : protection.size(p, market, request);
  }

  @Override
  public TxCall encodeProtection(Address account, Address wallet, io.collateralkeeper.strategy.protect.ProtectOption option) {
    return protection.encode(account, wallet, option);
  }

  @Override
  public PriceSnapshot priceSnapshot() {
    return new AaveProtection.Snapshot(market.at(market.timestamp() + AaveProtection.LEAD_SECONDS));
  }

  @Override
  public Optional<BigInteger> healthAt(Address account, PriceSnapshot prices) {
    AavePosition p = positions.get(account);
    return p == null ? Optional.empty() : Optional.of(protection.healthAt(p, prices));
  }

  @Override
  public Optional<io.collateralkeeper.risk.var.Exposure> exposure(Address account, BigInteger floorWad) {
    AavePosition p = positions.get(account);
    return p == null ? Optional.empty() : protection.exposure(p, market, floorWad, block);
  }

  @Override
  public List<TxCall> protectionApprovals(Address wallet, Collection<Address> tokens, long block) {
    AaveMarket m = market != null ? market : reader.readMarket(contracts, block);
    List<Address> listed = tokens.stream().filter(t -> m.findReserve(t).isPresent()).toList();
    return io.collateralkeeper.protocol.Erc20Approvals.missing(multicall, wallet, contracts.pool(), listed, block);
  }

  @Override
  public BigInteger healthOnChain(Address account, long block) {
    return protection.healthOnChain(account, block);
  }
}
