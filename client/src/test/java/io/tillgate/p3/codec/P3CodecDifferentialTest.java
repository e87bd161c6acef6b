package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The streaming codec against the data binding it was built on ({@link BindingP3Codec}), on the fuzz
 * corpus, the sample frames and random edits of each: every frame decodes to an equal message or is
 * refused with the same type, field, message and envelope, and every message encodes to the same
 * bytes. The edits put values of every JSON type where others belong, numbers and booleans as
 * strings, nulls, repeated and unknown keys, removed fields and truncated text — most of them the
 * frames the streaming mapping declines and binding reads, so the test also shows that declining
 * changes nothing.
 */
@Timeout(600)
class P3CodecDifferentialTest {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] NAMES = {"type", "tag", "resource", "status", "error", "transaction", "amount",
        "information", "abortable", "state", "captured", "createdTimestamp", "expiryMonth", "metadata", "devices",
        "merchantReceipt", "data", "lines", "executeTransactionUpdate", "executeTransactionRequest",
        "transactionParameters", "autoCapture", "x", "signatureOnReceipt", "action", "cardDetails", "steps"};

    private final P3Codec codec = P3Codec.INSTANCE;
    private final BindingP3Codec binding = BindingP3Codec.INSTANCE;

    @Test
    void corpusAndEditsDecodeAndEncodeAlike() throws Exception {
        List<byte[]> corpus = corpus();
        List<String> mismatches = new ArrayList<>();
        Random random = new Random(Long.getLong("diff.seed", 18));
        int rounds = Integer.getInteger("diff.rounds", 10);
        int compared = 0;
        int accepted = 0;
        for (byte[] frame : corpus) {
            accepted += compare(frame, mismatches);
            compared++;
            JsonNode tree = tree(frame);
            for (int i = 0; i < rounds; i++) {
                byte[] edited;
                if (tree == null || random.nextInt(8) == 0) {
                    edited = Arrays.copyOf(frame, random.nextInt(frame.length + 1));
                } else {
                    JsonNode copy = tree.deepCopy();
                    int edits = 1 + random.nextInt(3);
                    for (int e = 0; e < edits; e++) {
                        copy = edit(copy, random);
                    }
                    edited = TREES.writeValueAsBytes(copy);
                    if (random.nextInt(6) == 0) {
                        edited = repeatFirstKey(edited);
                    }
                }
                accepted += compare(edited, mismatches);
                compared++;
            }
        }
        assertThat(compared).as("frames compared").isGreaterThan(corpus.size() * 5);
        assertThat(accepted).as("frames both codecs accepted").isGreaterThan(corpus.size());
        assertThat(mismatches).as("differences in " + compared + " frames").isEmpty();
    }

    @Test
    void everySampleIsReadByTheStreamingMappingItself() throws Exception {
        for (String sample : List.of(P3Samples.ABORT_REQUEST_107, P3Samples.UPDATE_EURO_229, P3Samples.LOGIN_REQUEST,
                P3Samples.LOGIN_RESPONSE, P3Samples.EXECUTE_WITH_TIP, P3Samples.UPDATE, P3Samples.REFUND,
                P3Samples.ACTION, P3Samples.SUBMIT_SIGNATURE_ON_RECEIPT, P3Samples.ABORT_RESPONSE_ERROR,
                P3Samples.QUERY)) {
            byte[] frame = P3Samples.utf8(sample);
            try (var parser = TREES.getFactory().createParser(frame)) {
                assertThat(P3JsonReader.read(parser)).as(sample).isNotNull();
            }
        }
    }

    /** Compares one frame; 1 when both accepted it. */
    private int compare(byte[] frame, List<String> mismatches) {
        Object ours = outcome(() -> codec.decode(frame));
        Object theirs = outcome(() -> binding.decode(frame));
        String why = null;
        if (!Objects.equals(ours, theirs)) {
            why = "decode";
        } else if (ours instanceof Value value) {
            P3Message message = (P3Message) value.value();
            Object ea = outcome(() -> codec.encode(message));
            Object eb = outcome(() -> binding.encode(message));
            boolean same = ea instanceof Value va && eb instanceof Value vb
                    ? Arrays.equals((byte[]) va.value(), (byte[]) vb.value()) : Objects.equals(ea, eb);
            if (!same) {
                why = "encode: ours " + text(ea) + "\n theirs " + text(eb);
            }
        }
        if (why != null && mismatches.size() < 30) {
            String text = new String(frame, StandardCharsets.UTF_8);
            mismatches.add(why + "\n frame  " + text.substring(0, Math.min(text.length(), 1500)) + "\n ours   "
                    + ours + "\n theirs " + theirs);
        } else if (why != null) {
            mismatches.add(why);
        }
        return ours instanceof Value ? 1 : 0;
    }

    private static String text(Object outcome) {
        return outcome instanceof Value v && v.value() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(outcome);
    }

    private record Value(Object value) {
    }

    private record Failure(String exception, String errorType, String field, String message, Object messageType,
                           String tag, String resource) {
    }

    private static Object outcome(Callable<?> call) {
        try {
            return new Value(call.call());
        } catch (P3DecodingException e) {
            return new Failure("P3DecodingException", e.errorType().name(), e.field(), e.getMessage(),
                    e.messageType().orElse(null), e.tag(), e.resource());
        } catch (Exception e) {
            return new Failure(e.getClass().getSimpleName(), "", "", String.valueOf(e.getMessage()), null, null,
                    null);
        }
    }

    private static List<byte[]> corpus() throws IOException, URISyntaxException {
        List<byte[]> corpus = new ArrayList<>();
        Path seeds = Path.of(P3CodecDifferentialTest.class
                .getResource("/io/tillgate/p3/codec/P3CodecFuzzTestInputs/decode").toURI());
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.sorted().toList()) {
                corpus.add(Files.readAllBytes(file));
            }
        }
        for (String sample : List.of(P3Samples.ABORT_REQUEST_107, P3Samples.UPDATE_EURO_229, P3Samples.LOGIN_REQUEST,
                P3Samples.LOGIN_RESPONSE, P3Samples.EXECUTE_WITH_TIP, P3Samples.UPDATE, P3Samples.REFUND,
                P3Samples.ACTION, P3Samples.SUBMIT_SIGNATURE_ON_RECEIPT, P3Samples.ABORT_RESPONSE_ERROR,
                P3Samples.QUERY)) {
            corpus.add(P3Samples.utf8(sample));
        }
        return corpus;
    }

    private static JsonNode tree(byte[] frame) {
        try {
            JsonNode node = TREES.readTree(frame);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One random edit somewhere in the tree; returns the (possibly replaced) root. */
    private static JsonNode edit(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(4) == 0
                    ? NAMES[random.nextInt(NAMES.length)] : names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, scalarFor(object.get(name), random));
                default -> object.set(name, value(random));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(value(random));
            } else {
                int index = random.nextInt(array.size());
                if (random.nextBoolean()) {
                    array.remove(index);
                } else {
                    array.set(index, value(random));
                }
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collect(child, containers));
        }
    }

    /** The same value in another JSON type: a number or boolean as a string and back. */
    private static JsonNode scalarFor(JsonNode current, Random random) {
        if (current == null) {
            return value(random);
        }
        if (current.isNumber() || current.isBoolean()) {
            return NODES.textNode((random.nextBoolean() ? " " : "") + current.asText());
        }
        if (current.isTextual()) {
            String text = current.asText();
            try {
                return NODES.numberNode(new BigDecimal(text.trim()));
            } catch (NumberFormatException notANumber) {
                return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                        ? NODES.booleanNode(Boolean.parseBoolean(text)) : NODES.textNode(text.toLowerCase());
            }
        }
        return NODES.nullNode();
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(100) - 10);
            case 3 -> NODES.numberNode(new BigDecimal("12.50"));
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(new BigDecimal("1E+3"));
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode("5.00");
            case 8 -> NODES.textNode("true");
            case 9 -> NODES.textNode("EXECUTE_TRANSACTION_UPDATE");
            case 10 -> NODES.objectNode();
            case 11 -> NODES.arrayNode().add("a").add("");
            case 12 -> NODES.arrayNode().add(NODES.objectNode().put("name", "r").put("identifier", "i"));
            default -> NODES.objectNode().put("type", "PARAMETER_INVALID").put("key", "K").put("value", 1);
        };
    }

    /** Writes the first key of the outermost object twice, with the same value, which a tree cannot. */
    private static byte[] repeatFirstKey(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        int colon = text.indexOf("\":\"");
        int end = colon < 0 ? -1 : text.indexOf('"', colon + 3);
        if (!text.startsWith("{\"") || end < 0) {
            return json;
        }
        String pair = text.substring(1, end + 1);
        return ("{" + pair + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
    }
}
