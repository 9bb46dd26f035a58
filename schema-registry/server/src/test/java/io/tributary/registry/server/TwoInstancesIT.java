package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two packaged instances on one schema topic: one is elected writer, the other forwards; both
 * serve the same ids; concurrent registrations through both never share or split ids; when the
 * leader stops, the other takes over and ids continue.
 */
class TwoInstancesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void oneWriterIsElectedAndIdsAreNeverHandedOutTwice() throws Exception {
        RegistryProcess a = RegistryProcess.start(broker, "pair-a", Map.of("host.name", "localhost"));
        RegistryProcess b = RegistryProcess.start(broker, "pair-b", Map.of("host.name", "localhost"));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> a.isLeader() ^ b.isLeader());
            RegistryProcess leader = a.isLeader() ? a : b;
            RegistryProcess follower = leader == a ? b : a;

            // A write sent to the follower is forwarded; both answer the same afterwards.
            int viaFollower = register(follower, "via-follower-value", record("ViaFollower", 0));
            assertThat(register(leader, "via-follower-value", record("ViaFollower", 0))).isEqualTo(viaFollower);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(follower.get("/schemas/ids/" + viaFollower).body()).contains("ViaFollower"));
            assertThat(follower.get("/q/metrics").body()).contains("tributary_registry_forwarded_requests_total");

            // The same schema registered concurrently through both instances: one id, one version.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> same = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    RegistryProcess target = i % 2 == 0 ? a : b;
                    same.add(pool.submit(() -> register(target, "contended-value", record("Contended", 0))));
                }
                Set<Integer> sameIds = new HashSet<>();
                for (Future<Integer> f : same) {
                    sameIds.add(f.get());
                }
                assertThat(sameIds).hasSize(1);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(a.get("/subjects/contended-value/versions").body()).isEqualTo("[1]"));

                // Different schemas concurrently through both: all ids distinct, the same on both.
                Map<Integer, Future<Integer>> distinct = new HashMap<>();
                for (int i = 1; i <= 20; i++) {
                    RegistryProcess target = i % 2 == 0 ? a : b;
                    int n = i;
                    Callable<Integer> call = () -> register(target, "many-" + n + "-value", record("Many", n));
                    distinct.put(i, pool.submit(call));
                }
                Set<Integer> ids = new HashSet<>();
                for (Map.Entry<Integer, Future<Integer>> e : distinct.entrySet()) {
                    int id = e.getValue().get();
                    ids.add(id);
                    // Each instance reads its copy of _schemas, so the one that did not take the write may lag a moment.
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                        assertThat(a.get("/schemas/ids/" + id).body()).contains("f" + e.getKey());
                        assertThat(b.get("/schemas/ids/" + id).body()).contains("f" + e.getKey());
                    });
                }
                assertThat(ids).hasSize(20).doesNotContain(viaFollower, sameIds.iterator().next());
            } finally {
                pool.shutdownNow();
            }

            // The leader stops; the other takes over and continues the ids.
            int highest = maxId(follower);
            leader.close();
            await().atMost(Duration.ofSeconds(30)).until(follower::isLeader);
            int afterTakeover = register(follower, "after-takeover-value", record("AfterTakeover", 0));
            assertThat(afterTakeover).isGreaterThan(highest);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void anInstanceThatMayNotLeadForwardsAndSaysSoWhenNobodyLeads() throws Exception {
        Map<String, String> followerOnly = Map.of("leader.eligibility", "false", "kafkastore.topic", "_schemas_nolead",
                "schema.registry.group.id", "nolead", "kafkastore.timeout.ms", "3000");
        try (RegistryProcess lonely = RegistryProcess.start(broker, "lonely", followerOnly)) {
            HttpResponse<String> refused = lonely.post("/subjects/x-value/versions", body("\"string\""));
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(refused.body()).get("error_code").asInt()).isEqualTo(50004);
            assertThat(refused.body()).contains("leader.eligibility");
            // Reads still work.
            assertThat(lonely.get("/subjects").statusCode()).isEqualTo(200);

            try (RegistryProcess leader = RegistryProcess.start(broker, "nolead-leader",
                    Map.of("kafkastore.topic", "_schemas_nolead", "schema.registry.group.id", "nolead"))) {
                await().atMost(Duration.ofSeconds(30)).until(leader::isLeader);
                int id = register(lonely, "x-value", "\"string\"");
                assertThat(leader.get("/schemas/ids/" + id).statusCode()).isEqualTo(200);
                assertThat(lonely.isLeader()).isFalse();
            }
        }
    }

    private static int maxId(RegistryProcess registry) throws Exception {
        int max = 0;
        for (var subject : JSON.readTree(registry.get("/subjects").body())) {
            max = Math.max(max, JSON.readTree(registry.get("/subjects/" + subject.asText() + "/versions/latest").body())
                    .get("id").asInt());
        }
        return max;
    }

    private static int register(RegistryProcess registry, String subject, String schema) throws Exception {
        HttpResponse<String> response = registry.post("/subjects/" + subject + "/versions", body(schema));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("id").asInt();
    }

    private static String record(String name, int n) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f" + n + "\",\"type\":\"long\"}]}";
    }

    private static String body(String schema) throws Exception {
        return JSON.writeValueAsString(Map.of("schema", schema));
    }
}
