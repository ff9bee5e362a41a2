package dev.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON body of a KServe v2 / Triton {@code infer} request, from a payload body in one of two
 * forms (KServe "Open Inference Protocol", REST, "Inference Request JSON Object"):
 *
 * <ul>
 *   <li>ready KServe: {@code {"inputs": [{"name", "shape", "datatype", "data"}], "outputs": [...],
 *       ...}}, sent verbatim once its inputs check out;
 *   <li>compact: {@code {"tensors": {"INPUT0": {"shape": [1, 16], "datatype": "FP32", "data":
 *       [...]}}, "outputs": ["OUTPUT0"], "parameters": {...}}}, converted to the KServe form with
 *       the data flattened in row-major order and each output name made {@code {"name": ...}}.
 * </ul>
 *
 * Every input must have a name, a shape of whole numbers ≥ 0, a KServe datatype and as many data
 * values (flat or nested arrays) as the product of its shape, each of the datatype's JSON kind:
 * true/false for BOOL, strings for BYTES, numbers for FP*, whole numbers for INT*, whole numbers ≥ 0
 * for UINT*. Value ranges are left to the server.
 */
final class KserveTensors {

  /** The datatypes of the KServe v2 protocol's tensor data types table. */
  static final Set<String> DATATYPES =
      Set.of(
          "BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16",
          "FP32", "FP64", "BYTES");

  private static final Set<String> COMPACT_KEYS = Set.of("tensors", "outputs", "parameters");

  private KserveTensors() {}

  /**
   * The request body for {@code body}.
   *
   * @throws IllegalArgumentException naming the payload and the tensor when something is wrong
   */
  static JsonNode request(JsonNode body, String payloadId) {
    String where = "payload '" + payloadId + "': ";
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException(where + "triton-infer needs a JSON object body");
    }
    if (body.has("inputs")) {
      checkKserveInputs(body.get("inputs"), where);
      return body;
    }
    if (body.has("tensors")) {
      return fromCompact((ObjectNode) body, where);
    }
    throw new IllegalArgumentException(
        where + "triton-infer needs a body with \"inputs\" (KServe v2) or \"tensors\" (compact "
            + "form), got keys " + fieldNames(body));
  }

  private static void checkKserveInputs(JsonNode inputs, String where) {
    if (!inputs.isArray() || inputs.isEmpty()) {
      throw new IllegalArgumentException(where + "\"inputs\" must be a non-empty list of tensors");
    }
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode input = inputs.get(i);
      String name = input.isObject() ? Json.text(input, "name") : null;
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(where + "inputs[" + i + "] needs a \"name\"");
      }
      check(input, where + "tensor '" + name + "': ");
    }
  }

  private static JsonNode fromCompact(ObjectNode body, String where) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!COMPACT_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            where + "unknown key '" + key + "' in the compact tensor form (allowed: tensors, "
                + "outputs, parameters)");
      }
    }
    JsonNode tensors = body.get("tensors");
    if (!tensors.isObject() || tensors.isEmpty()) {
      throw new IllegalArgumentException(
          where + "\"tensors\" must map input names to {shape, datatype, data}");
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode request = f.objectNode();
    ArrayNode inputs = request.putArray("inputs");
    for (Iterator<Map.Entry<String, JsonNode>> it = tensors.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String prefix = where + "tensor '" + e.getKey() + "': ";
      if (e.getKey().isBlank()) {
        throw new IllegalArgumentException(where + "a tensor name must not be blank");
      }
      if (!e.getValue().isObject()) {
        throw new IllegalArgumentException(prefix + "expected {shape, datatype, data}");
      }
      ArrayNode flat = check(e.getValue(), prefix);
      ObjectNode input = inputs.addObject();
      input.put("name", e.getKey());
      input.set("shape", e.getValue().get("shape"));
      input.put("datatype", e.getValue().get("datatype").textValue());
      input.set("data", flat);
    }
    JsonNode outputs = body.get("outputs");
    if (outputs != null && !outputs.isNull()) {
      request.set("outputs", outputs(outputs, where));
    }
    JsonNode parameters = body.get("parameters");
    if (parameters != null && !parameters.isNull()) {
      if (!parameters.isObject()) {
        throw new IllegalArgumentException(where + "\"parameters\" must be an object");
      }
      request.set("parameters", parameters);
    }
    return request;
  }

  private static ArrayNode outputs(JsonNode outputs, String where) {
    if (!outputs.isArray()) {
      throw new IllegalArgumentException(where + "\"outputs\" must be a list of output names");
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    for (JsonNode o : outputs) {
      if (o.isTextual() && !o.textValue().isBlank()) {
        result.addObject().put("name", o.textValue());
      } else if (o.isObject() && Json.text(o, "name") != null) {
        result.add(o);
      } else {
        throw new IllegalArgumentException(
            where + "each output must be a name or {\"name\": ...}, got " + o);
      }
    }
    return result;
  }

  /** Checks one tensor (shape, datatype, data) and returns its data flattened. */
  private static ArrayNode check(JsonNode tensor, String where) {
    String datatype = Json.text(tensor, "datatype");
    if (datatype == null || !DATATYPES.contains(datatype)) {
      throw new IllegalArgumentException(
          where + "datatype must be one of BOOL, UINT8..UINT64, INT8..INT64, FP16, FP32, FP64, "
              + "BYTES; got " + tensor.get("datatype"));
    }
    long expected = elements(tensor.get("shape"), where);
    JsonNode data = tensor.get("data");
    if (data == null || !data.isArray()) {
      throw new IllegalArgumentException(where + "\"data\" must be a list of values");
    }
    ArrayNode flat = JsonNodeFactory.instance.arrayNode();
    flatten(data, flat, datatype, where);
    if (flat.size() != expected) {
      throw new IllegalArgumentException(
          where + "data has " + flat.size() + " values, shape " + tensor.get("shape") + " needs "
              + expected);
    }
    return flat;
  }

  /** The product of the shape's dimensions. */
  private static long elements(JsonNode shape, String where) {
    if (shape == null || !shape.isArray()) {
      throw new IllegalArgumentException(where + "\"shape\" must be a list of dimensions");
    }
    long product = 1;
    for (JsonNode d : shape) {
      if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
        throw new IllegalArgumentException(
            where + "shape " + shape + " must hold whole numbers >= 0");
      }
      try {
        product = Math.multiplyExact(product, d.longValue());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(where + "shape " + shape + " is too large");
      }
    }
    return product;
  }

  private static void flatten(JsonNode data, ArrayNode into, String datatype, String where) {
    List<JsonNode> pending = new ArrayList<>();
    pending.add(data);
    while (!pending.isEmpty()) {
      JsonNode node = pending.remove(pending.size() - 1);
      if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--) {
          pending.add(node.get(i)); // reversed so that values come out in row-major order
        }
      } else if (fits(node, datatype)) {
        into.add(node);
      } else {
        throw new IllegalArgumentException(
            where + "value " + node + " (value " + (into.size() + 1) + ") is not " + datatype);
      }
    }
  }

  private static boolean fits(JsonNode value, String datatype) {
    if (datatype.equals("BOOL")) {
      return value.isBoolean();
    }
    if (datatype.equals("BYTES")) {
      return value.isTextual();
    }
    if (datatype.startsWith("FP")) {
      return value.isNumber();
    }
    boolean whole = value.isIntegralNumber();
    return datatype.startsWith("UINT") ? whole && value.bigIntegerValue().signum() >= 0 : whole;
  }

  private static List<String> fieldNames(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
