package io.collateralkeeper.daemon;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.BundleMode;
import io.collateralkeeper.execution.bundle.BundleClient;
import io.collateralkeeper.execution.bundle.BundleIdentity;
import io.collateralkeeper.execution.bundle.BundleRoute;
import io.collateralkeeper.execution.bundle.RelayEndpoint;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The strategy's {@code route} section made into the pipeline's {@link BundleMode} (empty for the public route). */
final class BundleRouting {
  private static final Logger LOG = LoggerFactory.getLogger(BundleRouting.class);
  private static final long DEFAULT_MAX_BUNDLE_BLOCKS = 5;
  private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(5);

  private BundleRouting() {}

  /**
   * @param chain the node (receipts and nonces)
   * @param route the strategy's route section, or null (public)
   * @param funds the address that signs and pays for transactions (the identity must differ from it)
   * @return the bundle mode, or empty for the public mempool
   * @throws KeeperException when the identity keystore cannot be opened or is the funds key
   */
  static Optional<BundleMode> from(ChainClient chain, StrategyConfig.Route route, Address funds) {
    if (route == null || !route.bundle()) return Optional.empty();
    BundleIdentity identity = BundleIdentity.separateFrom(identity(route), funds);
    List<BundleClient> clients = new ArrayList<>();
    for (String url : route.relays()) {
      // every relay is asked for eth_callBundle first; one that does not offer it is skipped for simulation
      clients.add(BundleClient.connect(new RelayEndpoint(name(url), url, true), identity, RELAY_TIMEOUT));
    }
    long maxBlocks = route.maxBundleBlocks() == null ? DEFAULT_MAX_BUNDLE_BLOCKS : route.maxBundleBlocks();
    LOG.info("bundle route: {} relay(s), {}, up to {} blocks per intent", clients.size(), identity, maxBlocks);
    return Optional.of(new BundleMode(new BundleRoute(chain, clients), maxBlocks));
  }

  private static Signer identity(StrategyConfig.Route route) {
    if (route.identityKeystore() != null) {
      return WalletLoader.fromKeystore(Path.of(route.identityKeystore()), Path.of(route.identityPasswordFile()));
    }
    LOG.warn("no route.identity-keystore: relay requests are signed by a fresh random identity (no relay reputation)");
    return WalletLoader.ephemeral();
  }

  /** host:port of a relay URL, for logs (never its path or query, which may carry an API key). */
  private static String name(String url) {
    URI u = URI.create(url);
    return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
  }
}
