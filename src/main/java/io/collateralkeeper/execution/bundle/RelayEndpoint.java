package io.collateralkeeper.execution.bundle;

import java.net.URI;

/**
 * A bundle relay or block builder.
 *
 * @param name a short name for logs and messages
 * @param url its JSON-RPC URL (http or https)
 * @param offersCallBundle whether it answers {@code eth_callBundle} (used to simulate before sending)
 */
public record RelayEndpoint(String name, String url, boolean offersCallBundle) {
  /**
   * @throws IllegalArgumentException when the URL is not http(s)
   */
  public RelayEndpoint {
    String scheme = url == null ? null : URI.create(url).getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("relay " + name + ": not an http(s) URL: " + url);
    }
  }
}
