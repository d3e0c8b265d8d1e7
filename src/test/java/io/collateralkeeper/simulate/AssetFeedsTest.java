package io.collateralkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import org.junit.jupiter.api.Test;

class AssetFeedsTest {
  private static final Address ETH_FEED = Address.of("0x" + "e".repeat(40));
  private static final Address BTC_FEED = Address.of("0x" + "b".repeat(40));

  private static AssetFeeds feeds() {
    return new AssetFeeds()
        .add("WETH", ETH_FEED)
        .addDescriptionBase("ETH / USD", ETH_FEED)
        .add("eth-perp", ETH_FEED)
        .add("WBTC", BTC_FEED)
        .addDescriptionBase("no slash here", BTC_FEED)
        .add(null, BTC_FEED);
  }

  @Test
  void shouldResolveEveryNameOfAFeedInAnyCase() {
    AssetFeeds f = feeds();
    assertThat(f.feedsOf(Shock.parse("eth=-1%"))).containsExactly(ETH_FEED);
    assertThat(f.feedsOf(Shock.parse("ETH-PERP=-1%"))).containsExactly(ETH_FEED);
    assertThat(f.feedsOf(Shock.parse("wbtc=-1%"))).containsExactly(BTC_FEED);
    assertThat(f.namesOf(ETH_FEED)).containsExactly("ETH", "ETH-PERP", "WETH");
    assertThat(f.names()).containsExactly("ETH", "ETH-PERP", "WBTC", "WETH");
  }

  @Test
  void shouldNameTheKnownAssetsWhenTheShockIsUnknown() {
    assertThatThrownBy(() -> feeds().feedsOf(Shock.parse("DOGE=-50%")))
        .isInstanceOf(KeeperException.class)
        .hasMessage("--shock DOGE=-50%: unknown asset DOGE (known: ETH, ETH-PERP, WBTC, WETH)");
  }
}
