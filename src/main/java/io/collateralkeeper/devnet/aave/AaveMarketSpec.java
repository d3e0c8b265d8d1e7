package io.collateralkeeper.devnet.aave;

import java.math.BigInteger;
import java.util.List;

/**
 * What the devnet Aave V3 market lists. Supply and borrow caps are left at 0 (no cap).
 *
 * @param marketId the PoolAddressesProvider's market id
 * @param reserves reserves in listing order (also the Pool's reserve ids 0, 1, ...)
 * @param eModes e-mode categories
 * @param flashLoanPremiumTotalBps flash loan premium, bps of the amount
 * @param flashLoanPremiumToProtocolBps share of that premium to the treasury, bps of the premium
 */
public record AaveMarketSpec(
    String marketId,
    List<ReserveSpec> reserves,
    List<EModeSpec> eModes,
    int flashLoanPremiumTotalBps,
    int flashLoanPremiumToProtocolBps) {

  /** The stablecoin e-mode category id of {@link #mainnetLike()}. */
  public static final int STABLECOINS = 1;

  public AaveMarketSpec {
    reserves = List.copyOf(reserves);
    eModes = List.copyOf(eModes);
  }

  /**
   * Six reserves with Aave V3 Ethereum-like risk parameters (LTV / liquidation threshold / bonus, bps): WETH (18
   * decimals, $3,000) 80/82.5/105; WBTC (8, $60,000) 73/78/105; USDC (6, $1) 77/80/104.5; DAI (18, $1) 75/80/105;
   * USDT (6, $1) not collateral; LINK (18, $15) 53/68/107 as an isolated asset with a $12M debt ceiling. USDC, DAI and
   * USDT are borrowable in isolation and form e-mode category 1 "Stablecoins" (97/97.5/101); USDC and DAI allow
   * stable-rate borrowing. Liquidation protocol fee 10% everywhere; flash loans 0.05%, 4 bps of that premium to the
   * protocol (as Aave's V3 Ethereum deploy config sets them).
   */
  public static AaveMarketSpec mainnetLike() {
    return new AaveMarketSpec(
        "Collateral Keeper Devnet Market",
        List.of(
            new ReserveSpec("WETH", 18, usd(3_000), 8000, 8250, 10500, 1500, 1000, false, 0, false, 0,
                RateStrategySpec.VOLATILE_ONE),
            new ReserveSpec("WBTC", 8, usd(60_000), 7300, 7800, 10500, 2000, 1000, false, 0, false, 0,
                RateStrategySpec.VOLATILE_TWO),
            new ReserveSpec("USDC", 6, usd(1), 7700, 8000, 10450, 1000, 1000, true, 0, true, STABLECOINS,
                RateStrategySpec.STABLE),
            new ReserveSpec("DAI", 18, usd(1), 7500, 8000, 10500, 1000, 1000, true, 0, true, STABLECOINS,
                RateStrategySpec.STABLE),
            new ReserveSpec("USDT", 6, usd(1), 0, 0, 0, 1000, 1000, false, 0, true, STABLECOINS,
                RateStrategySpec.STABLE),
            new ReserveSpec("LINK", 18, usd(15), 5300, 6800, 10700, 2000, 1000, false, 12_000_000_00L, false, 0,
                RateStrategySpec.VOLATILE_TWO)),
        List.of(new EModeSpec(STABLECOINS, 9700, 9750, 10100, "Stablecoins")),
        5,
        4);
  }

  /** The reserve with this symbol. */
  public ReserveSpec reserve(String symbol) {
    return reserves.stream()
        .filter(r -> r.symbol().equals(symbol))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no reserve " + symbol));
  }

  private static BigInteger usd(long dollars) {
    return BigInteger.valueOf(dollars).multiply(BigInteger.TEN.pow(8));
  }
}
