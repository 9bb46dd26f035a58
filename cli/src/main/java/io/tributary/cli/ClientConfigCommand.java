package io.tributary.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tributary.cli.security.RoleArguments;
import io.tributary.cli.security.ZoneSecurity;
import io.tributary.model.ClientSettings;
import io.tributary.security.ZonePrincipal;
import io.tributary.security.credentials.ClientConfig;
import io.tributary.security.credentials.ClientConfigs;
import io.tributary.security.credentials.CredentialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "client-config", mixinStandardHelpOptions = true,
        description = {"Prints the Kafka and schema-registry client properties of a zone role (bootstrap, SASL/SCRAM, registry URL"
                + " and credentials), usable as they are by a producer, a consumer, Kafka Streams or a Connect config.",
                "The output holds a password: redirect it to an owner-only file."})
final class ClientConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<zone>")
    String zone;

    @Parameters(index = "1", paramLabel = "<role>", description = "producer, validator, canonicaliser, analytical, connect, analyst, steward")
    String role;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    SecretsOption secrets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ZonePrincipal principal = RoleArguments.principal(zone, role);
        ClientSettings settings = cluster.settings();
        String protocol = ZoneSecurity.authenticates(settings) ? settings.asMap().get("security.protocol") : "SASL_PLAINTEXT";
        // Over TLS the role's clients trust what the cluster's clients trust (e.g. the local CA's certificate); a key
        // store of the platform's own (mutual TLS) is not the role's to use.
        Map<String, String> tls = new java.util.TreeMap<>();
        if (protocol.equalsIgnoreCase("SASL_SSL")) {
            settings.kafkaOnly().forEach((k, v) -> {
                if (k.startsWith("ssl.truststore.") || k.equals("ssl.endpoint.identification.algorithm")) {
                    tls.put(k, v);
                }
            });
        }
        ClientConfig config;
        try {
            config = new ClientConfigs(secrets.open(), protocol.toUpperCase(java.util.Locale.ROOT), tls).forRole(zone, principal.role(), settings.bootstrapServers(), cluster.registryUrl);
        } catch (CredentialException e) {
            throw new UserFacingException(e.getMessage() + " (run `tributary zones apply` against the secured cluster first)", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + principal.userName() + ": client properties for zone " + zone + " as " + role);
        for (Map.Entry<String, String> e : config.asMap().entrySet()) {
            out.println(e.getKey() + "=" + e.getValue());
        }
        out.flush();
        return 0;
    }
}
