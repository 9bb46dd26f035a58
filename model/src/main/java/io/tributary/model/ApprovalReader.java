package io.tributary.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.Schema;

/**
 * Reads the approval part of a dataset's descriptor entry: {@code coercion}, {@code timeZone},
 * {@code csv}, {@code batch} and {@code rules}, reporting every problem with its place. Rules are
 * compiled (CEL) against the dataset's schema here, so a bad expression is a descriptor problem.
 *
 * <pre>
 *     coercion: lenient                  # strict | lenient (default strict)
 *     timeZone: Europe/Brussels          # for timestamps without offset, lenient only (default UTC)
 *     csv: {delimiter: ";", nullToken: "NULL", columns: [id, amount]}
 *     batch: {timeout: 10m, maxRecords: 100000, maxRejectedRecords: 0}
 *     rules:
 *       - name: amount_positive
 *         field: amount                  # optional: the field a field rule checks
 *         expression: amount > 0.0
 *         action: reject                 # reject | warn | fail-batch (default reject)
 *         message: an expense has a positive amount   # optional
 * </pre>
 */
final class ApprovalReader {
    static final Set<String> CSV_KEYS = Set.of("delimiter", "nullToken", "columns");
    static final Set<String> BATCH_KEYS = Set.of("timeout", "maxRecords", "maxRejectedRecords");
    static final Set<String> RULE_KEYS = Set.of("name", "field", "expression", "action", "message");

    record Approval(Coercion coercion, ZoneId timeZone, CsvOptions csv, List<QualityRule> rules, BatchSettings batch) {
    }

    private ApprovalReader() {
    }

    /**
     * @param schema the dataset's schema if it loaded (rules and columns are checked against it)
     * @param format the landing format if valid, else null
     * @param mode   the validation mode if valid, else null
     */
    static Approval read(Map<String, YamlNode> f, Optional<Schema> schema, LandingFormat format, ValidationMode mode) {
        Coercion coercion = f.containsKey("coercion")
                ? f.get("coercion").enumValue(Coercion.class).orElse(DatasetSpec.Defaults.COERCION)
                : DatasetSpec.Defaults.COERCION;
        ZoneId timeZone = f.containsKey("timeZone") ? timeZone(f.get("timeZone")) : DatasetSpec.Defaults.TIME_ZONE;
        CsvOptions csv = CsvOptions.DEFAULTS;
        if (f.containsKey("csv")) {
            YamlNode node = f.get("csv");
            if (format != null && format != LandingFormat.CSV) {
                node.problem("csv options apply to landingFormat: csv only, this dataset lands as " + format.id());
            }
            csv = csv(node, schema);
        }
        BatchSettings batch = BatchSettings.DEFAULTS;
        if (f.containsKey("batch")) {
            YamlNode node = f.get("batch");
            if (mode != null && mode != ValidationMode.BATCH) {
                node.problem("batch settings apply to validationMode: batch only, this dataset is validated by " + mode.id());
            }
            batch = batch(node);
        }
        List<QualityRule> rules = f.containsKey("rules") ? rules(f.get("rules"), schema, mode) : List.of();
        return new Approval(coercion, timeZone, csv, rules, batch);
    }

