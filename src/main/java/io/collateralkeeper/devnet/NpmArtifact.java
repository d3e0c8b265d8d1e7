package io.collateralkeeper.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.domain.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;

/**
 * A compiled contract read from an npm package's build artifact: a Hardhat artifact ({@code abi}, {@code bytecode},
 * {@code linkReferences} at the top level, as in {@code @aave/core-v3/artifacts}) or a Waffle/solc standard-JSON
 * one ({@code abi}, {@code evm.bytecode.object}, {@code evm.bytecode.linkReferences}, as in
 * {@code @uniswap/v2-core/build}).
 *
 * @param name the contract name (the artifact's file name without {@code .json})
 * @param abiJson the ABI, as JSON text
 * @param bytecode the creation bytecode as lowercase hex without 0x; library slots hold solc's {@code __...__}
 *     placeholders
 * @param linkReferences byte offsets into {@code bytecode} of each library's 20-byte address slot, by library name
 */
public record NpmArtifact(String name, String abiJson, String bytecode, Map<String, List<Integer>> linkReferences) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ADDRESS_BYTES = 20;

  public NpmArtifact {
    linkReferences = Map.copyOf(linkReferences);
  }

  /**
   * Reads an artifact.
   *
   * @param nodeModules the {@code node_modules} directory
   * @param relativePath the artifact's path under it, e.g. {@code @uniswap/v2-core/build/UniswapV2Pair.json}
   * @throws KeeperException when node_modules or the artifact is missing (the fix: {@code npm ci}), or the file is not
   *     a contract artifact
   */
  public static NpmArtifact read(Path nodeModules, String relativePath) {
    if (!Files.isDirectory(nodeModules)) {
      throw new KeeperException(nodeModules.toAbsolutePath() + " not found: run 'npm ci' in the project directory");
    }
    Path file = nodeModules.resolve(relativePath);
    if (!Files.isRegularFile(file)) {
      throw new KeeperException("npm artifact " + relativePath + " not found in " + nodeModules + ": run 'npm ci'");
    }
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    try {
      return parse(name, JSON.readTree(file.toFile()));
    } catch (IOException | IllegalArgumentException e) {
      throw new KeeperException("cannot read npm artifact " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses an artifact's JSON (Hardhat or Waffle layout). */
  static NpmArtifact parse(String name, JsonNode json) {
    JsonNode evm = json.path("evm").path("bytecode");
    JsonNode code = json.path("bytecode").isTextual() ? json.get("bytecode") : evm.path("object");
    JsonNode links = json.has("linkReferences") ? json.get("linkReferences") : evm.path("linkReferences");
    if (!json.path("abi").isArray() || !code.isTextual()) {
      throw new IllegalArgumentException("no abi and bytecode in " + name);
    }
    Map<String, List<Integer>> refs = new LinkedHashMap<>();
    links.fields().forEachRemaining(file -> file.getValue().fields().forEachRemaining(lib -> {
      List<Integer> offsets = refs.computeIfAbsent(lib.getKey(), k -> new ArrayList<>());
      for (JsonNode ref : lib.getValue()) {
        if (ref.path("length").asInt() != ADDRESS_BYTES) throw new IllegalArgumentException("bad link length");
        offsets.add(ref.path("start").asInt());
      }
    }));
    return new NpmArtifact(name, json.get("abi").toString(), code.asText().replaceFirst("^0x", "").toLowerCase(), refs);
  }

  /** Names of the libraries this bytecode must be linked with (empty when none). */
  public Set<String> libraries() {
    return new TreeSet<>(linkReferences.keySet());
  }

  /**
   * The creation bytecode with every library placeholder replaced by the library's address.
   *
   * @param libraries deployed library addresses by library name (extra entries are ignored)
   * @return 0x-hex bytecode without placeholders
   * @throws KeeperException when a required library is missing from {@code libraries}
   */
  public String linked(Map<String, Address> libraries) {
    StringBuilder hex = new StringBuilder(bytecode);
    for (Map.Entry<String, List<Integer>> ref : linkReferences.entrySet()) {
      Address lib = libraries.get(ref.getKey());
      if (lib == null) throw new KeeperException(name + " needs library " + ref.getKey() + " linked");
      for (int start : ref.getValue()) {
        int at = 2 * start;
        if (!hex.substring(at, at + 2).equals("__")) {
          throw new IllegalStateException(name + ": no library placeholder at byte " + start);
        }
        hex.replace(at, at + 2 * ADDRESS_BYTES, lib.hex().substring(2));
      }
    }
    return "0x" + hex;
  }

  /**
   * Init code of a deployment: the linked bytecode followed by the ABI-encoded constructor arguments.
   *
   * @param libraries as for {@link #linked(Map)}
   * @param constructorArgs the constructor's arguments as web3j ABI types, in order (empty for none)
   */
  public String initCode(Map<String, Address> libraries, List<Type> constructorArgs) {
    return linked(libraries) + FunctionEncoder.encodeConstructor(constructorArgs);
  }
}
