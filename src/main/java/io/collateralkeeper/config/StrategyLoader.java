package io.collateralkeeper.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collateralkeeper.KeeperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a strategy file (YAML) into a {@link StrategyConfig}. Every problem is one {@link KeeperException} line that
 * names the file and the key: an unknown key, a missing required key, a value of the wrong type.
 */
public final class StrategyLoader {
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Loads and validates a strategy file.
   *
   * @throws KeeperException naming the file and the offending key
   */
  public StrategyConfig load(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) throw new KeeperException(file + ": strategy file larger than 1 MiB");
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new KeeperException("strategy file not found: " + file);
    } catch (IOException e) {
      throw new KeeperException("cannot read strategy file " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses strategy YAML; {@code source} names it in errors. */
  public StrategyConfig parse(String yaml, String source) {
    StrategyConfig config;
    try {
      config = mapper.readValue(yaml, StrategyConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds() == null
              ? ""
              : " (known keys: "
                  + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                  + ")";
      throw new KeeperException(source + ": unknown key '" + StrategyValidator.shown(path(e)) + "'" + known);
    } catch (InvalidTypeIdException e) {
      if (e.getTypeId() == null) {
        throw new KeeperException(source + ": missing key '" + path(e) + ".type' (known: reference-vault, aave-v3)");
      }
      throw new KeeperException(
          source + ": unknown protocol type '" + StrategyValidator.shown(e.getTypeId()) + "' at '" + path(e)
              + "' (known: reference-vault, aave-v3)");
    } catch (JsonMappingException e) {
      if (e.getPath().isEmpty() && isEmptyDocument(yaml)) {
        throw new KeeperException(source + ": the strategy file is empty");
      }
      throw new KeeperException(source + ": invalid value at '" + path(e) + "': " + firstLine(e.getOriginalMessage()));
    } catch (JacksonException e) {
      throw new KeeperException(source + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
    }
    if (config == null) throw new KeeperException(source + ": the strategy file is empty");
    return StrategyValidator.validate(config, source);
  }

  /** True when the text holds no YAML content at all (blank, or only comments). */
  private boolean isEmptyDocument(String yaml) {
    try (JsonParser p = mapper.createParser(yaml)) {
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
