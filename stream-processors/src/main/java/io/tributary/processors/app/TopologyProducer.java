package io.tributary.processors.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.processors.topology.MicrometerValidationMetrics;
import io.tributary.processors.topology.ValidationTopology;

/** Gives Quarkus' Kafka Streams extension the zone's validation topology. */
@ApplicationScoped
public class TopologyProducer {
    private static final Logger LOG = LoggerFactory.getLogger(TopologyProducer.class);

    @Produces
    @Singleton
    Topology validationTopology(ValidatorSetup setup, ProcessorRoles roles, MeterRegistry meters) {
        String zone = setup.zone();
        Topology topology = ValidationTopology.build(zone, setup.validators(), new MicrometerValidationMetrics(meters, zone));
        LOG.info("Zone {}: validator {} will read {}", zone, setup.scope().applicationId(), setup.scope().topics());
        if (setup.scope().hasBatchDatasets()) {
            LOG.info("Zone {}: batch reports go to {}", zone, setup.batchesTopic());
        }
        LOG.info("Zone {}: validator application {} runs as {}", zone, setup.scope().applicationId(),
                roles.of(ProcessorRole.VALIDATOR).principal());
        LOG.debug("Zone {} validation topology:\n{}", zone, topology.describe());
        return topology;
    }
}