    private static ZoneId timeZone(YamlNode node) {
        return node.text().map(text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                node.problem("'" + text + "' is not a time zone (e.g. UTC, Europe/Brussels, +02:00)");
                return DatasetSpec.Defaults.TIME_ZONE;
            }
        }).orElse(DatasetSpec.Defaults.TIME_ZONE);
    }

    private static CsvOptions csv(YamlNode node, Optional<Schema> schema) {
        Map<String, YamlNode> f = node.mapping(CSV_KEYS).orElse(Map.of());
        char delimiter = CsvOptions.DEFAULTS.delimiter();
        if (f.containsKey("delimiter")) {
            YamlNode d = f.get("delimiter");
            Optional<String> text = d.text();
            if (text.isPresent()) {
                String t = text.get();
                if (t.length() != 1) {
                    d.problem("a delimiter is one character, not '" + t + "' (" + t.length() + ")");
                } else if ("\"\r\n".indexOf(t.charAt(0)) >= 0) {
                    d.problem("the delimiter cannot be a quote or a line break");
                } else {
                    delimiter = t.charAt(0);
                }
            }
        }
        String nullToken = f.containsKey("nullToken") ? f.get("nullToken").text().orElse("") : CsvOptions.DEFAULTS.nullToken();
        List<String> columns = new ArrayList<>();
        if (f.containsKey("columns")) {
            Set<String> seen = new HashSet<>();
            for (YamlNode column : f.get("columns").sequence().orElse(List.of())) {
                column.text().ifPresent(name -> {
                    if (!seen.add(name)) {
                        column.problem("column '" + name + "' is listed twice");
                    } else if (schema.isPresent() && !FieldPaths.exists(schema.get(), name)) {
                        column.problem("column '" + name + "' is not a field of schema " + schema.get().getFullName()
                                + " (fields: " + FieldPaths.topLevel(schema.get()) + "; nested fields as a.b)");
                    }
                    columns.add(name);
                });
            }
        }
        return new CsvOptions(delimiter, nullToken, columns);
    }

    private static BatchSettings batch(YamlNode node) {
        Map<String, YamlNode> f = node.mapping(BATCH_KEYS).orElse(Map.of());
        BatchSettings defaults = BatchSettings.DEFAULTS;
        Duration timeout = defaults.timeout();
        if (f.containsKey("timeout")) {
            YamlNode t = f.get("timeout");
            Optional<String> text = t.text();
            if (text.isPresent()) {
                try {
                    Retention parsed = Retention.parse(text.get());
                    if (parsed.isForever()) {
                        t.problem("a batch timeout cannot be forever: a batch that never ends would hold its records for good");
                    } else {
                        timeout = Duration.ofMillis(parsed.ms());
                    }
                } catch (IllegalArgumentException e) {
                    t.problem("'" + text.get() + "' is not a duration: use a number with ms, s, m, h, d or w (e.g. 10m)");
                }
            }
        }
        int maxRecords = defaults.maxRecords();
        if (f.containsKey("maxRecords")) {
            YamlNode n = f.get("maxRecords");
            Optional<Integer> value = n.integer();
            if (value.isPresent() && (value.get() < 1 || value.get() > BatchSettings.MAX_RECORDS_LIMIT)) {
                n.problem("maxRecords must be between 1 and " + BatchSettings.MAX_RECORDS_LIMIT + ", not " + value.get());
            } else if (value.isPresent()) {
                maxRecords = value.get();
            }
        }
        int maxRejected = defaults.maxRejectedRecords();
        if (f.containsKey("maxRejectedRecords")) {
            YamlNode n = f.get("maxRejectedRecords");
            Optional<Integer> value = n.integer();
            if (value.isPresent() && (value.get() < 0 || value.get() > maxRecords)) {
                n.problem("maxRejectedRecords must be between 0 and maxRecords (" + maxRecords + "), not " + value.get());
            } else if (value.isPresent()) {
                maxRejected = value.get();
            }
        }
        return new BatchSettings(timeout, maxRecords, maxRejected);
    }

    private static List<QualityRule> rules(YamlNode node, Optional<Schema> schema, ValidationMode mode) {
        List<QualityRule> rules = new ArrayList<>();
        Optional<RuleCompiler> compiler = schema.map(RuleCompiler::forSchema);
        Set<String> names = new HashSet<>();
        for (YamlNode item : node.sequence().orElse(List.of())) {
            Optional<Map<String, YamlNode>> fields = item.mapping(RULE_KEYS);
            if (fields.isEmpty()) {
                continue;
            }
            Map<String, YamlNode> f = fields.get();
            String name = null;
            if (!f.containsKey("name")) {
                item.problem("name", "missing: every rule has a name (it is written in reject headers and metrics)");
            } else {
                name = f.get("name").text().orElse(null);
                if (name != null && !Names.isValid(name)) {
                    f.get("name").problem("rule name '" + name + "' must match " + Names.RULE);
                    name = null;
                } else if (name != null && !names.add(name)) {
                    f.get("name").problem("rule '" + name + "' is declared twice in this dataset");
                }
            }
            RuleAction action = RuleAction.REJECT;
            if (f.containsKey("action")) {
                YamlNode a = f.get("action");
                action = a.enumValue(RuleAction.class).orElse(null);
                if (action == RuleAction.FAIL_BATCH && mode == ValidationMode.RECORD) {
                    a.problem("action fail-batch needs validationMode: batch; a record-mode dataset has no batch to fail");
                }
            }
            String field = "";
            if (f.containsKey("field")) {
                YamlNode fieldNode = f.get("field");
                field = fieldNode.text().orElse("");
                if (schema.isPresent() && !field.isEmpty() && !FieldPaths.exists(schema.get(), field)) {
                    fieldNode.problem("'" + field + "' is not a field of schema " + schema.get().getFullName() + " (fields: "
                            + FieldPaths.topLevel(schema.get()) + "; nested fields as a.b)");
                }
            }
            String message = f.containsKey("message") ? f.get("message").text().orElse("") : "";
            String expression = null;
            YamlNode expressionNode = f.get("expression");
            if (expressionNode == null) {
                item.problem("expression", "missing: a CEL expression that is true for a good record, e.g. amount > 0.0");
            } else {
                expression = expressionNode.text().orElse(null);
                if (expression != null && expression.isBlank()) {
                    expressionNode.problem("is empty");
                    expression = null;
                }
                if (expression != null && compiler.isPresent()) {
                    try {
                        compiler.get().compile(expression);
                    } catch (RuleCompileException e) {
                        for (RuleCompileException.Issue issue : e.issues()) {
                            expressionNode.problemInText(issue.line(), issue.column(), "rule " + (name == null ? "" : name + " ")
                                    + "does not compile: " + issue.message());
                        }
                    }
                }
            }
            if (name != null && expression != null && action != null) {
                rules.add(new QualityRule(name, expression, action, field, message, expressionNode.line()));
            }
        }
        return rules;
    }
}
