package io.collateralkeeper.cli;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.EndpointRedactor;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.ops.Operations;
import io.collateralkeeper.ops.OpsSettings;
import io.collateralkeeper.wallet.Signer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Option;

/**
 * Operations options of {@code keeper run}: {@code --metrics-port} (else the strategy's {@code ops.metrics-port}); the
 * alert webhook from {@code KEEPER_WEBHOOK_URL} (else {@code ops.webhook-url}): a secret, better kept out of files.
 */
public final class OpsOptions {
  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Serve /metrics and /health on 127.0.0.1:PORT (overrides ops.metrics-port; 0 = any free port).")
  Integer metricsPort;

  /** The resolved settings: flag, then environment, then the strategy. */
  OpsSettings settings(StrategyConfig config) {
    OpsSettings s = OpsSettings.of(config.ops()).withBundleRoute(config.route() != null && config.route().bundle());
    if (metricsPort != null) {
      if (metricsPort < 0 || metricsPort > 65_535) {
        throw new io.collateralkeeper.KeeperException("--metrics-port must be between 0 and 65535");
      }
      s = s.withMetricsPort(metricsPort);
    }
    String env = System.getenv("KEEPER_WEBHOOK_URL");
    if (env != null && !env.isBlank()) {
      if (!(env.startsWith("http://") || env.startsWith("https://"))) {
        throw new io.collateralkeeper.KeeperException("KEEPER_WEBHOOK_URL must be an http(s) URL");
      }
      s = s.withWebhookUrl(env.trim());
    }
    return s;
  }

  /** Starts operations for the wallet; the private key and the RPC URLs are registered as secrets for alerts. */
  Operations start(StrategyConfig config, ChainClient chain, Signer signer, List<String> rpcUrls) {
    List<String> secrets = new ArrayList<>();
    for (String url : rpcUrls) if (!EndpointRedactor.redact(url).equals(url)) secrets.add(url);
    secrets.add(Numeric.toHexStringNoPrefixZeroPadded(signer.credentials().getEcKeyPair().getPrivateKey(), 64));
    return Operations.start(settings(config), chain, Address.of(signer.address()), secrets, Clock.systemUTC());
  }
}
