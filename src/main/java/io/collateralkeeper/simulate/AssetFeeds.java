package io.collateralkeeper.simulate;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The price feeds of a protocol by the names a user may shock: token symbols (WETH), feed bases (ETH of "ETH / USD")
 * and, for the reference vault, market names (ETH-PERP). Names are upper case; one name may reach several feeds and
 * several names the same feed.
 */
public final class AssetFeeds {
  private final Map<String, Set<Address>> byName = new TreeMap<>();

  /** Adds {@code name} (any case; blank names are ignored) for {@code feed}. */
  public AssetFeeds add(String name, Address feed) {
    if (name == null || name.isBlank()) return this;
    byName.computeIfAbsent(name.trim().toUpperCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(feed);
    return this;
  }

  /** Adds the base of a Chainlink description ("ETH / USD" adds ETH), if it has that shape. */
  public AssetFeeds addDescriptionBase(String description, Address feed) {
    if (description == null) return this;
    int slash = description.indexOf('/');
    if (slash > 0) add(description.substring(0, slash), feed);
    return this;
  }

  /**
   * The feeds a shock names.
   *
   * @throws KeeperException naming the known assets when the name is unknown
   */
  public Set<Address> feedsOf(Shock shock) {
    Set<Address> feeds = byName.get(shock.asset());
    if (feeds == null) {
      throw new KeeperException(
          "--shock " + shock + ": unknown asset " + shock.asset() + " (known: " + String.join(", ", byName.keySet()) + ")");
    }
    return Set.copyOf(feeds);
  }

  /** Every name, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** The names that reach {@code feed}, sorted. */
  public Set<String> namesOf(Address feed) {
    Set<String> out = new LinkedHashSet<>();
    byName.forEach((name, feeds) -> {
      if (feeds.contains(feed)) out.add(name);
    });
    return out;
  }
}
