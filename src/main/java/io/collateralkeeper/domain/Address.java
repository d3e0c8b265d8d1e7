package io.collateralkeeper.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 20-byte Ethereum account or contract address, held as 0x-prefixed lowercase hex.
 *
 * @param hex 0x followed by 40 lowercase hex digits
 */
public record Address(String hex) implements Comparable<Address> {
  private static final Pattern HEX40 = Pattern.compile("0x[0-9a-f]{40}");

  /** The zero address. */
  public static final Address ZERO = new Address("0x0000000000000000000000000000000000000000");

  public Address {
    if (hex == null || !HEX40.matcher(hex).matches()) {
      throw new IllegalArgumentException("not an address (0x + 40 hex digits): " + hex);
    }
  }

  /**
   * Parses an address in any letter case (EIP-55 checksums are accepted, not verified).
   *
   * @throws IllegalArgumentException when the text is not 0x followed by 40 hex digits
   */
  public static Address of(String text) {
    if (text == null) throw new IllegalArgumentException("address is missing");
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!t.startsWith("0x")) t = "0x" + t;
    return new Address(t);
  }

  /** Parses the low 20 bytes of a 32-byte ABI word or log topic (0x + 64 hex digits). */
  public static Address fromWord(String word32) {
    String w = word32.startsWith("0x") ? word32.substring(2) : word32;
    return of(w.substring(w.length() - 40));
  }

  @Override
  public int compareTo(Address o) {
    return hex.compareTo(o.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
