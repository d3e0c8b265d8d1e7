package io.collateralkeeper.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Seeded text mutations for property tests of parsers (test helper): truncation, deletion, duplication, random
 * characters, swapped lines, and scalar values replaced by hostile ones (wrong types, huge numbers, aliases, tags).
 */
public final class Mutations {
  private static final String SPECIALS = ":-[]{}\"'#&*!|>%@`,\n\t\\\u0000\u00e9\u202e0123456789xX.eE+ ";
  /** Values that are valid YAML/JSON of the wrong type or range. */
  public static final List<String> HOSTILE_VALUES =
      List.of(
          "-1", "0", "1e400", "-1e400", "99999999999999999999999999999999999999", "0.0000000000000000000000001",
          "[]", "{}", "[1, [2, [3]]]", "{a: b}", "null", "~", "true", "\"\"", "\"x\"", "0x", "0xzz", ".nan", ".inf",
          "*nope", "&a 1", "!!binary AAAA", "!!java.io.File /etc/passwd", "\"" + "9".repeat(5000) + "\"",
          "'\u0000'", "\"http://user:pass@10.0.0.1\"", "\"ftp://x\"", "0x0000000000000000000000000000000000000000",
          "\"0x" + "g".repeat(40) + "\"", "1.5", "-0", "+7", "0b101", "1_000", "2147483648", "9223372036854775808");

  private final Random random;

  public Mutations(long seed) {
    this.random = new Random(seed);
  }

  /** The random source (for callers that draw more). */
  public Random random() {
    return random;
  }

  /** One to three random mutations of {@code text}. */
  public String mutate(String text) {
    String s = text;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) s = once(s);
    return s;
  }

  private String once(String s) {
    if (s.isEmpty()) return String.valueOf(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
    int at = random.nextInt(s.length());
    int len = 1 + random.nextInt(Math.max(1, Math.min(40, s.length() - at)));
    int end = Math.min(s.length(), at + len);
    return switch (random.nextInt(9)) {
      case 0 -> s.substring(0, at); // truncate
      case 1 -> s.substring(0, at) + s.substring(end); // delete a span
      case 2 -> s.substring(0, end) + s.substring(at); // duplicate a span
      case 3 -> s.substring(0, at) + randomChars(1 + random.nextInt(5)) + s.substring(at); // insert
      case 4 -> s.substring(0, at) + randomChars(1) + s.substring(Math.min(s.length(), at + 1)); // replace a char
      case 5 -> swapLines(s);
      case 6, 7 -> replaceValue(s);
      default -> randomBytes(random.nextInt(200));
    };
  }

  private String replaceValue(String s) {
    List<Integer> colons = new java.util.ArrayList<>();
    for (int i = 0; i < s.length() - 1; i++) if (s.charAt(i) == ':' && s.charAt(i + 1) == ' ') colons.add(i);
    if (colons.isEmpty()) return s;
    int c = colons.get(random.nextInt(colons.size())) + 2;
    int eol = s.indexOf('\n', c);
    int comma = s.indexOf(',', c);
    int brace = s.indexOf('}', c);
    int end = eol < 0 ? s.length() : eol;
    if (comma >= 0 && comma < end) end = comma;
    if (brace >= 0 && brace < end) end = brace;
    return s.substring(0, c) + HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())) + s.substring(end);
  }

  private String swapLines(String s) {
    String[] lines = s.split("\n", -1);
    if (lines.length < 2) return s;
    int a = random.nextInt(lines.length);
    int b = random.nextInt(lines.length);
    String t = lines[a];
    lines[a] = lines[b];
    lines[b] = t;
    return String.join("\n", lines);
  }

  private String randomChars(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
    return b.toString();
  }

  private String randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
