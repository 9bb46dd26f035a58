package io.tributary.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalS3ServerTest {
    @TempDir
    Path dir;

    @Test
    void servesBucketsAsFoldersAndRefusesUnsignedRequests() throws Exception {
        try (LocalS3Server s3 = LocalS3Server.start(dir, 0, "key", "secret")) {
            s3.createBucket("lake");
            s3.createBucket("lake");
            assertThat(Files.isDirectory(dir.resolve("lake"))).isTrue();
            assertThat(s3.endpoint()).isEqualTo("http://localhost:" + s3.port());
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(s3.endpoint() + "/lake")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aTakenPortIsReportedAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalS3Server.start(dir, port, "key", "secret"))
                    .isInstanceOf(LocalRuntimeException.class).hasMessageContaining("S3 server: port " + port);
            assertThatThrownBy(() -> LocalConnectWorker.start("localhost:1", port, Map.of()))
                    .isInstanceOf(LocalRuntimeException.class).hasMessageContaining("Kafka Connect REST API: port " + port);
        }
    }
}
