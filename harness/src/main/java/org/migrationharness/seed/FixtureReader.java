package org.migrationharness.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;

/** Reads a row fixture (YAML or JSON), keeping the line where each row starts for error messages. */
final class FixtureReader {

    static final List<String> KEYS = List.of("table", "key", "update", "defaults", "rows");

    private static final String EXAMPLE = "  table: products\n  key: [slug]\n  rows:\n    - {slug: wireless-headphones, name: Wireless Headphones}";

    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private FixtureReader() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The mapper that writes JSON documents for json and jsonb columns. */
    static ObjectMapper json() {
        return JSON;
    }

    static boolean isRowFixture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    static RowFixture read(Path file) {
        ObjectMapper mapper = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        String table = null;
        List<String> key = null;
        boolean update = false;
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        List<RowFixture.Row> rows = null;
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw bad(file, line(parser.currentTokenLocation()), "a row fixture is a mapping with the keys "
                        + "table, key and rows, but this file " + (token == null ? "is empty" : "starts with " + describe(token)) + ".");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int fieldLine = line(parser.currentTokenLocation());
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "table" -> {
                        JsonNode node = parser.readValueAsTree();
                        if (node == null || !node.isTextual() || node.asText().isBlank()) {
                            throw bad(file, fieldLine, "'table' must name a table, e.g. table: products (or schema.products).");
                        }
                        table = node.asText().strip();
                    }
                    case "key" -> {
                        JsonNode node = parser.readValueAsTree();
                        key = new ArrayList<>();
                        if (node != null && node.isTextual()) {
                            key.add(node.asText().strip());
                        } else if (node != null && node.isArray()) {
                            for (JsonNode column : node) {
                                if (!column.isTextual() || column.asText().isBlank()) {
                                    key = null;
                                    break;
                                }
                                key.add(column.asText().strip());
                            }
                        } else {
                            key = null;
                        }
                        if (key == null || key.isEmpty()) {
                            throw bad(file, fieldLine, "'key' must list the natural key's columns, e.g. key: [slug] or key: [order_id, sku].");
                        }
                    }
                    case "update" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw bad(file, fieldLine, "'update' must be true (rows matched by natural key are updated to "
                                    + "the fixture's values) or false (they are left as they are; the default).");
                        }
                        update = value == JsonToken.VALUE_TRUE;
                    }
                    case "defaults" -> {
                        JsonNode node = parser.readValueAsTree();
                        if (node == null || !node.isObject()) {
                            throw bad(file, fieldLine, "'defaults' must be a mapping of column to value, e.g. defaults: {is_active: true}.");
                        }
                        node.fields().forEachRemaining(e -> defaults.put(e.getKey(), e.getValue()));
                    }
                    case "rows" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw bad(file, fieldLine, "'rows' must be a list of rows, each a mapping of column to value.");
                        }
                        rows = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            int rowLine = line(parser.currentTokenLocation());
                            JsonNode node = parser.readValueAsTree();
                            if (node == null || !node.isObject()) {
                                throw bad(file, rowLine, "row " + (rows.size() + 1) + " is not a mapping of column to value.");
                            }
                            Map<String, JsonNode> values = new LinkedHashMap<>();
                            node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
                            rows.add(new RowFixture.Row(rows.size() + 1, rowLine, values));
                        }
                    }
                    default -> throw bad(file, fieldLine, "unknown key '" + field + "'. Known keys: "
                            + String.join(", ", KEYS) + ".");
                }
            }
        } catch (JsonProcessingException e) {
            throw new HarnessException(ErrorCode.INPUT, DisplayPath.of(file) + lineSuffix(e.getLocation())
                    + ": not valid " + (mapper == JSON ? "JSON" : "YAML") + ": " + e.getOriginalMessage()
                    + "\nA row fixture looks like:\n" + EXAMPLE, file, line(e.getLocation()), e);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        if (table == null) {
            missing.add("table");
        }
        if (key == null) {
            missing.add("key");
        }
        if (rows == null) {
            missing.add("rows");
        }
        if (!missing.isEmpty()) {
            throw bad(file, 0, "missing " + String.join(", ", missing) + ". A row fixture looks like:\n" + EXAMPLE);
        }
        return new RowFixture(file, table, key, update, defaults, rows);
    }

    private static HarnessException bad(Path file, int line, String message) {
        return new HarnessException(ErrorCode.INPUT, DisplayPath.of(file) + (line > 0 ? " line " + line : "") + ": "
                + message, file, line, null);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            default -> "a " + token.name().toLowerCase(Locale.ROOT).replace("value_", "").replace('_', ' ');
        };
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String lineSuffix(JsonLocation location) {
        int line = line(location);
        return line > 0 ? " line " + line : "";
    }
}
