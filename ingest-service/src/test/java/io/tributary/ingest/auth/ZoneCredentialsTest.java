package io.tributary.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void basicAndBearerCredentialsFromAPropertiesFile() throws Exception {
        ZoneCredentials credentials = CredentialsFile.load(write("creds.properties",
                "finance.basic.expenses-app=s3cret\nfinance.tokens.ci=tok-fin\naudit.tokens.reader=tok-audit\n"));

        assertThat(credentials.decide("finance", basic("expenses-app", "s3cret"))).isEqualTo(AccessDecision.granted("finance/user:expenses-app"));
        assertThat(credentials.decide("finance", "Bearer tok-fin").granted()).isTrue();
        assertThat(credentials.decide("finance", basic("expenses-app", "wrong")).kind()).isEqualTo(AccessDecision.Kind.UNAUTHENTICATED);
        assertThat(credentials.decide("finance", null).kind()).isEqualTo(AccessDecision.Kind.UNAUTHENTICATED);
        assertThat(credentials.decide("finance", "Digest abc").reason()).contains("Basic or Bearer");
    }

    @Test
    void anotherZonesCredentialIsForbidden() throws Exception {
        ZoneCredentials credentials = CredentialsFile.load(write("creds.properties", "finance.tokens.ci=tok-fin\naudit.tokens.reader=tok-audit\n"));
        AccessDecision decision = credentials.decide("finance", "Bearer tok-audit");
        assertThat(decision.kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
        assertThat(decision.reason()).contains("zone audit").contains("not of zone finance");
    }

    @Test
    void yamlFilesAndHashedSecrets() throws Exception {
        String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("pw".getBytes(StandardCharsets.UTF_8)));
        ZoneCredentials credentials = CredentialsFile.load(write("creds.yaml",
                "finance:\n  basic:\n    app: \"{sha256}" + hash + "\"\n  tokens:\n    ci: tok\n"));
        assertThat(credentials.decide("finance", basic("app", "pw")).granted()).isTrue();
        assertThat(credentials.decide("finance", basic("app", "{sha256}" + hash)).granted()).isFalse();
        assertThat(credentials.decide("finance", "bearer tok").granted()).isTrue();
    }

    @Test
    void aBadKeyIsNamedWithItsFile() throws Exception {
        Path file = write("creds.properties", "finance.password.app=x\n");
        assertThatThrownBy(() -> CredentialsFile.load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("finance.password.app").hasMessageContaining("<zone>.basic.<user>");
        assertThatThrownBy(() -> CredentialsFile.load(write("e.properties", "Finance.tokens.a=x\n"))).hasMessageContaining("not a zone name");
        assertThatThrownBy(() -> CredentialsFile.load(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
