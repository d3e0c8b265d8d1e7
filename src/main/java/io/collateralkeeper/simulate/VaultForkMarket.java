package io.collateralkeeper.simulate;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.oracle.FeedReading;
import io.collateralkeeper.protocol.vault.VaultLayout;
import io.collateralkeeper.protocol.vault.VaultReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference vault's feeds and tokens: each collateral by its token's symbol and its feed's base ("ETH / USD":
 * ETH), each market by its feed's base and as BASE-PERP (the vault stores no market names); collateral tokens priced
 * at their feeds' answers, as {@code _seize} prices them.
 */
final class VaultForkMarket implements ForkMarket {
  private final Multicall multicall;
  private final VaultReader reader;

  VaultForkMarket(ChainClient chain, Multicall multicall, Address vault) {
    this.multicall = multicall;
    this.reader = new VaultReader(chain, multicall, vault);
  }

  @Override
  public AssetFeeds feeds(long block) {
    VaultLayout layout = reader.readLayout(block);
    List<String> symbols = DisplayNames.symbols(multicall, layout.tokens(), block);
    AssetFeeds feeds = new AssetFeeds();
    for (int i = 0; i < layout.tokens().size(); i++) feeds.add(symbols.get(i), layout.collateralFeeds().get(i));
    List<Address> all = List.copyOf(layout.feeds());
    List<String> descriptions = DisplayNames.descriptions(multicall, all, block);
    for (int i = 0; i < all.size(); i++) feeds.addDescriptionBase(descriptions.get(i), all.get(i));
    for (Address market : layout.marketFeeds()) {
      String d = descriptions.get(all.indexOf(market));
      if (d != null && d.indexOf('/') > 0) feeds.add(d.substring(0, d.indexOf('/')).trim() + "-PERP", market);
    }
    return feeds;
  }

  @Override
  public List<PricedToken> tokens(long block) {
    VaultLayout layout = reader.readLayout(block);
    Map<Address, FeedReading> readings = reader.readFeeds(layout.collateralFeeds(), block);
    List<String> symbols = DisplayNames.symbols(multicall, layout.tokens(), block);
    List<PricedToken> out = new ArrayList<>();
    for (int i = 0; i < layout.tokens().size(); i++) {
      out.add(new PricedToken(layout.tokens().get(i), symbols.get(i), layout.config().collaterals().get(i).decimals(),
          readings.get(layout.collateralFeeds().get(i)).answer()));
    }
    return out;
  }
}
