package quorumsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads YAML or JSON into {@link Node}s that remember their line and column, so every
 * problem found later can say where it is. Parse errors and duplicate keys become
 * {@link ScenarioException}s with the parser's location.
 */
public final class TreeReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private TreeReader() {
    }

    public static Node read(String source, String text, boolean yaml) {
        if (text.isBlank()) {
            throw new ScenarioException(new Problem(source, 1, 1, "", "the file is empty; a scenario needs at least 'protocol:'"));
        }
        try (Reader reader = new StringReader(text); JsonParser parser = (yaml ? YAML : JSON).createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(new Problem(source, 1, 1, "", "the file holds no document; a scenario needs at least 'protocol:'"));
            }
            Node root = readValue(source, parser, new Anchors(source));
            if (root.kind != Node.Kind.OBJECT) {
                throw new ScenarioException(new Problem(source, root.line, root.column, "",
                        "a scenario is a mapping of keys (protocol:, cluster:, ...), found " + root.describe()));
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ScenarioException(new Problem(source, at.getLineNr(), at.getColumnNr(), "",
                        "more than one document in the file; a scenario file holds exactly one"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().split("\n")[0];
            throw new ScenarioException(new Problem(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid " + (yaml ? "YAML" : "JSON") + ": " + message));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(source, 0, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    private static Node readValue(String source, JsonParser p, Anchors anchors) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return anchors.resolve(p.getText(), at.getLineNr(), at.getColumnNr());
        }
        String anchor = p instanceof YAMLParser yaml ? yaml.getObjectId() : null;
        Node value = readPlainValue(source, p, anchors);
        if (anchor != null) {
            anchors.define(anchor, value);
        }
        anchors.count(1, at.getLineNr(), at.getColumnNr());
        return value;
    }

    private static Node readPlainValue(String source, JsonParser p, Anchors anchors) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                Node object = Node.object(line, column);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (object.fields.containsKey(key)) {
                        throw new ScenarioException(new Problem(source, keyAt.getLineNr(), keyAt.getColumnNr(), key,
                                "key '" + key + "' appears twice in the same mapping"));
                    }
                    p.nextToken();
                    object.fields.put(key, readValue(source, p, anchors));
                    object.keyPositions.put(key, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
                }
                return object;
            }
            case START_ARRAY: {
                Node list = Node.list(line, column);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items.add(readValue(source, p, anchors));
                }
                return list;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Node.scalar(Node.Kind.NUMBER, p.getText(), line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return Node.scalar(Node.Kind.BOOLEAN, p.getText(), line, column);
            case VALUE_NULL:
                return Node.scalar(Node.Kind.NULL, null, line, column);
            default:
                return Node.scalar(Node.Kind.STRING, p.getText(), line, column);
        }
    }

    /** A --set value: YAML scalar syntax ("5", "2ms", "true", "[0, 1]"). */
    public static Node readOverrideValue(String text, String flag) {
        try (JsonParser parser = YAML.createParser(new StringReader(text.isEmpty() ? "''" : text))) {
            parser.nextToken();
            return readValue(flag, parser, new Anchors(flag)).fromCommandLine(flag);
        } catch (IOException | ScenarioException e) {
            return Node.scalar(Node.Kind.STRING, text, 0, 0).fromCommandLine(flag);
        }
    }
}
