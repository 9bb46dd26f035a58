package io.tributary.processors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tributary.model.QualityRule;
import io.tributary.model.RuleAction;
import io.tributary.model.RuleCompileException;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.validation.JsonLandingParser;
import io.tributary.processors.validation.ValidationOutcome;

/** Rules over real records: CEL types of Avro values, failures, and evaluation errors. */
class RuleSetTest {
    private final Schema orders = ShopFixtures.ordersSchema();
    private final GenericRecord order = ((ValidationOutcome.Valid) new JsonLandingParser(orders)
            .parse(ShopFixtures.VALID_ORDER.getBytes(StandardCharsets.UTF_8), null)).record();

    @Test
    void everyAvroTypeIsReadableByRules() {
        RuleSet rules = RuleSet.compile(orders, List.of(
                rule("decimal", "total == 25.5 && items[1].price == 7.75"),
                rule("timestamp", "placed_at == timestamp('2024-05-01T10:15:30Z')"),
                rule("date", "delivery_date == timestamp('2024-05-03T00:00:00Z')"),
                rule("enum_and_nested", "status == 'PAID' && customer.address.city == 'Ghent' && customer.id == 42"),
                rule("map_and_bool", "attributes.channel == 'web' && !gift"),
                rule("nullable", "weight_kg != null && weight_kg > 1.0"),
                rule("list", "size(items) == 2 && items.exists(i, i.quantity == 2)")));
        assertThat(rules.evaluate(order)).isEmpty();
    }

    @Test
    void aFalseRuleFailsAndAnUnevaluableOneIsAnError() {
        RuleSet rules = RuleSet.compile(orders, List.of(rule("big", "total > 1000"), rule("colour", "attributes.colour == 'red'")));
        List<RuleFailure> failures = rules.evaluate(order);
        assertThat(failures).extracting(f -> f.rule().name()).containsExactly("big", "colour");
        assertThat(failures.get(0).error()).isFalse();
        assertThat(failures.get(1).error()).isTrue();
        assertThat(failures.get(1).message()).contains("cannot be evaluated").contains("colour");
    }

    @Test
    void valueFromAListLengthAndNotNullRulesPassAndFail() {
        GenericRecord withoutWeight = ((ValidationOutcome.Valid) new JsonLandingParser(orders)
                .parse(ShopFixtures.orderWithout("weight_kg").getBytes(StandardCharsets.UTF_8), null)).record();
        RuleSet rules = RuleSet.compile(orders, List.of(
                rule("status_known", "status in ['NEW', 'PAID']"),
                rule("status_open", "status in ['NEW']"),
                rule("short_id", "size(order_id) <= 6"),
                rule("tiny_id", "size(order_id) <= 3"),
                rule("few_items", "size(items) < 3"),
                rule("weighed", "weight_kg != null"),
                rule("emailed", "customer.email != null")));

        assertThat(rules.evaluate(order)).extracting(f -> f.rule().name()).containsExactly("status_open", "tiny_id");
        assertThat(rules.evaluate(withoutWeight)).extracting(f -> f.rule().name()).containsExactly("status_open", "tiny_id", "weighed");
        assertThat(rules.evaluate(withoutWeight)).allMatch(f -> !f.error(), "a failed rule, not an evaluation error");
    }

    @Test
    void aRuleThatDoesNotFitANewSchemaVersionDoesNotCompile() {
        Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"O\",\"fields\":[{\"name\":\"order_id\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> RuleSet.compile(other, List.of(rule("big", "total > 1000"))))
                .isInstanceOf(RuleCompileException.class).hasMessageContaining("undeclared reference to 'total'");
    }

    private static QualityRule rule(String name, String expression) {
        return new QualityRule(name, expression, RuleAction.REJECT, "", "", 0);
    }
}
