package io.tributary.processors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.tributary.processors.RegistryStub;
import io.tributary.processors.ShopFixtures;
import io.tributary.processors.topology.ValidatorScope;
import io.tributary.registry.client.HttpSchemaRegistry;

/** Finding the staging schema ids over real HTTP: the subjects asked, retries, and answers that stop the start. */
class StagingSchemaIdsTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    private final ValidatorScope scope = ValidatorScope.of(ShopFixtures.zone());

    private static Map<String, Integer> resolveAll(StagingSchemaIds resolver, ValidatorScope scope) {
        Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        for (var dataset : scope.datasets()) {
            ids.put(dataset.name(), resolver.resolve(scope.zone().zone(), dataset));
        }
        return ids;
    }

    @Test
    void registersEachDatasetsSchemaUnderItsStagingSubject() {
        try (RegistryStub registry = RegistryStub.start(0, 0, 10)) {
            Map<String, Integer> ids = resolveAll(resolver(registry), scope);

            assertThat(ids).containsExactly(Map.entry("orders", 10), Map.entry("payments", 11), Map.entry("refunds", 12),
                    Map.entry("events", 13), Map.entry("ledger", 14));
            assertThat(registry.calls()).extracting(RegistryStub.Call::path).containsExactly(
                    "/subjects/shop.staging.orders-value/versions", "/subjects/shop.staging.payments-value/versions",
                    "/subjects/shop.staging.refunds-value/versions", "/subjects/shop.staging.events-value/versions",
                    "/subjects/shop.staging.ledger-value/versions");
            assertThat(new Schema.Parser().parse(registry.calls().get(0).schema())).isEqualTo(ShopFixtures.ordersSchema());
        }
    }

    @Test
    void retriesWhileTheRegistryCannotAnswer() {
        try (RegistryStub registry = RegistryStub.start(3, 503, 5)) {
            Map<String, Integer> ids = resolveAll(resolver(registry), scope);

            assertThat(ids).containsEntry("orders", 5);
            assertThat(registry.calls()).hasSize(8);
        }
    }

    @Test
    void retriesWhileTheRegistryIsUnreachable() throws Exception {
        String url;
        try (RegistryStub stopped = RegistryStub.start(0, 0, 1)) {
            url = stopped.url();
        }
        StagingSchemaIds resolver = new StagingSchemaIds(new HttpSchemaRegistry(url, null, Duration.ofSeconds(1)), url, FAST);
        Thread thread = new Thread(() -> resolveAll(resolver, scope));
        thread.start();
        thread.join(500);
        assertThat(thread.isAlive()).as("still retrying").isTrue();
        thread.interrupt();
        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void anAnswerThatRetryingCannotChangeStopsTheStart() {
        try (RegistryStub registry = RegistryStub.start(1, 409, 1)) {
            assertThatThrownBy(() -> resolveAll(resolver(registry), scope))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Zone shop dataset orders: the schema registry at " + registry.url())
                    .hasMessageContaining("refused schema ")
                    .hasMessageContaining("orders.avsc under subject shop.staging.orders-value")
                    .hasMessageContaining("409")
                    .hasMessageContaining("stub says no");
            assertThat(registry.calls()).hasSize(1);
        }
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(100)).isEqualTo(Duration.ofSeconds(3));
    }

    private static StagingSchemaIds resolver(RegistryStub registry) {
        return new StagingSchemaIds(new HttpSchemaRegistry(registry.url()), registry.url(), FAST);
    }
}
