package io.collateralkeeper.chain;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Removes secrets from endpoint URLs before they appear in messages, metric labels or alerts: user info
 * ({@code user:pass@}), every query value, and path segments that look like API keys (16 or more letters, digits,
 * {@code -} or {@code _}, with at least one digit), e.g. {@code https://eth-mainnet.g.alchemy.com/v2/KEY} becomes
 * {@code https://eth-mainnet.g.alchemy.com/v2/***}.
 */
public final class EndpointRedactor {
  private static final Pattern KEY_LIKE = Pattern.compile("(?=.*[0-9])[A-Za-z0-9_-]{16,}");

  private EndpointRedactor() {}

  /** The URL with its secrets replaced by {@code ***}; a URL that cannot be parsed becomes {@code scheme://***} or {@code ***}. */
  public static String redact(String url) {
    if (url == null) return "null";
    URI u;
    try {
      u = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      int scheme = url.indexOf("://");
      return scheme > 0 && scheme < 10 ? url.substring(0, scheme) + "://***" : "***";
    }
    if (u.getScheme() == null || u.getRawAuthority() == null) return "***";
    StringBuilder out = new StringBuilder(u.getScheme()).append("://");
    if (u.getRawUserInfo() != null) out.append("***@");
    out.append(u.getHost() == null ? "***" : u.getHost());
    if (u.getPort() >= 0) out.append(':').append(u.getPort());
    String path = u.getRawPath();
    if (path != null && !path.isEmpty()) {
      String[] parts = path.split("/", -1);
      for (int i = 0; i < parts.length; i++) {
        if (KEY_LIKE.matcher(parts[i]).matches()) parts[i] = "***";
      }
      out.append(String.join("/", parts));
    }
    String query = u.getRawQuery();
    if (query != null) {
      out.append('?');
      String[] pairs = query.split("&");
      for (int i = 0; i < pairs.length; i++) {
        int eq = pairs[i].indexOf('=');
        pairs[i] = (eq < 0 ? "***" : pairs[i].substring(0, eq) + "=***");
      }
      out.append(String.join("&", pairs));
    }
    return out.toString();
  }
}
