package io.collateralkeeper.simulate;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.RpcException;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.AaveOracle;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.aave.AaveContracts;
import io.collateralkeeper.protocol.aave.AaveReader;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveReserve;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An Aave V3 market's feeds and tokens: each reserve by its symbol and its AaveOracle source's description base, the
 * source being {@code AaveOracle.getSourceOfAsset}; reserve tokens and their aTokens priced at
 * {@code AaveOracle.getAssetPrice} (USD, 8 decimals on standard V3 markets).
 */
final class AaveForkMarket implements ForkMarket {
  private final ChainClient chain;
  private final Multicall multicall;
  private final AaveReader reader;

  AaveForkMarket(ChainClient chain, Multicall multicall, Address provider) {
    this.chain = chain;
    this.multicall = multicall;
    this.reader = new AaveReader(chain, multicall, provider);
  }

  @Override
  public AssetFeeds feeds(long block) {
    AaveContracts c = reader.contracts(block);
    List<AaveReserve> reserves = reserves(reader.readMarket(c, block));
    List<Address> assets = reserves.stream().map(AaveReserve::asset).toList();
    List<String> symbols = DisplayNames.symbols(multicall, assets, block);
    AaveOracle oracle = Wrappers.at(c.oracle(), AaveOracle::load);
    List<CallRequest> calls = new ArrayList<>();
    for (Address a : assets) calls.add(new CallRequest(c.oracle(), oracle.getSourceOfAsset(a.hex()).encodeFunctionCall()));
    List<CallResult> sources = multicall.aggregate(calls, block);
    List<Address> feeds = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      if (!sources.get(i).success()) throw new RpcException("AaveOracle.getSourceOfAsset(" + assets.get(i) + ") reverted");
      feeds.add(Address.fromWord(sources.get(i).returnData()));
    }
    List<String> descriptions = DisplayNames.descriptions(multicall, feeds, block);
    AssetFeeds out = new AssetFeeds();
    for (int i = 0; i < assets.size(); i++) {
      if (feeds.get(i).equals(Address.ZERO)) continue; // priced by the fallback oracle: not shockable here
      out.add(symbols.get(i), feeds.get(i));
      out.addDescriptionBase(descriptions.get(i), feeds.get(i));
    }
    return out;
  }

  @Override
  public List<PricedToken> tokens(long block) {
    AaveMarket market = reader.readMarket(reader.contracts(block), block);
    List<AaveReserve> reserves = reserves(market);
    List<String> symbols = DisplayNames.symbols(multicall, reserves.stream().map(AaveReserve::asset).toList(), block);
    List<PricedToken> out = new ArrayList<>();
    for (int i = 0; i < reserves.size(); i++) {
      AaveReserve r = reserves.get(i);
      String symbol = symbols.get(i) == null ? r.asset().hex() : symbols.get(i);
      int decimals = r.config().decimals();
      out.add(new PricedToken(r.asset(), symbol, decimals, market.price(r.asset())));
      out.add(new PricedToken(r.aToken(), "a" + symbol, decimals, market.price(r.asset())));
    }
    return out;
  }

  private static List<AaveReserve> reserves(AaveMarket market) {
    return market.reserves().values().stream().sorted(Comparator.comparingInt(AaveReserve::id)).toList();
  }

  @Override
  public String toString() {
    return "AaveForkMarket[" + chain.endpoint() + "]";
  }
}
