package io.collateralkeeper.devnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the hourly ETH and BTC bars of a crash-window CSV.
 *
 * <p>The first line is a header. Columns are found by name: {@code timestamp_utc} (bar opening time, ISO-8601 UTC),
 * {@code asset} ({@code ETH} or {@code BTC}), {@code price} (bar close), {@code low} and {@code high}, all prices
 * in USD. Other columns are ignored. Fields are separated by commas and may not be quoted. Blank lines are skipped.
 * Line numbers in error messages are 1-based, and the header is line 1.
 */
final class CrashBarsCsv {

  private static final String TIMESTAMP = "timestamp_utc";
  private static final String ASSET = "asset";
  private static final String CLOSE = "price";
  private static final String LOW = "low";
  private static final String HIGH = "high";

  private CrashBarsCsv() {}

  /**
   * Reads all bars and checks that ETH and BTC bars align by timestamp.
   *
   * @param reader the CSV text. It is read to the end but not closed.
   * @return the bars of both assets, aligned
   * @throws IllegalArgumentException if the CSV is malformed or the bars do not align. The message names the line.
   * @throws UncheckedIOException if the reader fails
   */
  static AlignedBars read(Reader reader) {
    try {
      return parse(new BufferedReader(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read crash-window CSV", e);
    }
  }

  private static AlignedBars parse(BufferedReader in) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException("line 1: CSV is empty, expected a header");
    }
    Header columns = Header.of(header);
    Map<Asset, List<HourlyBar>> bars = new EnumMap<>(Asset.class);
    for (Asset asset : Asset.values()) {
      bars.put(asset, new ArrayList<>());
    }
    int line = 1;
    for (String text = in.readLine(); text != null; text = in.readLine()) {
      line++;
      if (!text.isBlank()) {
        HourlyBar bar = columns.bar(text, line);
        bars.get(bar.asset()).add(bar);
      }
    }
    return new AlignedBars(bars.get(Asset.ETH), bars.get(Asset.BTC));
  }

  /** Positions of the needed columns in the header. */
  private record Header(int width, int timestamp, int asset, int close, int low, int high) {

    static Header of(String line) {
      List<String> names = List.of(line.split(",", -1));
      return new Header(
          names.size(), index(names, TIMESTAMP), index(names, ASSET), index(names, CLOSE), index(names, LOW),
          index(names, HIGH));
    }

    private static int index(List<String> names, String name) {
      int index = names.indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException("line 1: header has no column '" + name + "'");
      }
      return index;
    }

    HourlyBar bar(String text, int line) {
      String[] fields = text.split(",", -1);
      if (fields.length != width) {
        throw new IllegalArgumentException(
            "line " + line + ": expected " + width + " fields but found " + fields.length);
      }
      return new HourlyBar(
          line,
          asset(fields[asset], line),
          instant(fields[timestamp], line),
          Usd8.parse(fields[close], CLOSE, line),
          Usd8.parse(fields[low], LOW, line),
          Usd8.parse(fields[high], HIGH, line));
    }

    private static Asset asset(String text, int line) {
      for (Asset candidate : Asset.values()) {
        if (candidate.name().equals(text)) {
          return candidate;
        }
      }
      throw new IllegalArgumentException("line " + line + ": unknown asset '" + text + "', expected ETH or BTC");
    }

    private static Instant instant(String text, int line) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "line " + line + ": " + TIMESTAMP + " '" + text + "' is not an ISO-8601 UTC instant", e);
      }
    }
  }
}
