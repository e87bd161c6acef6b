package io.tillgate.nexo.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A receipt as docs/protocols/nexo.md §5.2 decides: one OutputText holding base64 of a JSON object whose root key
 * is {@code Merchant} (CashierReceipt) or {@code Cardholder} (CustomerReceipt), each with
 * {@code Mandatory} and {@code Optional} groups and ready-made lines in {@code Optional.ReceiptString}.
 *
 * @param qualifier CashierReceipt (merchant copy) or CustomerReceipt
 * @param fields the scalar values by dotted path below the root, e.g.
 *     {@code Mandatory.Outcome.ApprovalCode}, in document order
 * @param receiptString the ready-made lines, possibly empty
 * @param signatureBlock {@code Mandatory.Payment.SignatureBlock}: print for the customer's signature
 */
public record NexoReceipt(DocumentQualifier qualifier, Map<String, String> fields, List<String> receiptString,
        boolean signatureBlock) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE_BLOCK = "Mandatory.Payment.SignatureBlock";
    private static final String RECEIPT_STRING = "Optional.ReceiptString";
    /** Real receipts are four or five levels deep; written back, a receipt gains two more. */
    private static final int MAX_DEPTH = 32;

    public NexoReceipt {
        Objects.requireNonNull(qualifier, "qualifier");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        receiptString = List.copyOf(receiptString);
    }

    /** The lines to print: the ready-made ones, else one {@code Name: value} line per field. */
    public List<String> lines() {
        if (!receiptString.isEmpty()) {
            return receiptString;
        }
        List<String> lines = new ArrayList<>();
        fields.forEach((path, value) -> lines.add(path.substring(path.lastIndexOf('.') + 1) + ": " + value));
        return lines;
    }

    /** This receipt as a PaymentReceipt element. */
    public PaymentReceipt toPaymentReceipt() {
        ObjectNode body = JSON.createObjectNode();
        fields.forEach((path, value) -> parent(body, path).put(leaf(path), value));
        parent(body, SIGNATURE_BLOCK).put(leaf(SIGNATURE_BLOCK), signatureBlock);
        ArrayNode lines = parent(body, RECEIPT_STRING).putArray(leaf(RECEIPT_STRING));
        receiptString.forEach(lines::add);
        ObjectNode root = JSON.createObjectNode();
        root.set(rootKey(qualifier), body);
        String base64;
        try {
            base64 = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt tree always serialises", e);
        }
        return new PaymentReceipt(qualifier, null, signatureBlock ? Boolean.TRUE : null,
                new OutputContent("Text", null, List.of(new OutputText(null, null, null, base64))));
    }

    /**
     * Reads a PaymentReceipt element.
     *
     * Fields are named by their dotted path, so a JSON key that is empty or holds a dot is left out,
     * and so is a value where a receipt has a group (Mandatory, Mandatory.Payment, Optional), and
     * anything but an array where it has its ready-made lines (Optional.ReceiptString).
     *
     * @throws NexoDecodingException naming the element when the text is not base64 JSON, or is nested
     *     deeper than any receipt
     */
    public static NexoReceipt from(PaymentReceipt receipt) {
        String at = "PaymentReceipt/OutputContent/OutputText";
        DocumentQualifier qualifier = receipt.documentQualifier() == null ? DocumentQualifier.CUSTOMER_RECEIPT
                : receipt.documentQualifier();
        if (receipt.outputContent() == null || receipt.outputContent().outputText().isEmpty()) {
            throw NexoDecodingException.missing(at);
        }
        StringBuilder text = new StringBuilder();
        receipt.outputContent().outputText().forEach(t -> text.append(t.text() == null ? "" : t.text().strip()));
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getMimeDecoder().decode(text.toString()));
        } catch (IllegalArgumentException | IOException e) {
            throw NexoDecodingException.invalid(at, "not base64 of a JSON object (" + text.length() + " chars)");
        }
        JsonNode body = root == null ? null : root.has("Merchant") ? root.get("Merchant") : root.get("Cardholder");
        if (body == null || !body.isObject()) {
            throw NexoDecodingException.invalid(at, "receipt JSON has no Merchant or Cardholder object");
        }
        if (depth(body) > MAX_DEPTH) {
            throw NexoDecodingException.invalid(at, "receipt JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> receiptString = new ArrayList<>();
        boolean[] signature = {false};
        flatten(body, "", fields, receiptString, signature);
        return new NexoReceipt(qualifier, fields, receiptString, signature[0]);
    }

    /** Decodes the receipt text from base64 JSON; exposed for tests and diagnostics. */
    static String json(PaymentReceipt receipt) {
        return new String(Base64.getMimeDecoder().decode(receipt.outputContent().outputText().get(0).text()),
                StandardCharsets.UTF_8);
    }

    private static void flatten(JsonNode node, String path, Map<String, String> fields, List<String> receiptString,
            boolean[] signature) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().isEmpty() || entry.getKey().indexOf('.') >= 0) {
                continue; // skipped: no dotted path can name it, and kept it would pass for another field
            }
            String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (child.equals(SIGNATURE_BLOCK)) {
                signature[0] = value.asBoolean(false) || "true".equalsIgnoreCase(value.asText());
            } else if (child.equals(RECEIPT_STRING)) {
                // Anything but an array here is left out: written back, it would become the array.
                if (value.isArray()) {
                    value.forEach(line -> receiptString.add(line.asText()));
                }
            } else if (value.isObject()) {
                flatten(value, child, fields, receiptString, signature);
            } else if (value.isValueNode() && !isGroup(child)) {
                fields.put(child, value.asText());
            }
        }
    }

    /** Mandatory, Mandatory.Payment, Optional: groups a written receipt always holds as objects. */
    private static boolean isGroup(String path) {
        return SIGNATURE_BLOCK.startsWith(path + ".") || RECEIPT_STRING.startsWith(path + ".");
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static ObjectNode parent(ObjectNode body, String path) {
        ObjectNode node = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String rootKey(DocumentQualifier qualifier) {
        return qualifier == DocumentQualifier.CASHIER_RECEIPT ? "Merchant" : "Cardholder";
    }
}
