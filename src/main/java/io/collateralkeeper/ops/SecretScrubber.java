package io.collateralkeeper.ops;

import io.collateralkeeper.chain.EndpointRedactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that leaves the process (alerts): every known secret (a private key, with or without
 * {@code 0x}, in any letter case; a webhook or RPC URL) becomes {@code ***}, and the secrets in any other URL are
 * redacted with {@link EndpointRedactor}.
 */
public final class SecretScrubber {
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

  private final List<String> secrets;

  /** @param secrets strings that must never leave the process (blank ones are ignored) */
  public SecretScrubber(List<String> secrets) {
    List<String> s = new ArrayList<>();
    for (String x : secrets) {
      if (x == null || x.isBlank()) continue;
      s.add(x.toLowerCase(Locale.ROOT));
      if (x.startsWith("0x") || x.startsWith("0X")) s.add(x.substring(2).toLowerCase(Locale.ROOT));
    }
    s.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(s);
  }

  /** The text without secrets. */
  public String scrub(String text) {
    String out = text;
    for (String secret : secrets) out = replaceIgnoreCase(out, secret);
    Matcher m = URL.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(EndpointRedactor.redact(m.group())));
    m.appendTail(sb);
    return sb.toString();
  }

  private static String replaceIgnoreCase(String text, String secret) {
    StringBuilder out = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    int from = 0;
    for (int i = lower.indexOf(secret); i >= 0; i = lower.indexOf(secret, from)) {
      out.append(text, from, i).append("***");
      from = i + secret.length();
    }
    return out.append(text.substring(from)).toString();
  }
}
