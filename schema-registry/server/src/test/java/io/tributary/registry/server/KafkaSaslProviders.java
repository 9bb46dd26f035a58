package io.tributary.registry.server;

import java.security.Provider;
import java.security.Security;

import org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider;
import org.apache.kafka.common.security.scram.internals.ScramSaslClientProvider;
import org.apache.kafka.common.security.scram.internals.ScramSaslServerProvider;

/**
 * Kafka registers its SASL providers (PLAIN server, SCRAM server and client) in the JVM-wide
 * {@link Security} list once, by name. A {@code @QuarkusTest} application has its own class loader:
 * a broker it ran earlier in this JVM leaves that loader's providers installed, and their SASL
 * servers and clients reject the callbacks of another loader's Kafka classes, so every login of a
 * later broker fails ("channel manager timed out"). Installing this loader's providers in their
 * place before a broker starts keeps tests of both kinds in one JVM.
 */
final class KafkaSaslProviders {
    private KafkaSaslProviders() {
    }

    static synchronized void useThisClassLoaders() {
        ClassLoader ours = KafkaSaslProviders.class.getClassLoader();
        for (Provider provider : Security.getProviders()) {
            if (provider.getClass().getName().startsWith("org.apache.kafka.") && provider.getClass().getClassLoader() != ours) {
                Security.removeProvider(provider.getName());
            }
        }
        PlainSaslServerProvider.initialize();
        ScramSaslServerProvider.initialize();
        ScramSaslClientProvider.initialize();
    }
}
